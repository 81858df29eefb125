package org.frameloop.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.SampleSelector;
import org.frameloop.testkit.ContributionContracts;
import org.frameloop.testkit.SelectorContract;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The rules of {@link SampleSelector} that every selector of this bundle keeps, checked through the registry. */
class SelectorContractTest {

    @Test
    void theRegistryListsTheSevenSelectorsOfThisBundleWithoutProblems() {
        PluginRegistry registry = PluginRegistry.ofPlatform();

        TreeSet<String> ids = new TreeSet<>();
        for (Contribution<SampleSelector> contribution : registry.contributions(ExtensionPoint.SELECTORS)) {
            if (contribution.bundleName().equals("org.frameloop.select")) {
                ids.add(contribution.id());
            }
        }

        assertEquals(new TreeSet<>(Arrays.asList(SyntheticPools.SELECTOR_IDS)), ids);
        assertTrue(registry.problems().stream().noneMatch(p -> p.bundleName().equals("org.frameloop.select")),
                registry.problems().toString());
    }

    /** The contract test kit's checks, on each selector as the loop creates it (declared defaults). */
    @TestFactory
    Stream<DynamicNode> everySelectorOfThisBundleKeepsTheSelectorContract() {
        return ContributionContracts.everyContributionOf("org.frameloop.select", ExtensionPoint.SELECTORS,
                SelectorContract.contract());
    }
}
