package org.frameloop.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ContributionProblem;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.RuntimeCheck;
import org.frameloop.install.InstallException;
import org.frameloop.install.InstalledPlugin;

/**
 * {@code ./frameloop doctor}: what this installation runs on and whether every plugin loads. Each
 * contribution is created in its own guard so one broken plugin is reported by name, not fatal.
 */
final class DoctorCommand implements CliCommand {

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String summary() {
        return "check Java, OS, DJL/PyTorch, OpenCV, installed plugins and every contribution; exit 0 only when all load";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (!arguments.isEmpty()) {
            boolean help = arguments.contains("--help") || arguments.contains("-h");
            (help ? out : err).println("usage: ./frameloop doctor    (takes no options)");
            return help ? 0 : USAGE_ERROR;
        }
        PluginRegistry registry = PluginRegistry.ofPlatform();
        int failures = 0;

        out.println("Frameloop doctor");
        out.printf("  %-8s %s (%s) at %s%n", "Java", System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("java.home"));
        out.printf("  %-8s %s %s %s, %d cores, %d MiB max heap%n", "OS", System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        out.println();
        out.println("Runtime checks");
        for (Contribution<RuntimeCheck> check : registry.contributions(ExtensionPoint.DIAGNOSTICS)) {
            try {
                Map<String, String> facts = check.create().run();
                out.printf("  [ok]   %s (%s)%n", check.name(), check.bundleName());
                facts.forEach((key, value) -> out.printf("           %-15s %s%n", key, value));
            } catch (Exception | LinkageError e) {
                failures++;
                out.printf("  [FAIL] %s (%s): %s%n", check.name(), check.bundleName(), message(e));
            }
        }

        out.println();
        failures += installedPlugins(out);

        out.println();
        out.println("Contributions");
        for (ExtensionPoint<?> point : ExtensionPoint.all()) {
            if (point == ExtensionPoint.DIAGNOSTICS) {
                continue;
            }
            List<? extends Contribution<?>> contributions = registry.contributions(point);
            out.printf("  %s (%s): %s%n", point.title(), point.id(),
                    contributions.isEmpty() ? "none yet" : contributions.size() + " found");
            for (Contribution<?> contribution : contributions) {
                failures += tryCreate(contribution, out) ? 0 : 1;
            }
        }

        List<ContributionProblem> problems = registry.problems();
        out.println();
        if (problems.isEmpty()) {
            out.println("No malformed contributions.");
        } else {
            out.println("Malformed contributions (skipped):");
            problems.forEach(p -> out.println("  " + p));
            failures += problems.size();
        }
        out.println(failures == 0 ? "All checks passed." : failures + " problem(s) found.");
        return failures == 0 ? 0 : 1;
    }

    /** The plugins added with {@code plugins install}; one that did not load is a failure. */
    private static int installedPlugins(PrintStream out) {
        List<InstalledPlugin> plugins;
        try {
            plugins = PluginsCommand.runningInstallation().installed();
        } catch (InstallException | IllegalStateException e) {
            out.println("Installed plugins: cannot read them: " + e.getMessage());
            return 1;
        }
        out.println("Installed plugins" + (plugins.isEmpty() ? ": none (./frameloop plugins install SOURCE adds one)"
                : " (./frameloop plugins list)"));
        return PluginsCommand.describe(plugins, out);
    }

    private static boolean tryCreate(Contribution<?> contribution, PrintStream out) {
        try {
            Object instance = contribution.create();
            if (instance instanceof AutoCloseable closeable) {
                closeable.close();
            }
            out.printf("    [ok]   %-20s %s (%s)%n", contribution.id(), contribution.name(), contribution.bundleName());
            return true;
        } catch (ContributionException e) {
            out.printf("    [FAIL] %-20s %s%n", contribution.id(), e.getMessage());
        } catch (Exception | LinkageError e) {
            out.printf("    [FAIL] %-20s %s (%s): %s%n", contribution.id(), contribution.name(),
                    contribution.bundleName(), message(e));
        }
        return false;
    }

    private static String message(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
