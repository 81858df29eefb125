package org.example.frameloop.classbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;

import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.CandidatePool;
import org.frameloop.core.spi.SampleSelector;
import org.junit.jupiter.api.Test;

/** The selector as Frameloop creates it: through the extension registry, from this bundle's plugin.xml. */
class ClassBalanceSelectorTest {

    /** Candidates 0..3 in frames 0..3; class 0 (road) is well labelled, class 1 (sign) barely. */
    private static CandidatePool pool(double[] uncertainty, float[] shares, boolean[] annotated) {
        int n = uncertainty.length;
        return new CandidatePool(n, new int[] { 0, 1, 2, 3 }, uncertainty, new float[0], 0, annotated)
                .withClasses(2, shares, new long[] { 50_000, 10 });
    }

    private static SampleSelector selector(String uncertaintyWeight) throws Exception {
        return PluginRegistry.ofPlatform().create(ExtensionPoint.SELECTORS, "class-balance",
                Map.of("uncertaintyWeight", uncertaintyWeight));
    }

    @Test
    void candidatesPredictedAsARareClassComeFirstEvenWhenLessUncertain() throws Exception {
        float[] shares = { 1, 0, /**/ 0.2f, 0.8f, /**/ 0.9f, 0.1f, /**/ 0.5f, 0.5f };
        CandidatePool pool = pool(new double[] { 0.9, 0.1, 0.8, 0.2 }, shares, new boolean[4]);

        assertArrayEquals(new int[] { 1, 3 }, selector("0").select(pool, 2, new Random(1)));
    }

    @Test
    void withFullUncertaintyWeightItIsTheMostUncertainFirst() throws Exception {
        float[] shares = { 1, 0, 0.2f, 0.8f, 0.9f, 0.1f, 0.5f, 0.5f };
        CandidatePool pool = pool(new double[] { 0.9, 0.1, 0.8, 0.2 }, shares, new boolean[4]);

        assertArrayEquals(new int[] { 0, 2 }, selector("1").select(pool, 2, new Random(1)));
    }

    @Test
    void annotatedCandidatesAreNeverReturnedAndFewerComeBackWhenFewerAreOpen() throws Exception {
        float[] shares = { 1, 0, 0.2f, 0.8f, 0.9f, 0.1f, 0.5f, 0.5f };
        CandidatePool pool = pool(new double[] { 0.9, 0.1, 0.8, 0.2 }, shares, new boolean[] { true, true, false, true });

        assertArrayEquals(new int[] { 2 }, selector("0.3").select(pool, 3, new Random(1)));
    }

    @Test
    void aPoolWithoutClassInformationFallsBackToUncertainty() throws Exception {
        CandidatePool pool = new CandidatePool(4, new int[] { 0, 1, 2, 3 }, new double[] { 0.1, 0.7, 0.3, 0.9 },
                new float[0], 0, new boolean[4]);

        assertEquals(3, selector("0.3").select(pool, 1, new Random(1))[0]);
    }
}
