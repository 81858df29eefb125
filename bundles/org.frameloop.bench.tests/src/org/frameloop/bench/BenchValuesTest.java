package org.frameloop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.frameloop.core.registry.PluginChoice;

import org.junit.jupiter.api.Test;

/** Naming of granularities and reading clicks-to-target off a curve. */
class BenchValuesTest {

    @Test
    void rectNIsTheRectangleGranularityWithSizeN() {
        assertEquals(new GranularityOption("rect32", new PluginChoice("rect", Map.of("sizePx", "32"))),
                GranularityOption.parse("rect32"));
        assertEquals(new GranularityOption("superpixel", PluginChoice.of("superpixel")),
                GranularityOption.parse("superpixel"));
        assertThrows(IllegalArgumentException.class, () -> GranularityOption.parse("../x"));
    }

    private static CellResult run(long capClicks, CurvePoint... curve) {
        BenchMethod method = new BenchMethod(BenchMethod.Kind.ACTIVE, "frame", PluginChoice.of("frame"), "hybrid",
                PluginChoice.of("propagation"), 2, BenchMethod.NO_FUSION);
        return new CellResult("v", method, "s", 10, "8x8", 1000, capClicks, List.of(curve), List.of(), "stop", 1, 1.0,
                List.of(), "now");
    }

    @Test
    void clicksToTargetAreThoseOfTheFirstPointAtOrAboveIt() {
        CellResult result = run(0, new CurvePoint(0, 0, 0, 0.5), new CurvePoint(1, 2, 100, 0.85),
                new CurvePoint(2, 4, 180, 0.80), new CurvePoint(3, 6, 300, 0.90));

        assertEquals(OptionalLong.of(100), result.clicksToTarget(0.80));
        assertEquals(OptionalLong.of(100), result.clicksToTarget(0.85));
        assertEquals(OptionalLong.of(300), result.clicksToTarget(0.90));
        assertEquals(0.3, result.shareOfFrameByFrame(0.90), 1e-12);
        assertTrue(result.clicksToTarget(0.95).isEmpty());
        assertTrue(Double.isNaN(result.shareOfFrameByFrame(0.95)));
    }

    @Test
    void aTargetFirstMetBeyondTheClickCapIsNotReached() {
        CellResult result = run(250, new CurvePoint(0, 0, 0, 0.5), new CurvePoint(1, 2, 200, 0.85),
                new CurvePoint(2, 4, 300, 0.95));

        assertEquals(OptionalLong.of(200), result.clicksToTarget(0.80));
        assertTrue(result.clicksToTarget(0.95).isEmpty());
    }

    @Test
    void eachProtocolReadsItsOwnClicksAtTheSamePointsAndTheSameCap() {
        CellResult result = run(250, new CurvePoint(0, 0, 0, 0.5, 0), new CurvePoint(1, 2, 200, 0.85, 120),
                new CurvePoint(2, 4, 300, 0.95, 150));

        assertEquals(OptionalLong.of(120), result.clicksToTarget(0.80, ClickProtocol.CORRECTION));
        assertEquals(0.12, result.shareOfFrameByFrame(0.80, ClickProtocol.CORRECTION), 1e-12);
        assertEquals(OptionalLong.of(200), result.clicksToTarget(0.80, ClickProtocol.FROM_SCRATCH));
        assertTrue(result.clicksToTarget(0.95, ClickProtocol.CORRECTION).isEmpty(),
                "the cap is in from-scratch clicks for both protocols");
        assertEquals(200, new CurvePoint(1, 2, 200, 0.85).correctionClicks(), "no proposal: correcting is drawing");
    }
}
