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

class AdaptiveGranularityTest {

    private static RoundReport round(int number, long clicks, double miou) {
        return new RoundReport(number, List.of(), clicks, 0, -1, miou, new double[0], 0.5, 0, 0,
                new RoundReport.Timings(0, 0, 0, 0, 0));
    }

    private static AdaptiveGranularity create(Map<String, String> parameters) throws ContributionException {
        return (AdaptiveGranularity) PluginRegistry.ofPlatform().find(ExtensionPoint.GRANULARITIES, "adaptive")
                .orElseThrow().create(parameters);
    }

    @Test
    void climbsTheLadderWhenTheCurrentLevelGetsDearerPerGainThanTheBestSeen() throws Exception {
        AdaptiveGranularity adaptive = create(Map.of());
        RgbImage frame = RgbImage.blank(100, 64);
        List<RoundReport> history = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();

        adaptive.observe(history, 0.95); // candidates of round 1
        levels.add(adaptive.currentLevel());
        history.add(round(0, 0, 0.50));
        adaptive.observe(history, 0.95); // round 2: nothing measured yet
        levels.add(adaptive.currentLevel());
        history.add(round(1, 100, 0.60)); // level 0: 1,000 clicks per mIoU
        adaptive.observe(history, 0.95); // round 3: the untried level is only as good as the best: stay
        levels.add(adaptive.currentLevel());
        history.add(round(2, 100, 0.62)); // level 0 gets dearer: 5,000
        adaptive.observe(history, 0.95); // round 4: try 32 px
        levels.add(adaptive.currentLevel());
        history.add(round(3, 100, 0.63)); // level 0 again (decided before round 2 was known): 10,000
        adaptive.observe(history, 0.95); // round 5
        levels.add(adaptive.currentLevel());
        history.add(round(4, 300, 0.73)); // level 1: 3,000, still dearer than the best seen (1,000)
        adaptive.observe(history, 0.95); // round 6: try 64 px
        levels.add(adaptive.currentLevel());

        assertEquals(List.of(0, 0, 0, 1, 1, 2), levels);
        assertEquals("rect 64", adaptive.currentDescription());
        assertTrue(adaptive.candidates(0, frame).stream().allMatch(r -> r instanceof Region.Rectangle));
        assertEquals(2 * 1, adaptive.candidates(0, frame).size(), "100×64 in 64 px tiles: 2 columns, 1 row");
    }

    @Test
    void aCheaperLowerLevelIsTakenBack() throws Exception {
        AdaptiveGranularity adaptive = create(Map.of("levels", "16,frame"));
        List<RoundReport> history = new ArrayList<>();
        adaptive.observe(history, 0.95);
        history.add(round(0, 0, 0.5));
        adaptive.observe(history, 0.95);
        history.add(round(1, 100, 0.6)); // 16 px: 1,000
        adaptive.observe(history, 0.95);
        history.add(round(2, 100, 0.61)); // 16 px: 10,000 -> frames next
        adaptive.observe(history, 0.95);
        history.add(round(3, 100, 0.62)); // 16 px (lag): 10,000
        adaptive.observe(history, 0.95);
        assertEquals("frame", adaptive.currentDescription());
        history.add(round(4, 2000, 0.64)); // frames: 100,000 — far dearer than 16 px's 10,000
        adaptive.observe(history, 0.95);

        assertEquals(0, adaptive.currentLevel());
    }

    @Test
    void theAreaAnnotatedPerRoundStaysConstantAcrossLevels() throws Exception {
        AdaptiveGranularity adaptive = create(Map.of("levels", "16,32,frame"));
        adaptive.observe(List.of(), 0.95);
        adaptive.candidates(0, RgbImage.blank(320, 180));

        assertEquals(64, adaptive.samplesPerRound(64), "16 px tiles: as configured");
        List<RoundReport> history = new ArrayList<>(List.of(round(0, 0, 0.5), round(1, 100, 0.6), round(2, 100, 0.61),
                round(3, 100, 0.615)));
        adaptive.observe(history, 0.95);
        assertEquals("rect 32", adaptive.currentDescription());
        assertEquals(16, adaptive.samplesPerRound(64), "a 32 px tile covers four 16 px tiles");
    }

    @Test
    void aLadderThatDoesNotGrowIsRejectedNamingTheParameter() {
        ContributionException error = assertThrows(ContributionException.class,
                () -> create(Map.of("levels", "32,16")));
        assertTrue(error.getMessage().contains("levels"), error.getMessage());
    }
}
