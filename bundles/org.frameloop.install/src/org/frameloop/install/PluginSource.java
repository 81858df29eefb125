package org.frameloop.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What {@code plugins install SOURCE} takes: a bundle jar, or a p2 repository as a folder or a zip (its
 * {@code plugins/} folder holds the bundle jars; its metadata is not needed, requirements come from the
 * manifests). A folder of jars without {@code plugins/} is taken as it is. A zip is unpacked into a
 * temporary folder that {@link #close} deletes.
 */
public final class PluginSource implements AutoCloseable {

    private final Path source;
    private final List<BundleJar> bundles;
    private final Path unpacked;

    private PluginSource(Path source, List<BundleJar> bundles, Path unpacked) {
        this.source = source;
        this.bundles = bundles;
        this.unpacked = unpacked;
    }

    /**
     * @throws InstallException when {@code source} does not exist, is neither a jar, a zip nor a folder, or
     *                          holds no bundle jar
     */
    public static PluginSource open(Path source) throws InstallException {
        if (!Files.exists(source)) {
            throw new InstallException(source + " does not exist");
        }
        String name = source.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (Files.isRegularFile(source) && name.endsWith(".jar")) {
            return new PluginSource(source, List.of(BundleJar.read(source)), null);
        }
        if (Files.isDirectory(source)) {
            return new PluginSource(source, bundlesIn(source), null);
        }
        if (Files.isRegularFile(source) && name.endsWith(".zip")) {
            Path folder = unzip(source);
            try {
                return new PluginSource(source, bundlesIn(folder), folder);
            } catch (InstallException e) {
                delete(folder);
                throw e;
            }
        }
        throw new InstallException(source + " is neither a bundle jar, a p2 repository folder nor a zip of one");
    }

    /** The path the user gave. */
    public Path source() {
        return source;
    }

    /** Every bundle jar it holds, sorted by symbolic name. */
    public List<BundleJar> bundles() {
        return bundles;
    }

    private static List<BundleJar> bundlesIn(Path folder) throws InstallException {
        Path plugins = folder.resolve("plugins");
        Path searched = Files.isDirectory(plugins) ? plugins : folder;
        List<Path> jars;
        try (Stream<Path> files = Files.list(searched)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new InstallException("cannot list " + searched + ": " + e.getMessage(), e);
        }
        if (jars.isEmpty()) {
            throw new InstallException(searched + " holds no bundle jar");
        }
        List<BundleJar> bundles = new ArrayList<>();
        for (Path jar : jars) {
            bundles.add(BundleJar.read(jar));
        }
        bundles.sort(Comparator.comparing(BundleJar::symbolicName));
        return List.copyOf(bundles);
    }

    private static Path unzip(Path zip) throws InstallException {
        Path folder;
        try {
            folder = Files.createTempDirectory("frameloop-plugin-source");
        } catch (IOException e) {
            throw new InstallException("cannot create a temporary folder to unpack " + zip + ": " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null;) {
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new InstallException(zip + " holds an entry outside its own folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        } catch (IOException | InstallException e) {
            delete(folder);
            if (e instanceof InstallException install) {
                throw install;
            }
            throw new InstallException(zip + " is not a readable zip: " + e.getMessage(), e);
        }
        return folder;
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a leftover in the temporary folder is harmless
        }
    }

    @Override
    public void close() {
        if (unpacked != null) {
            delete(unpacked);
        }
    }
}
