package org.frameloop.flow.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.FlowProvider;
import org.junit.jupiter.api.Test;

class DisFlowProviderTest {

    @Test
    void disFlowRecoversAShiftOfThreeRightTwoUp() throws Exception {
        Contribution<FlowProvider> dis = PluginRegistry.ofPlatform().find(ExtensionPoint.FLOWS, "dis").orElseThrow();
        FlowProvider provider = dis.create(Map.of("preset", "medium"));
        RgbImage first = TexturedPattern.render(160, 120, 0, 0);
        RgbImage shifted = TexturedPattern.render(160, 120, 3, -2);

        OpticalFlow flow = provider.flow(first, shifted);

        assertEquals(3.0, flow.medianDx(), 0.5);
        assertEquals(-2.0, flow.medianDy(), 0.5);
        assertTrue(flow.validFraction() > 0.8, "most pixels stay visible: " + flow.validFraction());
    }

    /** A still textured background with a thin bright bar, 3 px wide, whose left edge is at {@code barX}. */
    private static RgbImage thinBarAt(int barX) {
        RgbImage image = TexturedPattern.render(160, 120, 0, 0);
        for (int y = 10; y < 110; y++) {
            for (int x = barX; x < barX + 3; x++) {
                int shade = 200 + (y * 7) % 50;
                image.set(x, y, shade, shade, 40);
            }
        }
        return image;
    }

    /** Mean error of the horizontal flow on the bar's pixels, for a bar that moved 3 px right. */
    private static double barError(String preset) throws Exception {
        Contribution<FlowProvider> dis = PluginRegistry.ofPlatform().find(ExtensionPoint.FLOWS, "dis").orElseThrow();
        OpticalFlow flow = dis.create(Map.of("preset", preset)).flow(thinBarAt(60), thinBarAt(63));
        double error = 0;
        int pixels = 0;
        for (int y = 20; y < 100; y++) {
            for (int x = 60; x < 63; x++) {
                error += Math.abs(flow.dx()[y * 160 + x] - 3);
                pixels++;
            }
        }
        return error / pixels;
    }

    @Test
    void theFinePresetFollowsAThinObjectThatMediumSmoothsAway() throws Exception {
        // poles and signs in driving video: medium stops refining at half resolution, where a 3 px bar is
        // mostly blended with the still background around it
        double medium = barError("medium");
        double fine = barError("fine");
        assertTrue(fine < 0.25, "fine: mean error " + fine + " px on the bar (medium " + medium + ")");
        assertTrue(fine < medium / 2, "fine " + fine + " px, medium " + medium + " px");
    }

    @Test
    void pixelsMovedOutOfTheFrameAreInvalid() throws Exception {
        RgbImage first = TexturedPattern.render(160, 120, 0, 0);
        RgbImage shifted = TexturedPattern.render(160, 120, 3, -2);

        OpticalFlow flow = new DisFlowProvider().flow(first, shifted);

        // The three right-most columns move beyond the right border: nothing to match them with.
        for (int y = 10; y < 110; y++) {
            assertFalse(flow.valid()[y * 160 + 159], "pixel (159, " + y + ") leaves the frame");
        }
    }

    @Test
    void roundTripCheckRejectsFlowThatDoesNotComeBack() {
        // 2x1 frame: forward says "move 1 right", backward says "stay": a 1 px round-trip error.
        float[] forward = { 1, 0, 0, 0 };
        float[] backward = { 0, 0, 0, 0 };

        OpticalFlow strict = DisFlowProvider.consistentFlow(2, 1, forward, backward, 0.5);
        OpticalFlow lenient = DisFlowProvider.consistentFlow(2, 1, forward, backward, 1.5);

        assertFalse(strict.valid()[0]);
        assertTrue(lenient.valid()[0]);
        assertTrue(strict.valid()[1], "zero motion both ways is consistent");
    }

    @Test
    void openCvCheckReportsTheNativeVersion() {
        Map<String, String> facts = new OpenCvCheck().run();

        assertTrue(facts.get("version").startsWith("4.9"), facts.toString());
    }
}
