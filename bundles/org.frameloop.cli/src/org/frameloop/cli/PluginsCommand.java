package org.frameloop.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.install.InstallException;
import org.frameloop.install.InstalledPlugin;
import org.frameloop.install.Installation;
import org.frameloop.install.PluginInstaller;
import org.frameloop.install.PluginSource;
import org.frameloop.install.PluginState;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * {@code ./frameloop plugins list | install SOURCE | remove ID}: the plugins a team added to this installation
 * (docs/plugins.md). Changes take effect at the next start; the product's own bundles are never touched.
 */
final class PluginsCommand implements CliCommand {

    private static final String USAGE = "usage: ./frameloop plugins list | install SOURCE | remove ID\n"
            + "  list            the installed plugins, whether they loaded in this run, what they contribute\n"
            + "  install SOURCE  a bundle jar, or a p2 repository (folder or zip); refused, naming what is\n"
            + "                  missing, when the product lacks a bundle or package it requires\n"
            + "  remove ID       the plugin with this bundle symbolic name (as 'list' shows it)\n"
            + "Plugins live in INSTALLATION/installed-plugins/, apart from the product's bundles; a change takes\n"
            + "effect at the next start of ./frameloop (and the IDE).\n";

    private final Supplier<Installation> installation;

    PluginsCommand() {
        this(PluginsCommand::runningInstallation);
    }

    /** For tests: another installation than the running one. */
    PluginsCommand(Supplier<Installation> installation) {
        this.installation = installation;
    }

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "'plugins list | install SOURCE | remove ID': add a team's plugins without rebuilding";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h")) {
            (arguments.isEmpty() ? err : out).print(USAGE);
            return arguments.isEmpty() ? USAGE_ERROR : 0;
        }
        String action = arguments.get(0);
        List<String> rest = arguments.subList(1, arguments.size());
        try {
            switch (action) {
            case "list" -> {
                requireCount(rest, 0, "list takes no argument");
                return list(out);
            }
            case "install" -> {
                requireCount(rest, 1, "install takes one SOURCE: a bundle jar, a p2 repository folder or zip");
                return install(Path.of(rest.get(0)), out);
            }
            case "remove" -> {
                requireCount(rest, 1, "remove takes one ID, the plugin's bundle symbolic name");
                return remove(rest.get(0), out);
            }
            default -> throw new UsageException("unknown action '" + action + "'; use list, install or remove");
            }
        } catch (UsageException e) {
            err.println("frameloop plugins: " + e.getMessage());
            return USAGE_ERROR;
        } catch (InstallException e) {
            err.println("frameloop plugins " + action + ": " + e.getMessage());
            return 1;
        }
    }

    private int list(PrintStream out) throws InstallException {
        Installation home = installation.get();
        List<InstalledPlugin> plugins = home.installed();
        if (plugins.isEmpty()) {
            out.println("No plugins installed in " + home.home() + ".");
            out.println("Add one with ./frameloop plugins install SOURCE (a bundle jar or a p2 repository).");
            return 0;
        }
        out.println("Plugins installed in " + home.folder() + ":");
        describe(plugins, out);
        return 0;
    }

    /** One line per plugin and one per contribution; shared with {@code doctor}. */
    static int describe(List<InstalledPlugin> plugins, PrintStream out) {
        int notLoaded = 0;
        PluginRegistry registry = PluginRegistry.ofPlatform();
        for (InstalledPlugin plugin : plugins) {
            PluginState state = PluginState.of(plugin, context());
            notLoaded += state == PluginState.LOADED ? 0 : 1;
            out.printf("  %-6s %s %s  (%s)%n", state == PluginState.LOADED ? "[ok]" : "[FAIL]", plugin.symbolicName(),
                    plugin.version(), state.description());
            PluginInstaller.contributionsOf(registry, Set.of(plugin.symbolicName()))
                    .forEach(c -> out.println("           " + c));
        }
        return notLoaded;
    }

    private int install(Path source, PrintStream out) throws InstallException {
        try (PluginSource plugins = PluginSource.open(source)) {
            PluginInstaller.Result result = new PluginInstaller(installation.get(), context()).install(plugins);
            result.installed().forEach(b -> out.println("Installed " + b + " into " + installation.get().folder()));
            if (!result.alreadyThere().isEmpty()) {
                out.println("Skipped " + result.alreadyThere().size()
                        + " bundle(s) the installation already has (the product's own, or installed before).");
            }
            result.contributions().forEach(c -> out.println("  contributes " + c));
            result.problems().forEach(p -> out.println("  warning: " + p));
            out.println("It is used from the next start of ./frameloop.");
            return 0;
        }
    }

    private int remove(String id, PrintStream out) throws InstallException {
        InstalledPlugin removed = new PluginInstaller(installation.get(), context()).remove(id);
        out.println("Removed " + removed + "; the product is as before from the next start of ./frameloop.");
        return 0;
    }

    private static void requireCount(List<String> arguments, int count, String message) {
        if (arguments.size() != count) {
            throw new UsageException(message);
        }
    }

    private static BundleContext context() {
        return FrameworkUtil.getBundle(PluginsCommand.class).getBundleContext();
    }

    /** The installation this framework was started from ({@code -install}, the product folder). */
    static Installation runningInstallation() {
        try {
            return Installation.ofRunningFramework(context());
        } catch (InstallException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
