package org.frameloop.select;

import static org.frameloop.select.SyntheticPools.assertValidSelection;
import static org.frameloop.select.SyntheticPools.selector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.CandidatePool;
import org.frameloop.core.spi.SampleSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The rules of {@link SampleSelector} that every selector of this bundle keeps, checked through the registry. */
class SelectorContractTest {

    static final String[] IDS = SyntheticPools.SELECTOR_IDS;

    @Test
    void theRegistryListsTheSevenSelectorsOfThisBundleWithoutProblems() {
        PluginRegistry registry = PluginRegistry.ofPlatform();

        TreeSet<String> ids = new TreeSet<>();
        for (Contribution<SampleSelector> contribution : registry.contributions(ExtensionPoint.SELECTORS)) {
            if (contribution.bundleName().equals("org.frameloop.select")) {
                ids.add(contribution.id());
            }
        }

        assertEquals(new TreeSet<>(Arrays.asList(IDS)), ids);
        assertTrue(registry.problems().stream().noneMatch(p -> p.bundleName().equals("org.frameloop.select")),
                registry.problems().toString());
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void returnsExactlyBudgetDistinctUnannotatedCandidates(String id) throws Exception {
        CandidatePool pool = SyntheticPools.random(3000, 60, 8, 0.3, 1);

        int[] selection = selector(id).select(pool, 40, new SplittableRandom(2));

        assertValidSelection(pool, selection, 40);
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void isDeterministicForAGivenSeed(String id) throws Exception {
        CandidatePool pool = SyntheticPools.random(3000, 60, 8, 0.3, 3);

        int[] first = selector(id).select(pool, 25, new SplittableRandom(4));
        int[] second = selector(id).select(pool, 25, new SplittableRandom(4));

        assertArrayEquals(first, second);
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void returnsEveryRemainingCandidateWhenTheBudgetExceedsThem(String id) throws Exception {
        CandidatePool pool = SyntheticPools.random(200, 20, 4, 0.95, 5);
        int left = SyntheticPools.unannotatedCount(pool);

        int[] selection = selector(id).select(pool, left + 10, new SplittableRandom(6));

        assertTrue(left > 0 && left < 30, "the pool leaves a few candidates: " + left);
        assertValidSelection(pool, selection, left);
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void returnsNothingWhenEverythingIsAnnotated(String id) throws Exception {
        CandidatePool pool = SyntheticPools.random(50, 5, 4, 1.0, 7);

        assertEquals(0, selector(id).select(pool, 5, new SplittableRandom(8)).length);
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void worksWithoutEmbeddings(String id) throws Exception {
        CandidatePool pool = SyntheticPools.random(600, 30, 0, 0.2, 9);

        int[] selection = selector(id).select(pool, 12, new SplittableRandom(10));

        assertValidSelection(pool, selection, 12);
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void fillsTheBudgetWhenEveryEmbeddingIsTheSame(String id) throws Exception {
        int n = 500;
        CandidatePool random = SyntheticPools.random(n, 25, 4, 0.2, 11);
        int[] frames = new int[n];
        double[] uncertainty = new double[n];
        boolean[] annotated = new boolean[n];
        for (int i = 0; i < n; i++) {
            frames[i] = random.frameOf(i);
            uncertainty[i] = random.uncertainty(i);
            annotated[i] = random.isAnnotated(i);
        }
        float[] identical = new float[n * 4];
        Arrays.fill(identical, 0.5f);
        CandidatePool pool = new CandidatePool(25, frames, uncertainty, identical, 4, annotated);

        int[] selection = selector(id).select(pool, 30, new SplittableRandom(12));

        assertValidSelection(pool, selection, 30);
    }

    @ParameterizedTest
    @FieldSource("IDS")
    void aBudgetOfOneOnASingleCandidateReturnsIt(String id) throws Exception {
        CandidatePool pool = new CandidatePool(1, new int[] { 0 }, new double[] { 0.3 }, new float[] { 1, 2 }, 2,
                new boolean[] { false });

        assertArrayEquals(new int[] { 0 }, selector(id).select(pool, 1, new SplittableRandom(13)));
    }
}
