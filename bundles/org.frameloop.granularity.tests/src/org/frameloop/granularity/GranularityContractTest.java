package org.frameloop.granularity;

import java.util.stream.Stream;

import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.testkit.ContributionContracts;
import org.frameloop.testkit.GranularityContract;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The contract test kit's checks of {@code Granularity}, on each granularity of this bundle as the loop creates it. */
class GranularityContractTest {

    @TestFactory
    Stream<DynamicNode> everyGranularityOfThisBundleKeepsTheGranularityContract() {
        return ContributionContracts.everyContributionOf("org.frameloop.granularity", ExtensionPoint.GRANULARITIES,
                GranularityContract.contract());
    }
}
