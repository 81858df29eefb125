package org.example.frameloop.classbalance;

import java.util.Map;
import java.util.stream.Stream;

import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.testkit.ContributionContracts;
import org.frameloop.testkit.SelectorContract;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The rules every Frameloop selector keeps (distinct, open candidates, at most the budget, the same choice
 * for the same seed, empty and tiny pools), from Frameloop's contract test kit: nothing to write but this.
 */
class ClassBalanceSelectorContractTest {

    /** Every selector this bundle's plugin.xml declares, with its declared defaults. */
    @TestFactory
    Stream<DynamicNode> everySelectorOfThisPluginKeepsTheSelectorContract() {
        return ContributionContracts.everyContributionOf("org.example.frameloop.classbalance", ExtensionPoint.SELECTORS,
                SelectorContract.contract());
    }

    /** At the end of a parameter's range the scoring takes another path: rarity is ignored entirely. */
    @TestFactory
    Stream<DynamicTest> keepsTheContractWithUncertaintyAlone() {
        return ContributionContracts.contribution(ExtensionPoint.SELECTORS, "class-balance",
                Map.of("uncertaintyWeight", "1"), SelectorContract.contract());
    }
}
