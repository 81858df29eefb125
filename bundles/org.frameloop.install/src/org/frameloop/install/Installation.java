package org.frameloop.install;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.frameloop.core.internal.io.AtomicFiles;
import org.osgi.framework.BundleContext;

/**
 * The plugins of one installed product, kept apart from the product's own bundles:
 * <pre>
 *   configuration/org.eclipse.equinox.simpleconfigurator/bundles.info   the product's bundles (never written)
 *   installed-plugins/NAME_VERSION.jar                                  each installed plugin
 *   installed-plugins/bundles.info                                      the list, in simpleconfigurator's format
 * </pre>
 * The {@code frameloop} launcher appends {@code installed-plugins/bundles.info} to the configuration it starts
 * with, so a change takes effect at the next start. The list is the commit point: jars are copied in before
 * it names them and deleted after it stops naming them, each write atomic, so a crash leaves the list valid.
 * Removing the last plugin deletes the folder, leaving the installation as it was built.
 */
public final class Installation {

    /** The folder, relative to the installation, that holds the installed plugins. */
    public static final String FOLDER = "installed-plugins";
    private static final String LIST = "bundles.info";
    private static final String PRODUCT_LIST = "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info";

    private final Path home;

    /** @param home the installation: the folder holding {@code plugins/} and {@code configuration/} */
    public Installation(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /**
     * The installation the framework of {@code context} was started from (its {@code osgi.install.area}: the
     * product folder {@code ./frameloop} passes as {@code -install}).
     *
     * @throws InstallException when the framework has no install area
     */
    public static Installation ofRunningFramework(BundleContext context) throws InstallException {
        String area = context.getProperty("osgi.install.area");
        if (area == null) {
            throw new InstallException("this runtime has no install area; start it with ./frameloop");
        }
        try {
            return new Installation(Path.of(new URL(area).toURI()));
        } catch (MalformedURLException | URISyntaxException | IllegalArgumentException e) {
            return new Installation(Path.of(area.replaceFirst("^file:", "")));
        }
    }

    public Path home() {
        return home;
    }

    public Path folder() {
        return home.resolve(FOLDER);
    }

    /**
     * Symbolic names of the product's own bundles, as its configuration lists them.
     *
     * @throws InstallException when {@code home} has no product configuration
     */
    public Set<String> productBundles() throws InstallException {
        Path list = home.resolve(PRODUCT_LIST);
        if (!Files.isRegularFile(list)) {
            throw new InstallException(home + " is not a Frameloop installation: " + PRODUCT_LIST + " is missing");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String[] line : lines(list)) {
            names.add(line[0]);
        }
        return names;
    }

    /** The installed plugins, in the order they were installed. */
    public List<InstalledPlugin> installed() throws InstallException {
        Path list = folder().resolve(LIST);
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        List<InstalledPlugin> plugins = new ArrayList<>();
        for (String[] line : lines(list)) {
            plugins.add(new InstalledPlugin(line[0], line[1], home.resolve(line[2]).normalize()));
        }
        return List.copyOf(plugins);
    }

    /** Copies {@code bundles} in and adds them to the list; the caller has checked they may be installed. */
    void add(List<BundleJar> bundles) throws IOException, InstallException {
        List<InstalledPlugin> plugins = new ArrayList<>(installed());
        Files.createDirectories(folder());
        for (BundleJar bundle : bundles) {
            Path target = folder().resolve(bundle.installedFileName());
            AtomicFiles.write(target, out -> Files.copy(bundle.file(), out));
            plugins.add(new InstalledPlugin(bundle.symbolicName(), bundle.version(), target));
        }
        writeList(plugins);
    }

    /** Drops {@code plugin} from the list, then deletes its jar (and the folder when it was the last). */
    void remove(InstalledPlugin plugin) throws IOException, InstallException {
        List<InstalledPlugin> rest = new ArrayList<>(installed());
        rest.removeIf(p -> p.symbolicName().equals(plugin.symbolicName()));
        if (rest.isEmpty()) {
            Files.deleteIfExists(folder().resolve(LIST));
        } else {
            writeList(rest);
        }
        Files.deleteIfExists(plugin.file());
        if (rest.isEmpty()) {
            deleteFolderIfEmpty();
        }
    }

    private void writeList(List<InstalledPlugin> plugins) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# Plugins installed with './frameloop plugins install'; the launcher adds them at start.\n");
        for (InstalledPlugin plugin : plugins) {
            // start level 4 and no autostart, like the product's own bundles: the registry activates lazily
            text.append(plugin.symbolicName()).append(',').append(plugin.version()).append(',')
                    .append(home.relativize(plugin.file()).toString().replace('\\', '/')).append(",4,false\n");
        }
        AtomicFiles.writeString(folder().resolve(LIST), text.toString());
    }

    private void deleteFolderIfEmpty() throws IOException {
        try (Stream<Path> left = Files.list(folder())) {
            if (left.findAny().isPresent()) {
                return;
            }
        }
        Files.deleteIfExists(folder());
    }

    /** The entries of a bundles.info file: name, version, location, start level, autostart. */
    private static List<String[]> lines(Path list) throws InstallException {
        List<String[]> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = trimmed.split(",");
                if (fields.length < 3) {
                    throw new InstallException(list + ": malformed line '" + trimmed
                            + "' (expected name,version,location,startLevel,autostart)");
                }
                entries.add(fields);
            }
        } catch (IOException e) {
            throw new InstallException("cannot read " + list + ": " + e.getMessage(), e);
        }
        return entries;
    }
}
