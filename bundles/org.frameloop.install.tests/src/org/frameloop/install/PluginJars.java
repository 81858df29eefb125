package org.frameloop.install;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/** Tiny plugin jars and installations made by the tests themselves. */
final class PluginJars {

    private PluginJars() {
    }

    /** A plugin whose plugin.xml declares one selector {@code selectorId}; {@code requireBundle} may be null. */
    static Path selectorPlugin(Path folder, String symbolicName, String requireBundle, String selectorId)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName + ";singleton:=true");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Require-Bundle", "org.frameloop.core" + (requireBundle == null ? "" : "," + requireBundle));
        String pluginXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?eclipse version=\"3.4\"?>\n<plugin>\n"
                + "  <extension point=\"org.frameloop.core.selectors\">\n"
                + "    <selector id=\"" + selectorId + "\" name=\"Test selector\" class=\"org.example.TestSelector\"/>\n"
                + "  </extension>\n</plugin>\n";
        Files.createDirectories(folder);
        Path jar = folder.resolve(symbolicName + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("plugin.xml"));
            out.write(pluginXml.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** An installation as the product build lays it out, listing {@code productBundles}. */
    static Installation installation(Path home, String... productBundles) throws IOException {
        StringBuilder list = new StringBuilder("#encoding=UTF-8\n#version=1\n");
        for (String name : productBundles) {
            list.append(name).append(",0.1.0,plugins/").append(name).append("_0.1.0.jar,4,false\n");
        }
        Path info = home.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        Files.createDirectories(info.getParent());
        Files.writeString(info, list);
        Files.createDirectories(home.resolve("plugins"));
        return new Installation(home);
    }

    /** A zip of {@code folder}'s content, as a p2 repository is shipped. */
    static Path zip(Path folder, Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file);
                Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    /** Every file under {@code folder} with its content, to compare an installation before and after. */
    static String snapshot(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted().toList()) {
                text.append(folder.relativize(path)).append(Files.isRegularFile(path)
                        ? " " + java.util.Arrays.hashCode(Files.readAllBytes(path)) : "/").append('\n');
            }
        }
        return text.toString();
    }

    static BundleContext context() throws BundleException {
        Bundle bundle = FrameworkUtil.getBundle(PluginJars.class);
        if (bundle.getBundleContext() == null) {
            bundle.start();
        }
        return bundle.getBundleContext();
    }
}
