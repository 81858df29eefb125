package org.frameloop.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * A bundle jar offered for installation, identified by its manifest's symbolic name and version.
 *
 * @param file          the jar
 * @param symbolicName  Bundle-SymbolicName without its directives ({@code singleton:=true})
 * @param version       Bundle-Version, {@code 0.0.0} when absent
 */
public record BundleJar(Path file, String symbolicName, String version) {

    /**
     * Reads the manifest of {@code jar}.
     *
     * @throws InstallException when the file is no jar or its manifest names no bundle
     */
    public static BundleJar read(Path jar) throws InstallException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException e) {
            throw new InstallException(jar + " is not a readable jar: " + e.getMessage(), e);
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (name == null || name.isBlank()) {
            throw new InstallException(jar + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        }
        Attributes main = manifest.getMainAttributes();
        String version = main.getValue("Bundle-Version");
        return new BundleJar(jar, name.split(";")[0].trim(),
                version == null || version.isBlank() ? "0.0.0" : version.trim());
    }

    /** The file name the installation gives it: {@code name_version.jar}, as in the product's plugins/. */
    public String installedFileName() {
        return symbolicName + "_" + version + ".jar";
    }

    @Override
    public String toString() {
        return symbolicName + " " + version;
    }
}
