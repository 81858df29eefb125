package org.frameloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.frameloop.install.Installation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plugins list | install | remove} on an installation laid out as the product build makes it. */
class PluginsCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Installation installation, String... arguments) {
        out.reset();
        err.reset();
        return new PluginsCommand(() -> installation).run(List.of(arguments),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void installListAndRemoveAPluginJarAndRefuseOneWithAMissingBundle() throws IOException {
        Path home = temp.resolve("product");
        Path productList = home.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        Files.createDirectories(productList.getParent());
        Files.writeString(productList, "org.frameloop.core,0.1.0,plugins/org.frameloop.core_0.1.0.jar,4,false\n");
        Installation installation = new Installation(home);

        assertEquals(0, run(installation, "list"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("No plugins installed"), out.toString());

        assertEquals(0, run(installation, "install", jar("org.example.tiny", "org.frameloop.core").toString()), err.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("contributes selector 'tiny' (Tiny)"), out.toString());
        assertEquals(0, run(installation, "list"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("org.example.tiny 1.0.0"), out.toString());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("it loads from the next start"), out.toString());

        assertEquals(1, run(installation, "install", jar("org.example.needy", "org.nowhere.missing").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("requires bundle org.nowhere.missing"), err.toString());

        assertEquals(0, run(installation, "remove", "org.example.tiny"), err.toString());
        assertFalse(Files.exists(installation.folder()), "nothing of the plugin is left");
        assertEquals(2, run(installation, "frobnicate"));
    }

    private Path jar(String symbolicName, String requireBundle) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName + ";singleton:=true");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Require-Bundle", requireBundle);
        Path jar = temp.resolve(symbolicName + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(file, manifest)) {
            zip.putNextEntry(new JarEntry("plugin.xml"));
            zip.write(("<plugin><extension point=\"org.frameloop.core.selectors\"><selector id=\"tiny\" name=\"Tiny\" "
                    + "class=\"org.example.Tiny\"/></extension></plugin>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
