package org.frameloop.testkit;

import static org.frameloop.testkit.Checks.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Stream;

import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.spi.FlowProvider;
import org.junit.jupiter.api.DynamicTest;

/**
 * What {@link FlowProvider} promises: a flow of the frames' size with a finite motion for every pixel and a
 * validity mask, in the convention of {@link OpticalFlow} (pixel (x, y) of {@code from} moves to
 * (x + dx, y + dy) in {@code to}), both directions in the order {@code [a→b, b→a]}, and the frames left as
 * they were. The motions asked for are a few whole pixels of a smooth texture: any usable method finds
 * them to within a pixel.
 */
public final class FlowContract implements Contract<FlowProvider> {

    private static final FlowContract INSTANCE = new FlowContract();
    private static final int WIDTH = 96;
    private static final int HEIGHT = 72;
    private static final double TOLERANCE_PX = 1.0;

    /** The contract, for {@link ContributionContracts}. */
    public static FlowContract contract() {
        return INSTANCE;
    }

    @Override
    public Stream<DynamicTest> checks(String name, InstanceFactory<FlowProvider> factory) {
        SyntheticFrames texture = new SyntheticFrames(31);
        return Stream.of(
                check(name, "gives a finite flow of the frames' size", () -> {
                    RgbImage from = texture.frame(WIDTH, HEIGHT);
                    OpticalFlow flow = factory.create().flow(from, texture.shifted(WIDTH, HEIGHT, 2, 1));
                    assertWellFormed(name, from, flow);
                }),
                check(name, "gives a finite flow on an odd-sized frame", () -> {
                    RgbImage from = texture.frame(45, 31);
                    assertWellFormed(name, from, factory.create().flow(from, texture.shifted(45, 31, 1, 0)));
                }),
                check(name, "finds no motion between identical frames", () -> {
                    RgbImage frame = texture.frame(WIDTH, HEIGHT);
                    OpticalFlow flow = factory.create().flow(frame,
                            new RgbImage(WIDTH, HEIGHT, frame.rgb().clone()));
                    assertWellFormed(name, frame, flow);
                    assertMotion(name + " between identical frames", flow, 0, 0);
                }),
                check(name, "moves pixels of the first frame to where they are in the second", () -> {
                    RgbImage from = texture.frame(WIDTH, HEIGHT);
                    OpticalFlow flow = factory.create().flow(from, texture.shifted(WIDTH, HEIGHT, 3, -2));
                    assertMotion(name + " for content moved 3 px right and 2 px up", flow, 3, -2);
                }),
                check(name, "gives both directions forward first", () -> {
                    RgbImage a = texture.frame(WIDTH, HEIGHT);
                    RgbImage b = texture.shifted(WIDTH, HEIGHT, -2, 3);
                    OpticalFlow[] both = factory.create().flowBothWays(a, b);
                    assertNotNull(both, name + " flowBothWays returned null");
                    assertEquals(2, both.length, name + " flowBothWays must return [a->b, b->a]");
                    assertWellFormed(name + " a->b", a, both[0]);
                    assertWellFormed(name + " b->a", b, both[1]);
                    assertMotion(name + " a->b", both[0], -2, 3);
                    assertMotion(name + " b->a", both[1], 2, -3);
                }),
                check(name, "leaves the frames as they were", () -> {
                    RgbImage from = texture.frame(WIDTH, HEIGHT);
                    RgbImage to = texture.shifted(WIDTH, HEIGHT, 1, 1);
                    byte[] fromBefore = from.rgb().clone();
                    byte[] toBefore = to.rgb().clone();
                    FlowProvider provider = factory.create();
                    provider.flow(from, to);
                    provider.flowBothWays(from, to);
                    assertArrayEquals(fromBefore, from.rgb(), name + " changed the pixels of the first frame");
                    assertArrayEquals(toBefore, to.rgb(), name + " changed the pixels of the second frame");
                }));
    }

    /**
     * The shape every flow has, for a plugin's own tests too: {@code from}'s size, and a finite dx and dy for
     * every pixel, valid or not (a loss that weighs pixels by validity still multiplies NaN by 0).
     */
    public static void assertWellFormed(String name, RgbImage from, OpticalFlow flow) {
        assertNotNull(flow, name + " returned null instead of a flow");
        assertTrue(flow.width() == from.width() && flow.height() == from.height(), name + " returned a "
                + flow.width() + "x" + flow.height() + " flow for " + from.width() + "x" + from.height() + " frames");
        for (int i = 0; i < flow.dx().length; i++) {
            if (!Float.isFinite(flow.dx()[i]) || !Float.isFinite(flow.dy()[i])) {
                fail(name + " gives pixel (" + i % flow.width() + ", " + i / flow.width() + ") the motion ("
                        + flow.dx()[i] + ", " + flow.dy()[i] + "); every pixel needs a finite one");
            }
        }
    }

    /** Most pixels valid, and the median motion over them within a pixel of ({@code dx}, {@code dy}). */
    private static void assertMotion(String name, OpticalFlow flow, double dx, double dy) {
        double valid = flow.validFraction();
        assertTrue(valid > 0.5, name + ": only " + percent(valid) + " of the pixels are valid");
        assertEquals(dx, flow.medianDx(), TOLERANCE_PX, name + ": median horizontal motion");
        assertEquals(dy, flow.medianDy(), TOLERANCE_PX, name + ": median vertical motion");
    }

    private static String percent(double share) {
        return Math.round(100 * share) + "%";
    }
}
