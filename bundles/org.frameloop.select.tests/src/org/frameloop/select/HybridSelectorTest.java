package org.frameloop.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.frameloop.core.sample.CandidatePool;
import org.frameloop.testkit.CandidatePools;
import org.frameloop.testkit.SelectorContract;
import org.junit.jupiter.api.Test;

class HybridSelectorTest {

    /** The uncertainty of the {@code rank}-th most uncertain unannotated candidate (rank 1 = the most). */
    private static double uncertaintyOfRank(CandidatePool pool, int rank) {
        double[] scores = new double[CandidatePools.openCount(pool)];
        for (int i = 0, j = 0; i < pool.size(); i++) {
            if (!pool.isAnnotated(i)) {
                scores[j++] = pool.uncertainty(i);
            }
        }
        Arrays.sort(scores);
        return scores[scores.length - rank];
    }

    @Test
    void returnsBudgetDistinctSamplesFromTheUncertainHalf() throws Exception {
        CandidatePool pool = SyntheticPools.random(5000, 100, 8, 0.2, 1);
        int half = (int) Math.ceil(CandidatePools.openCount(pool) / 2.0);
        double threshold = uncertaintyOfRank(pool, half);

        int[] selection = SyntheticPools.selector("hybrid").select(pool, 32, new SplittableRandom(2));

        SelectorContract.assertValidSelection("hybrid", pool, 32, selection);
        for (int candidate : selection) {
            assertTrue(pool.uncertainty(candidate) >= threshold, "candidate " + candidate + " is from the certain half");
        }
    }

    @Test
    void uncertainFractionNarrowsTheSet() throws Exception {
        CandidatePool pool = SyntheticPools.random(5000, 100, 8, 0.2, 3);
        int tenth = (int) Math.ceil(CandidatePools.openCount(pool) / 10.0);
        double threshold = uncertaintyOfRank(pool, tenth);

        int[] selection = SyntheticPools.selector("hybrid", Map.of("uncertainFraction", "0.1"))
                .select(pool, 32, new SplittableRandom(4));

        SelectorContract.assertValidSelection("hybrid", pool, 32, selection);
        for (int candidate : selection) {
            assertTrue(pool.uncertainty(candidate) >= threshold, "candidate " + candidate + " is outside the top tenth");
        }
    }

    @Test
    void clustersTheUncertainCandidatesOnlyAndCoversEachUncertainBlob() throws Exception {
        // Blob 0 (300 members) is certain, blobs 1 and 2 (300 together) uncertain: the hybrid must ignore
        // blob 0 however large it is and take one sample from each uncertain blob.
        CandidatePool blobs = DiversitySelectorTest.threeBlobs(5);
        int n = blobs.size();
        double[] uncertainty = new double[n];
        int[] frames = new int[n];
        float[] embeddings = new float[n * 2];
        for (int i = 0; i < n; i++) {
            uncertainty[i] = DiversitySelectorTest.blobOf(i) == 0 ? 0.1 + 0.01 * blobs.uncertainty(i) : 0.5 + 0.01 * blobs.uncertainty(i);
            frames[i] = blobs.frameOf(i);
            embeddings[2 * i] = blobs.embedding(i, 0);
            embeddings[2 * i + 1] = blobs.embedding(i, 1);
        }
        CandidatePool pool = new CandidatePool(50, frames, uncertainty, embeddings, 2, new boolean[n]);

        int[] selection = SyntheticPools.selector("hybrid").select(pool, 2, new SplittableRandom(6));

        int[] blobsChosen = Arrays.stream(selection).map(DiversitySelectorTest::blobOf).toArray();
        assertArrayEquals(new int[] { 1, 2 }, blobsChosen, "blob 1 (200) before blob 2 (100)");
    }
}
