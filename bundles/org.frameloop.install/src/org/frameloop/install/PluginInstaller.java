package org.frameloop.install;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ContributionProblem;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Installs and removes plugins of an {@link Installation}, checking them against the framework this code
 * runs in (the installation's own, started by {@code ./frameloop}): a plugin is taken only when its
 * requirements are met by the product and the plugins installed before, it never replaces a bundle of the
 * product, and a plugin another installed plugin needs is not removed.
 */
public final class PluginInstaller {

    private final Installation installation;
    private final BundleContext context;

    public PluginInstaller(Installation installation, BundleContext context) {
        this.installation = installation;
        this.context = context;
    }

    /**
     * What an install did.
     *
     * @param installed     the bundles copied into the installation
     * @param alreadyThere  bundles of the source the product or an installed plugin already has (a p2
     *                      repository built with its dependencies holds the product's bundles too)
     * @param contributions each contribution the installed bundles declare, as "selector 'id' (name)"
     * @param contributionsByBundle the same by bundle symbolic name (the bundles are not in this run's registry)
     * @param problems      their malformed contributions (installed all the same, reported by doctor)
     */
    public record Result(List<BundleJar> installed, List<BundleJar> alreadyThere, List<String> contributions,
            Map<String, List<String>> contributionsByBundle, List<ContributionProblem> problems) {
    }

    /**
     * Installs the bundles of {@code source} that the installation lacks; they are used from the next start.
     *
     * @throws InstallException naming the bundle and the reason when anything is refused; then nothing changes
     */
    public Result install(PluginSource source) throws InstallException {
        Set<String> product = installation.productBundles();
        Set<String> installed = installation.installed().stream().map(InstalledPlugin::symbolicName)
                .collect(Collectors.toSet());
        List<BundleJar> taken = new ArrayList<>();
        List<BundleJar> alreadyThere = new ArrayList<>();
        for (BundleJar bundle : source.bundles()) {
            boolean known = product.contains(bundle.symbolicName()) || installed.contains(bundle.symbolicName());
            if (known && source.bundles().size() == 1) {
                throw new InstallException(bundle.symbolicName() + (product.contains(bundle.symbolicName())
                        ? " is part of the product; a plugin never replaces the product's own bundles"
                        : " is already installed; remove it first ('./frameloop plugins remove "
                                + bundle.symbolicName() + "')"));
            }
            (known ? alreadyThere : taken).add(bundle);
        }
        if (taken.isEmpty()) {
            throw new InstallException(source.source() + " holds no bundle the installation lacks");
        }

        List<String> contributions;
        Map<String, List<String>> contributionsByBundle = new LinkedHashMap<>();
        List<ContributionProblem> problems;
        try (TrialInstall trial = TrialInstall.of(context, taken)) {
            Map<BundleJar, List<String>> unresolved = trial.unresolved();
            if (!unresolved.isEmpty()) {
                throw new InstallException(unresolved.entrySet().stream()
                        .map(e -> e.getKey() + " cannot be installed: it requires " + String.join(", ", e.getValue())
                                + ", which neither the product nor an installed plugin provides")
                        .collect(Collectors.joining("\n")));
            }
            Set<String> names = taken.stream().map(BundleJar::symbolicName).collect(Collectors.toSet());
            PluginRegistry registry = PluginRegistry.ofPlatform();
            contributions = contributionsOf(registry, names);
            taken.forEach(b -> contributionsByBundle.put(b.symbolicName(),
                    contributionsOf(registry, Set.of(b.symbolicName()))));
            problems = registry.problems().stream().filter(p -> names.contains(p.bundleName())).toList();
        }
        try {
            installation.add(taken);
        } catch (IOException e) {
            throw new InstallException("cannot copy the plugin into " + installation.folder() + ": " + e.getMessage(), e);
        }
        return new Result(List.copyOf(taken), List.copyOf(alreadyThere), contributions, Map.copyOf(contributionsByBundle),
                problems);
    }

    /**
     * Removes the installed plugin {@code symbolicName}; the product is as before from the next start.
     *
     * @throws InstallException when it is not installed, is part of the product, or another installed
     *                          plugin needs it
     */
    public InstalledPlugin remove(String symbolicName) throws InstallException {
        List<InstalledPlugin> installed = installation.installed();
        InstalledPlugin plugin = installed.stream().filter(p -> p.symbolicName().equals(symbolicName)).findFirst()
                .orElse(null);
        if (plugin == null) {
            throw new InstallException(installation.productBundles().contains(symbolicName)
                    ? symbolicName + " is part of the product and cannot be removed"
                    : symbolicName + " is not installed; installed: "
                            + installed.stream().map(InstalledPlugin::symbolicName).toList());
        }
        List<String> dependents = dependents(symbolicName,
                installed.stream().map(InstalledPlugin::symbolicName).collect(Collectors.toSet()));
        if (!dependents.isEmpty()) {
            throw new InstallException(symbolicName + " is needed by the installed plugin(s) " + dependents
                    + "; remove those first");
        }
        try {
            installation.remove(plugin);
        } catch (IOException e) {
            throw new InstallException("cannot remove " + plugin.file() + ": " + e.getMessage(), e);
        }
        return plugin;
    }

    /** Each contribution of the named bundles, as "selector 'id' (name)", in doctor's order. */
    public static List<String> contributionsOf(PluginRegistry registry, Set<String> bundleNames) {
        List<String> found = new ArrayList<>();
        for (ExtensionPoint<?> point : ExtensionPoint.all()) {
            for (Contribution<?> contribution : registry.contributions(point)) {
                if (bundleNames.contains(contribution.bundleName())) {
                    found.add(point.elementName() + " '" + contribution.id() + "' (" + contribution.name() + ")");
                }
            }
        }
        return found;
    }

    /** Installed plugins wired to {@code symbolicName} in this run. */
    private List<String> dependents(String symbolicName, Set<String> installed) {
        List<String> dependents = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            BundleWiring wiring = bundle.getSymbolicName() != null && bundle.getSymbolicName().equals(symbolicName)
                    ? bundle.adapt(BundleWiring.class)
                    : null;
            if (wiring == null) {
                continue;
            }
            for (BundleWire wire : wiring.getProvidedWires(null)) {
                String requirer = wire.getRequirer().getSymbolicName();
                if (installed.contains(requirer) && !requirer.equals(symbolicName) && !dependents.contains(requirer)) {
                    dependents.add(requirer);
                }
            }
        }
        return dependents;
    }
}
