package org.frameloop.granularity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frameloop.core.image.RgbImage;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;
import org.junit.jupiter.api.Test;

class RefiningGranularityTest {

    private static RoundReport round(int number) {
        return new RoundReport(number, List.of(), 100L * number, 0, -1, 0.5, new double[0], 0.5, 0, 0,
                new RoundReport.Timings(0, 0, 0, 0, 0));
    }

    private static RefiningGranularity create(Map<String, String> parameters) throws ContributionException {
        return (RefiningGranularity) PluginRegistry.ofPlatform().find(ExtensionPoint.GRANULARITIES, "refine")
                .orElseThrow().create(parameters);
    }

    @Test
    void wholeFramesForTheFirstRoundsThenTilesOfTheSameAreaPerRound() throws Exception {
        RefiningGranularity refine = create(Map.of()); // 2 frame rounds, 32 px tiles
        RgbImage frame = RgbImage.blank(100, 64);
        List<RoundReport> finished = new ArrayList<>();
        List<String> cut = new ArrayList<>();
        List<Integer> samples = new ArrayList<>();
        for (int round = 1; round <= 4; round++) {
            refine.observe(finished, 0.95); // cuts the candidates of `round`
            List<Region> candidates = refine.candidates(0, frame);
            cut.add(refine.currentDescription() + " x" + candidates.size());
            samples.add(refine.samplesPerRound(8));
            finished.add(round(round - 1));
        }

        assertEquals(List.of("frame x1", "frame x1", "rect 32 x8", "rect 32 x8"), cut,
                "100×64 in 32 px tiles: 4 columns (the last clipped), 2 rows");
        assertEquals(List.of(8, 8, 64, 64), samples, "8 frames, then 8 frames' worth of tiles");
        assertTrue(refine.candidates(0, frame).stream().allMatch(r -> r instanceof Region.Rectangle));
    }

    @Test
    void noFrameRoundsMeansTilesFromTheStart() throws Exception {
        RefiningGranularity refine = create(Map.of("frameRounds", "0", "sizePx", "16"));
        refine.observe(List.of(), 0.95);

        assertEquals("rect 16", refine.currentDescription());
        assertEquals(7 * 4, refine.candidates(0, RgbImage.blank(100, 64)).size());
    }

    @Test
    void aTileTooSmallIsRefused() {
        assertThrows(ContributionException.class, () -> create(Map.of("sizePx", "1")));
    }
}
