package org.frameloop.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class AuditDrawTest {

    /** Expected errors of eight frames: most are easy, two are hard (as on real footage). */
    private static final double[] EXPECTED = { 50, 80, 40, 900, 60, 0, 1500, 70 };

    /** Errors the frames truly hold: the confidences are optimistic by 1.5 to 2.5 and wrong about frame 5. */
    private static final double[] ACTUAL = { 100, 120, 90, 1800, 90, 40, 3000, 150 };

    @Test
    void theAuditsErrorsOverWhatItStandsForEstimateTheRatioWithoutBias() {
        double ratio = sum(ACTUAL) / sum(EXPECTED);
        Random random = new Random(5);
        int draws = 200_000;
        double mean = 0;
        double squares = 0;
        int[] times = new int[EXPECTED.length];
        for (int k = 0; k < draws; k++) {
            AuditDraw.Drawn drawn = AuditDraw.draw(EXPECTED, random);
            times[drawn.index()]++;
            double observed = ACTUAL[drawn.index()] / drawn.expectedWrong();
            mean += observed / draws;
            squares += observed * observed / draws;
        }
        assertEquals(ratio, mean, 0.01 * ratio, "mean of the audits' ratios against the video's");
        // a frame the confidences call perfect is still audited, at a third of the average rate
        assertEquals(1.0 / 3 / EXPECTED.length, times[5] / (double) draws, 0.003);
        // with one uniformly drawn frame the same estimate (its errors over its share of the expected ones)
        // spreads far more: frame 5 alone would claim a ratio of infinity
        double spread = Math.sqrt(squares - mean * mean);
        assertTrue(spread < 0.5 * ratio, "spread " + spread + " against a ratio of " + ratio);
    }

    @Test
    void nothingExpectedAnywhereIsAUniformDrawAndNoCandidateIsNone() {
        AuditDraw.Drawn drawn = AuditDraw.draw(new double[] { 0, 0, 0 }, new Random(1));
        assertEquals(0, drawn.expectedWrong());
        assertTrue(drawn.index() >= 0 && drawn.index() < 3);
        assertNull(AuditDraw.draw(new double[0], new Random(1)));
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
