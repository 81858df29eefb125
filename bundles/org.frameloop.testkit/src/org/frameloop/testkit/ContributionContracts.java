package org.frameloop.testkit;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs a {@link Contract} on contributions as Frameloop creates them: through the extension registry, from
 * their plugin.xml, with their declared parameter defaults. Needs a running OSGi platform with the
 * extension registry started (a Tycho test fragment).
 */
public final class ContributionContracts {

    private ContributionContracts() {
    }

    /**
     * One container of checks per contribution of {@code bundleName} to {@code point}; a single failing test
     * when the bundle contributes nothing there, so a renamed bundle or a broken plugin.xml cannot pass
     * unnoticed.
     */
    public static <T> Stream<DynamicNode> everyContributionOf(String bundleName, ExtensionPoint<T> point,
            Contract<T> contract) {
        PluginRegistry registry = PluginRegistry.ofPlatform();
        List<Contribution<T>> contributions = registry.contributions(point).stream()
                .filter(c -> c.bundleName().equals(bundleName)).toList();
        if (contributions.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(bundleName + " contributes to " + point.id(),
                    () -> Assertions.fail(bundleName + " contributes no " + point.elementName() + " to " + point.id()
                            + "; problems the registry reported: " + registry.problems())));
        }
        return contributions.stream().map(c -> DynamicContainer.dynamicContainer(c.describe(),
                contract.checks(c.describe(), c::create)));
    }

    /** The checks of {@code contract} for the contribution {@code id} of {@code point}, with default parameters. */
    public static <T> Stream<DynamicTest> contribution(ExtensionPoint<T> point, String id, Contract<T> contract) {
        return contribution(point, id, Map.of(), contract);
    }

    /** As {@link #contribution(ExtensionPoint, String, Contract)}, created with the given parameter values. */
    public static <T> Stream<DynamicTest> contribution(ExtensionPoint<T> point, String id, Map<String, String> parameters,
            Contract<T> contract) {
        String name = point.elementName() + " '" + id + "'" + (parameters.isEmpty() ? "" : " " + parameters);
        return contract.checks(name, () -> PluginRegistry.ofPlatform().create(point, id, parameters));
    }
}
