package org.frameloop.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing into an installation laid out as the product build makes it, checked by this runtime's resolver. */
class PluginInstallerTest {

    @TempDir
    Path temp;

    private Installation product() throws Exception {
        return PluginJars.installation(temp.resolve("product"), "org.frameloop.core", "org.frameloop.select");
    }

    private PluginInstaller installer(Installation installation) throws Exception {
        return new PluginInstaller(installation, PluginJars.context());
    }

    private static Path productList(Installation installation) {
        return installation.home().resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
    }

    @Test
    void aJarIsInstalledBesideTheProductAndRemovingItLeavesTheProductAsItWas() throws Exception {
        Installation installation = product();
        String before = PluginJars.snapshot(installation.home());
        String productList = Files.readString(productList(installation));
        Path jar = PluginJars.selectorPlugin(temp.resolve("built"), "org.example.balance", null, "test-balance");

        PluginInstaller.Result result;
        try (PluginSource source = PluginSource.open(jar)) {
            result = installer(installation).install(source);
        }

        assertEquals(List.of("org.example.balance"), installation.installed().stream().map(p -> p.symbolicName()).toList());
        assertTrue(Files.isRegularFile(installation.folder().resolve("org.example.balance_1.0.0.jar")));
        assertTrue(result.contributions().contains("selector 'test-balance' (Test selector)"), result.contributions().toString());
        assertEquals(java.util.Map.of("org.example.balance", List.of("selector 'test-balance' (Test selector)")),
                result.contributionsByBundle());
        assertTrue(Files.readString(installation.folder().resolve("bundles.info"))
                .contains("org.example.balance,1.0.0,installed-plugins/org.example.balance_1.0.0.jar,4,false"));
        assertEquals(productList, Files.readString(productList(installation)), "the product's configuration is untouched");

        installer(installation).remove("org.example.balance");

        assertEquals(before, PluginJars.snapshot(installation.home()));
    }

    @Test
    void aPluginIsLoadedWhenThisFrameworkHasItsBundleResolvedAndElseLoadsFromTheNextStart() throws Exception {
        Installation installation = product();
        Path jar = installation.folder().resolve("x.jar");

        assertEquals(PluginState.LOADED, PluginState.of(new InstalledPlugin("org.frameloop.core", "0.1.0", jar),
                PluginJars.context()));
        assertEquals(PluginState.NEXT_START, PluginState.of(new InstalledPlugin("org.example.later", "1.0.0", jar),
                PluginJars.context()));
    }

    @Test
    void theRunningInstallationIsTheFrameworksInstallArea() throws Exception {
        String area = PluginJars.context().getProperty("osgi.install.area");

        assertEquals(Path.of(new java.net.URL(area).toURI()).toAbsolutePath().normalize(),
                Installation.ofRunningFramework(PluginJars.context()).home());
    }

    @Test
    void aPluginWhoseRequiredBundleIsMissingIsRefusedNamingItAndNothingChanges() throws Exception {
        Installation installation = product();
        String before = PluginJars.snapshot(installation.home());
        Path jar = PluginJars.selectorPlugin(temp.resolve("built"), "org.example.needy", "org.nowhere.missing;bundle-version=\"2.0.0\"",
                "test-needy");

        InstallException refused;
        try (PluginSource source = PluginSource.open(jar)) {
            refused = assertThrows(InstallException.class, () -> installer(installation).install(source));
        }

        assertTrue(refused.getMessage().contains("org.example.needy 1.0.0 cannot be installed: it requires bundle "
                + "org.nowhere.missing (version 2.0.0 or later)"), refused.getMessage());
        assertEquals(before, PluginJars.snapshot(installation.home()));
    }

    @Test
    void aBundleOfTheProductIsNeverReplacedNorRemoved() throws Exception {
        Installation installation = product();
        Path jar = PluginJars.selectorPlugin(temp.resolve("built"), "org.frameloop.select", null, "test-shadow");

        try (PluginSource source = PluginSource.open(jar)) {
            InstallException refused = assertThrows(InstallException.class, () -> installer(installation).install(source));
            assertTrue(refused.getMessage().contains("org.frameloop.select is part of the product"), refused.getMessage());
        }
        InstallException removal = assertThrows(InstallException.class, () -> installer(installation).remove("org.frameloop.core"));
        assertTrue(removal.getMessage().contains("part of the product"), removal.getMessage());
        InstallException unknown = assertThrows(InstallException.class, () -> installer(installation).remove("org.example.none"));
        assertTrue(unknown.getMessage().contains("org.example.none is not installed"), unknown.getMessage());
    }

    @Test
    void aZippedP2RepositoryInstallsOnlyTheBundlesTheProductLacks() throws Exception {
        Installation installation = product();
        Path repository = temp.resolve("repository");
        PluginJars.selectorPlugin(repository.resolve("plugins"), "org.example.balance", null, "test-balance");
        PluginJars.selectorPlugin(repository.resolve("plugins"), "org.frameloop.select", null, "test-shadow");
        Files.writeString(repository.resolve("artifacts.xml"), "<repository/>");
        Path zip = PluginJars.zip(repository, temp.resolve("repository.zip"));

        PluginInstaller.Result result;
        try (PluginSource source = PluginSource.open(zip)) {
            result = installer(installation).install(source);
        }

        assertEquals(List.of("org.example.balance"), result.installed().stream().map(BundleJar::symbolicName).toList());
        assertEquals(List.of("org.frameloop.select"), result.alreadyThere().stream().map(BundleJar::symbolicName).toList());
        assertFalse(Files.exists(installation.folder().resolve("org.frameloop.select_1.0.0.jar")));
    }

    @Test
    void aSourceThatHoldsNoBundleIsRefusedByName() throws Exception {
        Path notAJar = Files.writeString(temp.resolve("notes.jar"), "not a zip");
        InstallException refused = assertThrows(InstallException.class, () -> PluginSource.open(notAJar));
        assertTrue(refused.getMessage().contains("notes.jar is not a readable jar"), refused.getMessage());
        Path empty = Files.createDirectories(temp.resolve("empty"));
        refused = assertThrows(InstallException.class, () -> PluginSource.open(empty));
        assertTrue(refused.getMessage().contains("holds no bundle jar"), refused.getMessage());
    }
}
