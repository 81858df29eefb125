package org.frameloop.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What a team does with the example plugin, on a copy of the product this build materialised: build
 * {@code examples/class-balance-selector} on its own against the product's p2 repository (with its own
 * tests), install the jar, see it in {@code plugins list} and {@code doctor}, run it with {@code frameloop run}
 * on a tiny generated video, remove it, and find the installation as it was built.
 */
class ExamplePluginRoundTripTest {

    private static final String BUNDLE = "org.example.frameloop.classbalance";
    private static final String SELECTOR = "class-balance";

    private final Path sources = Path.of(System.getProperty("frameloop.sources")).toAbsolutePath().normalize();
    private final Path work = Path.of(System.getProperty("frameloop.test.output")).resolve("example-round-trip");

    @Test
    void theExamplePluginBuiltOnItsOwnIsInstalledRunInFrameloopRunAndRemovedLeavingTheProductAsBuilt() throws Exception {
        Commands.deleteRecursively(work);
        Files.createDirectories(work);
        Path product = copyOfTheProduct();
        Map<String, String> before = Commands.snapshot(product);
        Path jar = buildTheExample();
        Frameloop frameloop = new Frameloop(sources.resolve("frameloop"), product, work);

        Commands.Result install = frameloop.run("plugins", "install", jar.toString());
        assertEquals(0, install.exitCode(), install.output());
        assertTrue(install.output().contains("contributes selector '" + SELECTOR + "'"), install.output());
        assertTrue(Files.isRegularFile(product.resolve("installed-plugins").resolve("bundles.info")), "the drop-in list");

        Commands.Result list = frameloop.run("plugins", "list");
        assertEquals(0, list.exitCode(), list.output());
        assertTrue(Pattern.compile("\\[ok\\] +" + Pattern.quote(BUNDLE) + " ").matcher(list.output()).find(), list.output());

        Commands.Result doctor = frameloop.run("doctor");
        assertEquals(0, doctor.exitCode(), "every check and plugin loads: " + doctor.output());
        String installedSection = doctor.output().substring(doctor.output().indexOf("Installed plugins"));
        assertTrue(Pattern.compile("\\[ok\\] +" + Pattern.quote(BUNDLE) + " ").matcher(installedSection).find(),
                doctor.output());
        assertTrue(Pattern.compile("\\[ok\\] +" + Pattern.quote(SELECTOR) + " .*\\(" + Pattern.quote(BUNDLE) + "\\)")
                .matcher(doctor.output()).find(), "its selector among the contributions: " + doctor.output());

        Path video = TinyLabelledVideo.write(work.resolve("video"), 8);
        Path out = work.resolve("run");
        Commands.Result run = frameloop.run("run", "--video", video.toString(), "--model", "propagation",
                "--selector", SELECTOR, "--selector-param", "uncertaintyWeight=0.5", "--budget", "1", "--rounds", "2",
                "--target", "1.0", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("selector " + SELECTOR), "the header names the plugin's selector: " + run.output());
        assertFalse(run.output().contains("warning:"), "the plugin's selector chose every round itself: " + run.output());
        List<String> journal = Files.readAllLines(out.resolve("project").resolve("ledger.jsonl"));
        assertEquals(2, journal.stream().filter(line -> line.contains("\"sample\"")).count(),
                "one sample annotated in each of the two rounds: " + journal);
        assertTrue(Files.readString(out.resolve("project").resolve("project.json")).contains("\"" + SELECTOR + "\""),
                "the project records the selector it was made with");

        Commands.Result remove = frameloop.run("plugins", "remove", BUNDLE);
        assertEquals(0, remove.exitCode(), remove.output());
        Commands.Result listAfter = frameloop.run("plugins", "list");
        assertEquals(0, listAfter.exitCode(), listAfter.output());
        assertFalse(listAfter.output().contains(BUNDLE), listAfter.output());
        assertEquals(Map.of(), Commands.differences(before, Commands.snapshot(product)), "the installation is as it was built");
        Commands.deleteRecursively(product); // 270 MB; kept when a step fails, to look at
    }

    /** The materialised product, copied: installing writes beside its bundles, and the build's own stays as built. */
    private Path copyOfTheProduct() throws IOException, InterruptedException {
        Path built = Path.of(System.getProperty("frameloop.product"));
        assertTrue(Files.isDirectory(built.resolve("plugins")), "no materialised product at " + built);
        Path copy = work.resolve("product");
        Commands.Result copied = Commands.run(List.of("cp", "-a", built.toString(), copy.toString()), work, Map.of(), 300);
        assertEquals(0, copied.exitCode(), copied.output());
        return copy;
    }

    /**
     * The example's sources copied out of the tree and built as its README says, with the Maven running this
     * build (offline when it is), against the product's repository; returns the plugin's jar.
     */
    private Path buildTheExample() throws IOException, InterruptedException {
        Path example = work.resolve("class-balance-selector");
        Commands.copyWithoutBuildOutput(sources.resolve("examples").resolve("class-balance-selector"), example);
        List<String> maven = new ArrayList<>(List.of(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B",
                "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                "-Dframeloop.repository=" + Path.of(System.getProperty("frameloop.repository")).toUri(), "verify"));
        if (Boolean.getBoolean("maven.offline")) {
            maven.add(1, "--offline");
        }
        Commands.Result build = Commands.run(maven, example, Commands.withoutOuterMavenSettings(), 600);
        Path log = work.resolve("example-build.log");
        Files.writeString(log, build.output());
        assertEquals(0, build.exitCode(), "the example's build failed (" + log + "):\n" + build.tail(60));
        assertTrue(build.output().contains("Tests run:") && !build.output().contains("Tests run: 0,"),
                "the example's own tests ran: " + log);
        Path jar = example.resolve(BUNDLE).resolve("target").resolve(BUNDLE + "-1.0.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(jar), "no plugin jar at " + jar);
        // installed from a folder of the team's choosing, not the build's target/
        Path delivered = Files.createDirectories(work.resolve("delivered")).resolve(jar.getFileName());
        return Files.copy(jar, delivered, StandardCopyOption.REPLACE_EXISTING);
    }

    /** {@code ./frameloop} of the source tree started on the copied product; its per-run OSGi folders go into work. */
    private record Frameloop(Path launcher, Path product, Path work) {
        Commands.Result run(String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(launcher.toString()));
            command.addAll(List.of(arguments));
            return Commands.run(command, work, Map.of("FRAMELOOP_HOME", product.toString(), "TMPDIR", work.toString()),
                    300);
        }
    }
}
