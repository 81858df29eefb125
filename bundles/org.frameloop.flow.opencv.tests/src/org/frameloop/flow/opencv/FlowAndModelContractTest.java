package org.frameloop.flow.opencv;

import java.util.stream.Stream;

import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.testkit.ContributionContracts;
import org.frameloop.testkit.FlowContract;
import org.frameloop.testkit.ModelContract;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The contract test kit's checks on this bundle's contributions, created through the registry. */
class FlowAndModelContractTest {

    @TestFactory
    Stream<DynamicNode> disKeepsTheFlowProviderContract() {
        return ContributionContracts.everyContributionOf("org.frameloop.flow.opencv", ExtensionPoint.FLOWS,
                FlowContract.contract());
    }

    /** Propagation carries labels along flow, so its video gets DIS flow, as in a run with --model propagation. */
    @TestFactory
    Stream<DynamicNode> propagationKeepsTheModelContract() {
        return ContributionContracts.everyContributionOf("org.frameloop.flow.opencv", ExtensionPoint.MODELS,
                ModelContract.withVideoFlow(new DisFlowProvider()));
    }
}
