package org.frameloop.testkit;

import static org.frameloop.testkit.Checks.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;

import org.frameloop.core.image.RgbImage;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.Granularity;
import org.frameloop.core.spi.RoundAwareGranularity;
import org.junit.jupiter.api.DynamicTest;

/**
 * What {@link Granularity#candidates} promises: non-empty regions inside the frame that together cover
 * every pixel exactly once, on any frame size, the same again when asked again for the same frame; and for
 * a {@link RoundAwareGranularity}, the same after it observed the loop.
 */
public final class GranularityContract implements Contract<Granularity> {

    private static final GranularityContract INSTANCE = new GranularityContract();

    /** The contract, for {@link ContributionContracts}. */
    public static GranularityContract contract() {
        return INSTANCE;
    }

    @Override
    public Stream<DynamicTest> checks(String name, InstanceFactory<Granularity> factory) {
        SyntheticFrames texture = new SyntheticFrames(21);
        return Stream.of(
                check(name, "covers every pixel of a frame exactly once", () -> {
                    RgbImage frame = texture.frame(96, 64);
                    assertPartition(name, frame, factory.create().candidates(0, frame));
                }),
                check(name, "covers frames whose size is no multiple of anything", () -> {
                    RgbImage frame = texture.frame(37, 23);
                    assertPartition(name, frame, factory.create().candidates(0, frame));
                }),
                check(name, "covers a tiny frame", () -> {
                    RgbImage frame = texture.frame(5, 3);
                    assertPartition(name, frame, factory.create().candidates(0, frame));
                }),
                check(name, "covers every frame of a moving video", () -> {
                    Granularity granularity = factory.create();
                    for (int index = 0; index < 3; index++) {
                        RgbImage frame = texture.shifted(80, 48, 4 * index, index);
                        assertPartition(name + " on frame " + index, frame, granularity.candidates(index, frame));
                    }
                }),
                check(name, "gives the same regions when asked again for the same frame", () -> {
                    Granularity granularity = factory.create();
                    RgbImage frame = texture.frame(72, 56);
                    List<Region> first = granularity.candidates(3, frame);
                    assertEquals(first, granularity.candidates(3, frame),
                            name + " cut frame 3 differently the second time (the loop asks once per frame and round)");
                }),
                check(name, "covers the frame after observing the loop, if it is round-aware", () -> {
                    Granularity granularity = factory.create();
                    if (granularity instanceof RoundAwareGranularity roundAware) {
                        // before round 1 the loop has no finished round to show yet
                        roundAware.observe(List.of(), 0.9);
                        RgbImage frame = texture.frame(96, 64);
                        assertPartition(name, frame, roundAware.candidates(0, frame));
                        assertTrue(roundAware.samplesPerRound(8) >= 1,
                                name + " asks for " + roundAware.samplesPerRound(8) + " samples per round");
                        String description = roundAware.currentDescription();
                        assertTrue(description != null && !description.isBlank(),
                                name + " has no current description for people");
                    }
                }));
    }

    /**
     * The rules every cut obeys, for a plugin's own tests too: at least one region, each non-empty and inside
     * the frame, together covering every pixel of {@code frame} exactly once.
     */
    public static void assertPartition(String name, RgbImage frame, List<Region> regions) {
        int width = frame.width();
        int height = frame.height();
        String where = name + " on a " + width + "x" + height + " frame";
        assertNotNull(regions, where + " returned null instead of a list");
        assertFalse(regions.isEmpty(), where + " returned no region");
        int[] coveredBy = new int[width * height];
        for (int r = 0; r < regions.size(); r++) {
            Region region = regions.get(r);
            String which = where + ": region " + r + " " + region;
            assertNotNull(region, which + " is null");
            assertInsideFrame(which, region, width, height);
            int[] pixels = region.pixelIndices(width);
            assertTrue(pixels.length > 0, which + " is empty");
            assertEquals(region.area(), pixels.length, which + " has an area unlike its pixel count");
            for (int p = 0; p < pixels.length; p++) {
                int pixel = pixels[p];
                if (pixel < 0 || pixel >= coveredBy.length) {
                    fail(which + " covers pixel index " + pixel + ", outside the frame");
                }
                if (p > 0 && pixel <= pixels[p - 1]) {
                    fail(which + " lists its pixels out of ascending order at " + pixel);
                }
                coveredBy[pixel]++;
            }
        }
        for (int pixel = 0; pixel < coveredBy.length; pixel++) {
            if (coveredBy[pixel] != 1) {
                fail(where + ": pixel (" + pixel % width + ", " + pixel / width + ") is covered by " + coveredBy[pixel]
                        + " regions instead of exactly one");
            }
        }
    }

    private static void assertInsideFrame(String which, Region region, int width, int height) {
        if (region instanceof Region.WholeFrame whole) {
            assertTrue(whole.width() == width && whole.height() == height, which + " is not the frame's size");
        } else if (region instanceof Region.Rectangle rectangle) {
            assertTrue(rectangle.x() + rectangle.width() <= width && rectangle.y() + rectangle.height() <= height,
                    which + " reaches beyond the frame (rectangles must be clipped to it)");
        }
        // a PixelSet's indices are checked one by one by the caller
    }
}
