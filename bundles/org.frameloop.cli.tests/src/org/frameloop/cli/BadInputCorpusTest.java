package org.frameloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.io.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (issue 17): each case runs one bad input through the CLI entry point and checks the
 * exit code (2 for a command line the user got wrong, 1 for data that cannot be used), that stderr names the
 * file or option and the problem in one or two lines without a stack trace or a library's exception text,
 * and that a project involved is byte for byte as it was and nothing was written into the output folder.
 */
class BadInputCorpusTest {

    private static final int USAGE = 2;
    private static final int DATA = 1;

    /** Text that means an exception leaked to the user instead of a message written for them. */
    private static final Pattern LEAKED = Pattern.compile("Exception|Error:|\\tat |\\bat (java|org|com)\\.|gson|"
            + "For input string|Input length|path \\$|BEGIN_|Troubleshooting|\\bnull\\b|FRAMELOOP_DEBUG",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    Path temp;

    /** What a case hands the CLI, the project that must stay unchanged and the output folder nothing may be written into (or null). */
    record Input(List<String> arguments, Path project, Path untouchedOutput) {
    }

    @FunctionalInterface
    interface Setup {
        Input prepare(Path temp) throws IOException;
    }

    @FunctionalInterface
    interface Damage {
        void apply(Path project) throws IOException;
    }

    record Case(String name, Setup setup, int exit, List<String> says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // project.json
                new Case("garbage bytes in project.json", t -> export(t, p -> Files.write(p.resolve("project.json"),
                        new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xFF, 0x1A })), DATA,
                        List.of("project.json: is not valid JSON")),
                new Case("truncated project.json", t -> export(t, p -> truncate(p.resolve("project.json"))), DATA,
                        List.of("project.json: is not valid JSON", "truncated")),
                new Case("non-UTF-8 project.json", t -> export(t, p -> latin1(p.resolve("project.json"), "\"v\"", "\"vidéo\"")),
                        DATA, List.of("project.json: is not valid JSON", "not UTF-8")),
                new Case("formatVersion that is not a number", t -> export(t, p -> replace(p.resolve("project.json"),
                        "\"formatVersion\": 2", "\"formatVersion\": \"two\"")), DATA,
                        List.of("project.json", "\"formatVersion\"", "two")),
                new Case("frame count that is not a number", t -> export(t, p -> replace(p.resolve("project.json"),
                        "\"frameCount\": 3", "\"frameCount\": \"many\"")), DATA,
                        List.of("project.json", "\"video\"", "frameCount")),
                new Case("no project.json", t -> export(t, p -> Files.delete(p.resolve("project.json"))), DATA,
                        List.of("no project.json here")),
                // label maps
                new Case("\"id\":\"one\" in the project's label map", t -> export(t, p -> replace(p.resolve("labelmap.json"),
                        "\"id\": 0", "\"id\": \"one\"")), DATA, List.of("labelmap.json", "entry 0", "\"id\"", "one")),
                new Case("\"id\":\"one\" in --labels", t -> run(t, "--labels", labelMap(t, "[{\"id\":\"one\",\"name\":\"road\"}]")),
                        DATA, List.of("map.json", "entry 0", "\"id\"", "one")),
                new Case("duplicate class names in --labels", t -> run(t, "--labels", labelMap(t,
                        "[{\"id\":0,\"name\":\"road\"},{\"id\":1,\"name\":\"road\"}]")), DATA,
                        List.of("map.json", "class name 'road' is used by ids 0 and 1")),
                // videos and ground truth
                new Case("an empty frames folder", t -> runOn(t, Files.createDirectories(t.resolve("empty"))), USAGE,
                        List.of("empty", "no frames")),
                new Case("an empty frames folder with --gt", t -> runOn(t, Files.createDirectories(t.resolve("empty")),
                        "--gt", Files.createDirectories(t.resolve("gt")).toString()), USAGE, List.of("empty", "no frames")),
                // ground truth is read frame by frame as the loop needs it: the run has begun when it is refused
                new Case("a ground-truth PNG of the wrong size", t -> runMayWrite(t, v -> ImageCodec.writeLabels(
                        v.resolve("gt/000002.png"), LabelImage.unlabeled(32, 24), TinyVideo.MAP)), DATA,
                        List.of("gt/000002.png", "32x24", "64x48")),
                new Case("a ground-truth id not in the label map", t -> runMayWrite(t, v -> ImageCodec.writeLabels(
                        v.resolve("gt/000001.png"), filled(TinyVideo.WIDTH, TinyVideo.HEIGHT, 7), TinyVideo.MAP)), DATA,
                        List.of("gt/000001.png", "label id 7")),
                // label files in a project
                new Case("a human label PNG of the wrong size", t -> export(t, p -> ImageCodec.writeLabels(
                        p.resolve("labels/human/000001.png"), LabelImage.unlabeled(4, 4), TinyVideo.MAP)), DATA,
                        List.of("labels/human/000001.png", "4x4", "8x6")),
                new Case("a human label id not in the label map", t -> export(t, p -> ImageCodec.writeLabels(
                        p.resolve("labels/human/000001.png"), filled(TinyProject.WIDTH, TinyProject.HEIGHT, 9),
                        TinyVideo.MAP)), DATA, List.of("labels/human/000001.png", "label id(s) 9")),
                new Case("a missing automatic label file", t -> export(t, p -> Files.delete(p.resolve("labels/auto/000002.png"))),
                        DATA, List.of("labels/auto/000002.png", "no automatic labels")),
                // the journal
                new Case("an empty journal with human labels", t -> resume(t, p -> Files.write(p.resolve(ProjectStore.LEDGER_FILE),
                        new byte[0])), DATA, List.of("ledger.jsonl is empty", "000001.png")),
                new Case("a torn last sample line", t -> resume(t, p -> Files.writeString(p.resolve(ProjectStore.LEDGER_FILE),
                        "{\"kind\":\"sample\",\"round\":1,\"frame\":1,\"clic", java.nio.file.StandardOpenOption.APPEND)),
                        DATA, List.of("ledger.jsonl", "torn")),
                new Case("a damaged journal line before the last", t -> export(t, p -> Files.writeString(
                        p.resolve(ProjectStore.LEDGER_FILE), "{\"kind\":\"sample\",\"frame\":\"x\"}\n{\"kind\":\"edit\",\"frame\":2}\n",
                        java.nio.file.StandardOpenOption.APPEND)), DATA, List.of("ledger.jsonl", "line 2")),
                // the command line
                new Case("--out under a regular file", t -> run(t, "--out",
                        Files.writeString(t.resolve("a-file"), "x").resolve("out").toString()), USAGE,
                        List.of("--out", "a-file exists and is not a folder")),
                new Case("export --out under a regular file", t -> exportTo(t,
                        Files.writeString(t.resolve("a-file"), "x").resolve("masks")), USAGE,
                        List.of("--out", "a-file exists and is not a folder")),
                new Case("negative --max-clicks", t -> run(t, "--max-clicks", "-5"), USAGE,
                        List.of("--max-clicks", "-5")),
                new Case("negative --budget-clicks", t -> run(t, "--budget-clicks", "-1"), USAGE,
                        List.of("--budget-clicks", "-1")),
                new Case("a --budget that is not a number", t -> run(t, "--budget", "abc"), USAGE,
                        List.of("--budget", "abc")),
                new Case("a --target out of range", t -> run(t, "--target", "2"), USAGE, List.of("--target", "2")),
                new Case("an unknown option", t -> run(t, "--vidoe", "x"), USAGE, List.of("unknown option --vidoe")),
                new Case("an option without its value", t -> new Input(List.of("export", "--project"), null, null), USAGE,
                        List.of("--project needs a value")),
                new Case("an unknown selector", t -> run(t, "--selector", "psychic"), USAGE, List.of("no selector 'psychic'")),
                new Case("an unknown granularity", t -> run(t, "--granularity", "hexagons"), USAGE, List.of("hexagons")),
                new Case("an unknown export format", t -> exportAs(t, "tiff"), USAGE, List.of("no exporter 'tiff'")),
                new Case("an unknown command", t -> new Input(List.of("exprot"), null, null), USAGE,
                        List.of("unknown command 'exprot'")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadInputIsRefusedWithOneClearMessageAndChangesNothing(Case c) throws Exception {
        Input input = c.setup().prepare(temp);
        FolderSnapshot before = input.project() == null ? null : FolderSnapshot.of(input.project());

        int exit = cli(input.arguments());

        String errors = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(c.exit(), exit, errors);
        long lines = errors.lines().count();
        assertTrue(lines >= 1 && lines <= 2, "one or two lines: " + errors);
        for (String fragment : c.says()) {
            assertTrue(errors.contains(fragment), "should say '" + fragment + "': " + errors);
        }
        assertFalse(LEAKED.matcher(errors).find(), "an exception's text leaked: " + errors);
        if (input.project() != null) {
            assertEquals(before, FolderSnapshot.of(input.project()), "the project is unchanged");
        }
        if (input.untouchedOutput() != null && Files.exists(input.untouchedOutput())) {
            try (Stream<Path> written = Files.list(input.untouchedOutput())) {
                assertEquals(List.of(), written.toList(), "nothing is written into --out");
            }
        }
    }

    @Test
    void anOutFolderWithDotDotIsTheFolderItNamesAndLeavesNoStrayFolder() throws Exception {
        Input input = exportTo(temp, temp.resolve("missing").resolve("..").resolve("masks"));

        assertEquals(0, cli(input.arguments()), err.toString(StandardCharsets.UTF_8));

        assertTrue(Files.isRegularFile(temp.resolve("masks").resolve("000002.png")));
        assertFalse(Files.exists(temp.resolve("missing")), "no folder 'missing' appears on the way");
    }

    @Test
    void temporaryFilesOfAKilledWriteAreRemovedWhenTheProjectIsNextOpenedForWriting() throws Exception {
        Path project = project(temp, p -> {
            Files.writeString(p.resolve("labels/auto/.000001.png8123456.tmp"), "half a PNG");
            Files.writeString(p.resolve(".project.json4711.tmp"), "{\"form");
        });

        assertEquals(0, cli(List.of("export", "--project", project.toString(), "--format", "png-masks", "--out",
                temp.resolve("masks").toString())), err.toString(StandardCharsets.UTF_8));

        assertFalse(Files.exists(project.resolve("labels/auto/.000001.png8123456.tmp")));
        assertFalse(Files.exists(project.resolve(".project.json4711.tmp")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Project: removed 2 temporary file(s) left by an "
                + "interrupted write"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkingAProjectLeavesTheTemporaryFilesOfAWriterThatMayStillRun() throws Exception {
        Path project = project(temp, p -> Files.writeString(p.resolve("labels/auto/.000001.png8123456.tmp"), "x"));

        assertEquals(0, cli(List.of("project", "check", "--project", project.toString())));

        assertTrue(Files.exists(project.resolve("labels/auto/.000001.png8123456.tmp")), "read-only opening writes nothing");
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(List<String> arguments) {
        return new FrameloopApplication().run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    // ---- inputs ----

    private static Path project(Path temp, Damage damage) throws IOException {
        Path project = TinyProject.write(temp.resolve("project"));
        damage.apply(project);
        return project;
    }

    private static Input export(Path temp, Damage damage) throws IOException {
        Path project = project(temp, damage);
        Path masks = temp.resolve("masks");
        return new Input(List.of("export", "--project", project.toString(), "--format", "png-masks", "--out",
                masks.toString()), project, masks);
    }

    private static Input exportTo(Path temp, Path masks) throws IOException {
        Path project = project(temp, p -> {
        });
        return new Input(List.of("export", "--project", project.toString(), "--format", "png-masks", "--out",
                masks.toString()), project, masks);
    }

    private static Input exportAs(Path temp, String format) throws IOException {
        Path project = project(temp, p -> {
        });
        Path masks = temp.resolve("masks");
        return new Input(List.of("export", "--project", project.toString(), "--format", format, "--out",
                masks.toString()), project, masks);
    }

    private static Input resume(Path temp, Damage damage) throws IOException {
        Path project = project(temp, damage);
        return new Input(List.of("run", "--project", project.toString(), "--resume"), project, null);
    }

    /** A run on the tiny video (damaged by {@code damage}) with {@code extra} options; nothing may be written into its --out. */
    private static Input run(Path temp, Damage damage, String... extra) throws IOException {
        Path video = TinyVideo.write(temp, 3);
        damage.apply(video);
        return runOn(temp, video, extra);
    }

    /** As {@link #run(Path, Damage, String...)}, but the run may have written its output when it is refused. */
    private static Input runMayWrite(Path temp, Damage damage) throws IOException {
        Input input = run(temp, damage);
        return new Input(input.arguments(), input.project(), null);
    }

    private static Input run(Path temp, String... extra) throws IOException {
        return run(temp, v -> {
        }, extra);
    }

    private static Input runOn(Path temp, Path video, String... extra) {
        Path out = temp.resolve("out");
        List<String> arguments = new ArrayList<>(List.of("run", "--video", video.toString(), "--model", "propagation",
                "--rounds", "0"));
        if (!List.of(extra).contains("--out")) {
            arguments.addAll(List.of("--out", out.toString()));
        }
        arguments.addAll(List.of(extra));
        return new Input(arguments, video, out);
    }

    private static String labelMap(Path temp, String json) throws IOException {
        return Files.writeString(temp.resolve("map.json"), json).toString();
    }

    private static LabelImage filled(int width, int height, int id) {
        LabelImage labels = LabelImage.unlabeled(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                labels.set(x, y, id);
            }
        }
        return labels;
    }

    private static void truncate(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " should hold " + from + ": " + text);
        Files.writeString(file, text.replace(from, to));
    }

    /** Replaces text and writes the file as ISO-8859-1, so its non-ASCII characters are not UTF-8. */
    private static void latin1(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " should hold " + from);
        Files.write(file, text.replace(from, to).getBytes(StandardCharsets.ISO_8859_1));
    }
}
