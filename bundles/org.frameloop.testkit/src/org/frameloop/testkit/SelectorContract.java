package org.frameloop.testkit;

import static org.frameloop.testkit.Checks.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.frameloop.core.sample.CandidatePool;
import org.frameloop.core.spi.SampleSelector;
import org.junit.jupiter.api.DynamicTest;

/**
 * What {@link SampleSelector#select} promises: distinct candidate indices of the pool, none annotated, at
 * most the budget and fewer only when fewer are open, the same choice for the same seed, and no surprises
 * on empty, tiny or featureless pools.
 */
public final class SelectorContract implements Contract<SampleSelector> {

    private static final SelectorContract INSTANCE = new SelectorContract();

    /** The contract, for {@link ContributionContracts}. */
    public static SelectorContract contract() {
        return INSTANCE;
    }

    @Override
    public Stream<DynamicTest> checks(String name, InstanceFactory<SampleSelector> factory) {
        return Stream.of(
                check(name, "fills the budget with distinct open candidates", () -> {
                    CandidatePool pool = CandidatePools.randomWithClasses(600, 40, 8, 0.3, 5, 1);
                    assertValidSelection(name, pool, 25, select(factory, pool, 25, 2));
                }),
                check(name, "chooses the same candidates for the same seed", () -> {
                    CandidatePool pool = CandidatePools.randomWithClasses(600, 40, 8, 0.3, 5, 3);
                    // two fresh instances, as two runs of the same project would have
                    int[] first = select(factory, pool, 20, 4);
                    int[] second = select(factory, pool, 20, 4);
                    assertArrayEquals(first, second, name + " chose differently for the same seed: "
                            + Arrays.toString(first) + " then " + Arrays.toString(second)
                            + "; use only the RandomGenerator it is given");
                }),
                check(name, "returns every open candidate when the budget exceeds them", () -> {
                    CandidatePool pool = CandidatePools.random(60, 10, 10, 4, 0.85, 5);
                    int open = CandidatePools.openCount(pool);
                    assertTrue(open > 0 && open < 20, "the kit's pool should leave a few open: " + open);
                    assertValidSelection(name, pool, open, select(factory, pool, open + 7, 6));
                }),
                check(name, "returns nothing when everything is annotated", () -> {
                    CandidatePool pool = CandidatePools.random(50, 5, 5, 4, 1.0, 7);
                    assertValidSelection(name, pool, 0, select(factory, pool, 5, 8));
                }),
                check(name, "returns nothing from an empty pool", () -> {
                    CandidatePool pool = CandidatePools.empty(12);
                    assertValidSelection(name, pool, 0, select(factory, pool, 3, 9));
                }),
                check(name, "takes the only candidate of a one-candidate pool", () -> {
                    CandidatePool pool = new CandidatePool(1, new int[] { 0 }, new double[] { 0.4 },
                            new float[] { 1, -1 }, 2, new boolean[] { false });
                    assertArrayEquals(new int[] { 0 }, select(factory, pool, 1, 10), name + " on one open candidate");
                }),
                check(name, "works without embeddings or class information", () -> {
                    // a model without embeddings gives dimension 0; candidates only in the first frames
                    CandidatePool pool = CandidatePools.random(300, 30, 6, 0, 0.2, 11);
                    assertValidSelection(name, pool, 15, select(factory, pool, 15, 12));
                }),
                check(name, "fills the budget when every candidate looks the same", () -> {
                    CandidatePool pool = CandidatePools.identical(80, 4);
                    assertValidSelection(name, pool, 30, select(factory, pool, 30, 13));
                }));
    }

    /**
     * The rules every selection obeys, for a plugin's own tests too: {@code expectedCount} indices, distinct,
     * inside the pool, none annotated.
     */
    public static void assertValidSelection(String name, CandidatePool pool, int expectedCount, int[] selection) {
        assertNotNull(selection, name + " returned null instead of an array");
        String shown = Arrays.toString(selection);
        assertEquals(expectedCount, selection.length, name + " returned " + selection.length + " candidates, expected "
                + expectedCount + " (the budget, or every open candidate when fewer are open): " + shown);
        assertEquals(selection.length, Arrays.stream(selection).distinct().count(),
                name + " returned a candidate twice: " + shown);
        for (int candidate : selection) {
            assertTrue(candidate >= 0 && candidate < pool.size(),
                    name + " returned index " + candidate + " of a pool of " + pool.size() + ": " + shown);
            assertFalse(pool.isAnnotated(candidate), name + " returned annotated candidate " + candidate + ": " + shown);
        }
    }

    private static int[] select(InstanceFactory<SampleSelector> factory, CandidatePool pool, int budget, long seed)
            throws Exception {
        return factory.create().select(pool, budget, new SplittableRandom(seed));
    }
}
