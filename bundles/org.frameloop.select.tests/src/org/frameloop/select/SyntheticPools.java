package org.frameloop.select;

import java.util.Map;
import java.util.SplittableRandom;

import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.CandidatePool;
import org.frameloop.core.spi.SampleSelector;

/** Small synthetic candidate pools for this bundle's own selector tests; the SPI's rules are in org.frameloop.testkit. */
final class SyntheticPools {

    static final String[] SELECTOR_IDS = { "random", "uniform-keyframes", "uncertainty", "diversity", "hybrid", "coreset", "coverage" };

    private SyntheticPools() {
    }

    /** A selector as the loop gets it: through the registry, with the given parameters over the defaults. */
    static SampleSelector selector(String id, Map<String, String> parameters) throws Exception {
        return PluginRegistry.ofPlatform().find(ExtensionPoint.SELECTORS, id)
                .orElseThrow(() -> new AssertionError("no selector '" + id + "' in the registry"))
                .create(parameters);
    }

    static SampleSelector selector(String id) throws Exception {
        return selector(id, Map.of());
    }

    /**
     * {@code n} candidates spread round-robin over {@code frames} frames, with uniform random uncertainty and
     * Gaussian embeddings, each annotated with probability {@code annotatedShare}.
     */
    static CandidatePool random(int n, int frames, int dimension, double annotatedShare, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] frameOf = new int[n];
        double[] uncertainty = new double[n];
        float[] embeddings = new float[n * dimension];
        boolean[] annotated = new boolean[n];
        for (int i = 0; i < n; i++) {
            frameOf[i] = i % frames;
            uncertainty[i] = random.nextDouble();
            annotated[i] = random.nextDouble() < annotatedShare;
            for (int d = 0; d < dimension; d++) {
                embeddings[i * dimension + d] = (float) gaussian(random);
            }
        }
        return new CandidatePool(frames, frameOf, uncertainty, embeddings, dimension, annotated);
    }

    /** One whole-frame candidate per frame, frame i being candidate i, with the given frames annotated. */
    static CandidatePool wholeFrames(int frames, int... annotatedFrames) {
        int[] frameOf = new int[frames];
        boolean[] annotated = new boolean[frames];
        for (int i = 0; i < frames; i++) {
            frameOf[i] = i;
        }
        for (int frame : annotatedFrames) {
            annotated[frame] = true;
        }
        return new CandidatePool(frames, frameOf, new double[frames], new float[0], 0, annotated);
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom.nextGaussian exists, but this keeps the values independent of the JDK.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
