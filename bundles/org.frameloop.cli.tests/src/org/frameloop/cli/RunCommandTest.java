package org.frameloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    /** Deleted after each test, so runs leave nothing in the system temp folder. */
    @TempDir
    Path temporaryFolder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... arguments) {
        return new FrameloopApplication().run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path tinyVideo() throws IOException {
        return TinyVideo.write(temporaryFolder, 8);
    }

    /** Annotated samples in the project's journal (it also journals each round's choice). */
    private static long sampleLines(Path project) throws IOException {
        return Files.readAllLines(project.resolve("ledger.jsonl")).stream()
                .filter(line -> line.contains("\"kind\":\"sample\"")).count();
    }

    @Test
    void runWritesAProjectAReportAndALedgerLinePerSample() throws IOException {
        Path video = tinyVideo();
        Path output = Files.createTempDirectory(temporaryFolder, "run");

        int exit = run("run", "--video", video.toString(), "--model", "propagation", "--selector", "uniform-keyframes",
                "--granularity", "frame", "--budget", "1", "--rounds", "2", "--target", "0.999", "--out",
                output.toString());

        assertEquals(0, exit, err() + out.toString(StandardCharsets.UTF_8));
        Path project = output.resolve("project");
        assertTrue(Files.isRegularFile(project.resolve("project.json")));
        assertTrue(Files.isRegularFile(output.resolve("report.html")));
        assertTrue(Files.readString(output.resolve("report.html")).contains("data:image/png;base64,"));
        assertEquals(2, sampleLines(project), "one sample per round, two rounds");
        try (var files = Files.list(project.resolve("labels").resolve("auto"))) {
            assertEquals(8, files.count(), "every frame gets a label");
        }
        try (var files = Files.list(project.resolve("labels").resolve("human"))) {
            assertEquals(2, files.count(), "the two annotated keyframes");
        }
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("round  samples"), table);
    }

    @Test
    void demoGeneratesASyntheticVideoAndRunsTheLoopOnIt(@TempDir Path temp) throws IOException {
        Path output = temp.resolve("demo");

        int exit = run("demo", "--frames", "6", "--size", "48x64", "--model", "propagation", "--selector",
                "uniform-keyframes", "--budget", "2", "--rounds", "1", "--out", output.toString());

        assertEquals(0, exit, err() + out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(output.resolve("video").resolve("synth.json")));
        try (var frames = Files.list(output.resolve("video").resolve("gt"))) {
            assertEquals(6, frames.count());
        }
        assertEquals(2, sampleLines(output.resolve("project")));
        assertTrue(Files.isRegularFile(output.resolve("report.html")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("% fbf"));
        assertEquals(0, run("run", "--project", output.resolve("project").toString(), "--resume"),
                "a demo's project resumes like any other: " + err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Resuming at round 2"), out.toString(StandardCharsets.UTF_8));
        assertEquals(2, sampleLines(output.resolve("project")), "its round limit was reached: nothing more to label");
        assertEquals(0, run("demo", "--frames", "6", "--size", "48x64", "--model", "propagation", "--rounds", "0",
                "--out", output.toString()), "a second demo in the same folder starts afresh: " + err());
        try (var entries = Files.list(output)) {
            assertEquals(1, entries.filter(p -> p.getFileName().toString().startsWith("project.previous-")).count(),
                    "the first demo's project is kept aside, not deleted");
        }
        assertEquals(2, run("demo", "--size", "tiny"));
    }

    @Test
    void unknownOptionsAndMissingFoldersAreOneLineUsageErrors() throws IOException {
        assertEquals(2, run("run", "--video", "/nonexistent/frames"));
        assertTrue(err().contains("/nonexistent/frames: no such folder"), err());
        err.reset();

        assertEquals(2, run("run", "--vidoe", "x"));
        assertTrue(err().contains("unknown option --vidoe"), err());
        err.reset();

        assertEquals(2, run("run", "--video", tinyVideo().toString(), "--selector", "psychic"));
        assertTrue(err().contains("no selector 'psychic'"), err());
        assertEquals(1, err().strip().lines().count(), err());
    }
}
