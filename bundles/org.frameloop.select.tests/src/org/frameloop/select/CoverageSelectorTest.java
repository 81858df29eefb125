package org.frameloop.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.frameloop.core.sample.CandidatePool;
import org.junit.jupiter.api.Test;

/** One whole-frame candidate per frame, no embeddings: what the coverage selector does with time alone. */
class CoverageSelectorTest {

    private static CandidatePool frames(double[] uncertainty, boolean[] annotated) {
        int n = uncertainty.length;
        int[] frames = new int[n];
        Arrays.setAll(frames, i -> i);
        return new CandidatePool(n, frames, uncertainty, new float[0], 0, annotated);
    }

    @Test
    void evenUncertaintySpreadsThePicksLikeKeyframes() {
        double[] even = new double[100];
        Arrays.fill(even, 1.0);
        int[] picked = new CoverageSelector().select(frames(even, new boolean[100]), 4, new Random(1));
        Arrays.sort(picked);
        assertEquals(4, picked.length);
        for (int k = 1; k < picked.length; k++) {
            assertTrue(picked[k] - picked[k - 1] >= 15, "picks too close: " + Arrays.toString(picked));
        }
    }

    @Test
    void picksGatherWhereTheCombinedLabelsAreUncertainAndSkipWhatIsCovered() {
        double[] uncertainty = new double[100];
        Arrays.fill(uncertainty, 0.01);
        for (int f = 60; f < 80; f++) {
            uncertainty[f] = 1.0; // neither carried labels nor the model cover this stretch
        }
        boolean[] annotated = new boolean[100];
        annotated[70] = true;
        int[] picked = new CoverageSelector().select(frames(uncertainty, annotated), 3, new Random(1));
        for (int frame : picked) {
            assertTrue(frame >= 60 && frame < 80 && frame != 70, "picked " + Arrays.toString(picked));
        }
        assertEquals(3, Arrays.stream(picked).distinct().count());
    }

    @Test
    void aStretchOfUncertainFramesComesBeforeALoneUncertainFrame() {
        // one frame a little more uncertain than a whole stretch: labelling the stretch's middle covers more,
        // since its labels reach its neighbours; the lone frame covers only itself
        double[] uncertainty = new double[100];
        Arrays.fill(uncertainty, 0.05);
        uncertainty[10] = 1.0;
        for (int f = 50; f <= 70; f++) {
            uncertainty[f] = 0.8;
        }
        int[] picked = new CoverageSelector().select(frames(uncertainty, new boolean[100]), 2, new Random(1));
        assertTrue(picked[0] >= 55 && picked[0] <= 65, "first pick " + Arrays.toString(picked));
    }

    @Test
    void itIsDeterministicAndIgnoresTheRandomSource() {
        double[] uncertainty = new Random(5).doubles(50).toArray();
        CandidatePool pool = frames(uncertainty, new boolean[50]);
        assertArrayEquals(new CoverageSelector().select(pool, 6, new Random(1)),
                new CoverageSelector().select(pool, 6, new Random(99)));
    }
}
