package org.frameloop.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.frameloop.core.sample.CandidatePool;

/** Seeded candidate pools shaped like the loop's, for selector checks and a plugin's own tests. */
public final class CandidatePools {

    private CandidatePools() {
    }

    /**
     * {@code size} candidates in the first {@code framesWithCandidates} frames of a video of
     * {@code videoFrames} frames, uniform uncertainty, Gaussian embeddings of {@code embeddingDimension},
     * each candidate annotated with probability {@code annotatedShare}.
     */
    public static CandidatePool random(int size, int videoFrames, int framesWithCandidates, int embeddingDimension,
            double annotatedShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] frames = new int[size];
        double[] uncertainty = new double[size];
        boolean[] annotated = new boolean[size];
        float[] embeddings = new float[size * embeddingDimension];
        for (int i = 0; i < size; i++) {
            frames[i] = random.nextInt(framesWithCandidates);
            uncertainty[i] = random.nextDouble();
            annotated[i] = random.nextDouble() < annotatedShare;
            for (int d = 0; d < embeddingDimension; d++) {
                embeddings[i * embeddingDimension + d] = (float) normal(random);
            }
        }
        Arrays.sort(frames); // the loop lists candidates frame by frame
        return new CandidatePool(videoFrames, frames, uncertainty, embeddings, embeddingDimension, annotated);
    }

    /**
     * {@link #random} with class information: each candidate's pixels split over {@code classes} classes at
     * random, and people's labels so far heavily skewed to class 0, as early in a street video.
     */
    public static CandidatePool randomWithClasses(int size, int videoFrames, int embeddingDimension, double annotatedShare,
            int classes, long seed) {
        CandidatePool pool = random(size, videoFrames, videoFrames, embeddingDimension, annotatedShare, seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        float[] shares = new float[size * classes];
        for (int i = 0; i < size; i++) {
            double total = 0;
            double[] weights = new double[classes];
            for (int c = 0; c < classes; c++) {
                weights[c] = random.nextDouble() * random.nextDouble();
                total += weights[c];
            }
            for (int c = 0; c < classes; c++) {
                shares[i * classes + c] = (float) (weights[c] / total);
            }
        }
        long[] humanPixels = new long[classes];
        for (int c = 0; c < classes; c++) {
            humanPixels[c] = c == 0 ? 40_000 : random.nextInt(500);
        }
        return pool.withClasses(classes, shares, humanPixels);
    }

    /** {@code size} candidates that look alike: same frame, uncertainty and embedding. Ties everywhere. */
    public static CandidatePool identical(int size, int embeddingDimension) {
        float[] embeddings = new float[size * embeddingDimension];
        Arrays.fill(embeddings, 0.5f);
        double[] uncertainty = new double[size];
        Arrays.fill(uncertainty, 0.5);
        return new CandidatePool(1, new int[size], uncertainty, embeddings, embeddingDimension, new boolean[size]);
    }

    /** A pool without candidates, from a video of {@code videoFrames} frames. */
    public static CandidatePool empty(int videoFrames) {
        return new CandidatePool(videoFrames, new int[0], new double[0], new float[0], 0, new boolean[0]);
    }

    /** Candidates a selector may still return. */
    public static int openCount(CandidatePool pool) {
        int open = 0;
        for (int i = 0; i < pool.size(); i++) {
            open += pool.isAnnotated(i) ? 0 : 1;
        }
        return open;
    }

    private static double normal(SplittableRandom random) {
        // polar form, so the values depend on the seed only, not on the JDK's nextGaussian
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * Math.sqrt(-2 * Math.log(s) / s);
    }
}
