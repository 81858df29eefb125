package org.frameloop.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;

/**
 * Plugin jars installed into the running framework for a moment, to ask its resolver whether the product
 * (and the plugins installed before) provide everything they require. While it is open their plugin.xml is
 * in the extension registry, so their contributions can be read; {@link #close} uninstalls them again.
 */
final class TrialInstall implements AutoCloseable {

    private static final long REFRESH_TIMEOUT_SECONDS = 30;
    private static final Pattern NAMESPACE_VALUE = Pattern.compile("\\((osgi\\.[a-z.]+|[\\w.]+)=([^)]*)\\)");

    private final BundleContext context;
    private final Map<BundleJar, Bundle> bundles = new LinkedHashMap<>();

    private TrialInstall(BundleContext context) {
        this.context = context;
    }

    /** Installs {@code jars} (copied by the framework, never referenced) and resolves them together. */
    static TrialInstall of(BundleContext context, List<BundleJar> jars) throws InstallException {
        TrialInstall trial = new TrialInstall(context);
        try {
            for (BundleJar jar : jars) {
                try (InputStream in = Files.newInputStream(jar.file())) {
                    trial.bundles.put(jar, context.installBundle("frameloop-trial:" + jar.file().toUri(), in));
                }
            }
        } catch (IOException | BundleException e) {
            trial.close();
            throw new InstallException("the framework does not accept " + jars + ": " + e.getMessage(), e);
        }
        wiring(context).resolveBundles(trial.bundles.values());
        return trial;
    }

    /**
     * For each jar that does not resolve, what it needs: requirements nothing in the framework provides,
     * named ({@code bundle org.foo}, {@code package org.foo.api}); or a conflict when every requirement has a
     * provider but they do not fit together.
     */
    Map<BundleJar, List<String>> unresolved() {
        Map<BundleJar, List<String>> problems = new LinkedHashMap<>();
        FrameworkWiring wiring = wiring(context);
        for (Map.Entry<BundleJar, Bundle> entry : bundles.entrySet()) {
            Bundle bundle = entry.getValue();
            if ((bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                continue;
            }
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            List<String> missing = new ArrayList<>();
            for (Requirement requirement : revision.getRequirements(null)) {
                if (isMandatory(requirement) && wiring.findProviders(requirement).isEmpty()) {
                    missing.add(describe(requirement));
                }
            }
            if (missing.isEmpty() && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) {
                missing.add("a combination of versions that fit together (every requirement has a provider, but "
                        + "they conflict)");
            }
            if (!missing.isEmpty()) {
                problems.put(entry.getKey(), missing);
            }
        }
        return problems;
    }

    private static boolean isMandatory(Requirement requirement) {
        String resolution = requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE);
        return resolution == null || Namespace.RESOLUTION_MANDATORY.equals(resolution);
    }

    /** "bundle org.foo", "package org.foo.api", or the raw filter for other namespaces. */
    static String describe(Requirement requirement) {
        String namespace = requirement.getNamespace();
        String filter = requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        String kind = switch (namespace) {
            case "osgi.wiring.bundle" -> "bundle";
            case "osgi.wiring.package" -> "package";
            case "osgi.wiring.host" -> "host bundle";
            case "osgi.ee" -> "execution environment";
            default -> null;
        };
        if (kind != null) {
            Matcher value = NAMESPACE_VALUE.matcher(filter);
            while (value.find()) {
                if (value.group(1).equals(namespace)) {
                    return kind + " " + value.group(2) + versionOf(filter);
                }
            }
        }
        return namespace + " " + filter;
    }

    private static String versionOf(String filter) {
        Matcher minimum = Pattern.compile("version>=([^)]*)\\)").matcher(filter);
        return minimum.find() ? " (version " + minimum.group(1) + " or later)" : "";
    }

    private static FrameworkWiring wiring(BundleContext context) {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    @Override
    public void close() {
        for (Bundle bundle : bundles.values()) {
            try {
                bundle.uninstall();
            } catch (BundleException | IllegalStateException e) {
                // already gone: nothing of the trial is left to undo
            }
        }
        if (!bundles.isEmpty()) {
            // a refresh runs on the framework's own thread: wait for it, or the next trial (the IDE's dialog
            // installs again in the same framework) races it and may read the registry before its bundles are in
            CountDownLatch refreshed = new CountDownLatch(1);
            wiring(context).refreshBundles(bundles.values(), event -> refreshed.countDown());
            try {
                refreshed.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        bundles.clear();
    }
}
