package org.frameloop.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frameloop.core.registry.PluginChoice;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.bench.internal.HostName;
import org.frameloop.bench.internal.ResultJson;
import org.frameloop.bench.report.BenchOutputs;
import org.frameloop.bench.report.SummaryTable;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.ClickCostModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The bench on a tiny procedural video (8 frames of 64×48) with the real plugins from the registry, two
 * rounds per run: the smoke variant of issue 6.
 */
class BenchRunnerTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.ofPlatform();

    @TempDir
    static Path shared;

    private static BenchVideo video;

    @BeforeAll
    static void writeVideo() throws IOException {
        video = BenchVideo.open(TinyVideos.write(shared.resolve("street"), 8, 64, 48, 11));
    }

    private static BenchPlan plan(List<String> granularities, List<String> selectors, long seed) {
        return new BenchPlan(granularities.stream().map(GranularityOption::parse).toList(), selectors, List.of(),
                List.of(0.80, 0.90), Map.of(BenchPlan.DEFAULT_KEY, 4, "frame", 1), 0, 2, 1.0, seed,
                PluginChoice.of("propagation"), PluginChoice.of("propagation"), PluginChoice.of("dis"),
                PluginChoice.of("polygon"));
    }

    /** Counts what the runner did with each run. */
    private static final class Counter implements BenchListener {
        final List<String> started = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        @Override
        public void runStarted(int index, int total, String videoName, BenchMethod method) {
            started.add(method.key());
        }

        @Override
        public void runSkipped(int index, int total, String videoName, BenchMethod method, String reason) {
            skipped.add(method.key() + ": " + reason);
        }
    }

    private static BenchResults run(BenchPlan plan, Path out, BenchListener listener) throws IOException {
        return new BenchRunner(REGISTRY, plan, out, listener).run(List.of(video), Machine.current(), "test", null,
                new NullProgressMonitor());
    }

    @Test
    void smokeRunWritesEveryOutputAndTheFrameByFrameBaselineCostsTheClickModelOnEveryFrame(@TempDir Path out)
            throws Exception {
        BenchPlan plan = plan(List.of("frame", "rect16", "hexagon"), List.of("hybrid", "random"), 7);

        BenchResults results = run(plan, out, new Counter());
        BenchOutputs.writeAll(results, out);

        // Five baselines + 2 granularities × 2 selectors; no granularity "hexagon" is installed and is reported.
        assertEquals(9, results.methods().size());
        assertTrue(results.complete(), results.failures().toString());
        assertEquals(1, results.unavailable().size());
        assertTrue(results.unavailable().get(0).startsWith("granularity hexagon"), results.unavailable().toString());

        ClickCostModel polygon = REGISTRY.create(ExtensionPoint.CLICK_COSTS, "polygon", Map.of());
        long expected = 0;
        for (int f = 0; f < 8; f++) {
            expected += polygon.clicks(new Region.WholeFrame(64, 48), video.groundTruth().labels(f), -1);
        }
        CellResult frameByFrame = results.results().stream()
                .filter(r -> r.method().kind() == BenchMethod.Kind.FRAME_BY_FRAME).findFirst().orElseThrow();
        assertEquals(expected, frameByFrame.frameByFrameClicks());
        assertEquals(expected, frameByFrame.last().clicks());
        assertEquals(expected, frameByFrame.last().correctionClicks(), "no proposal: correcting is drawing");
        assertEquals(1.0, frameByFrame.last().miou(), 1e-12);
        assertEquals(9, frameByFrame.curve().size(), "0 to 8 frames labelled");
        long activeClicks = 0;
        long activeCorrectionClicks = 0;
        for (CellResult r : results.results()) {
            for (CurvePoint point : r.curve()) {
                assertTrue(point.correctionClicks() <= point.clicks(), r.method().label() + " " + point);
            }
            if (r.method().kind() == BenchMethod.Kind.ACTIVE) {
                activeClicks += r.last().clicks();
                activeCorrectionClicks += r.last().correctionClicks();
            }
            assertEquals(expected, r.frameByFrameClicks(), r.method().label());
            assertEquals(0, r.curve().get(0).clicks(), r.method().label());
            if (r.method().kind() != BenchMethod.Kind.FRAME_BY_FRAME
                    && r.method().kind() != BenchMethod.Kind.CORRECT_PRETRAINED) { // frames labelled in order
                assertTrue(r.last().round() <= 2, r.method().label() + " ran " + r.last().round() + " rounds");
            }
            Path folder = out.resolve("cells").resolve("street").resolve(r.method().key());
            assertTrue(Files.isRegularFile(folder.resolve("result.json")), folder.toString());
            assertFalse(Files.exists(folder.resolve("running.lock")), folder + " kept its lock");
        }
        CellResult pretrained = results.results().stream()
                .filter(r -> r.method().kind() == BenchMethod.Kind.PRETRAINED).findFirst().orElseThrow();
        assertEquals(1, pretrained.curve().size(), "round 0 only");
        // Propagation leaves the tiles the selector picks mostly unlabelled on this tiny video, so correcting
        // them costs what drawing does; the correction model's own specification has the exact prices.
        assertTrue(activeCorrectionClicks <= activeClicks, activeCorrectionClicks + " <= " + activeClicks);
        CellResult corrected = results.results().stream()
                .filter(r -> r.method().kind() == BenchMethod.Kind.CORRECT_PRETRAINED).findFirst().orElseThrow();
        assertEquals(9, corrected.curve().size(), "0 to 8 frames corrected");
        assertEquals(1.0, corrected.last().miou(), 1e-12);
        assertEquals(pretrained.last().miou(), corrected.curve().get(0).miou(), 1e-12, "before any correction");
        assertEquals(expected, corrected.last().clicks(), "drawing every frame from scratch instead");

        for (String file : BenchOutputs.FILES) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(csv.get(0).startsWith("video,method,kind,granularity,selector,model"), csv.get(0));
        assertEquals(1 + 9 * 2, csv.size(), "a row per run and target");
        JsonObject json = JsonParser.parseString(Files.readString(out.resolve("results.json"))).getAsJsonObject();
        assertEquals(9, json.getAsJsonArray("results").size());
        assertTrue(json.getAsJsonObject("machine").get("cores").getAsInt() >= 1);
        assertTrue(json.getAsJsonObject("machine").getAsJsonObject("bundleVersions").has("org.frameloop.bench"));
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        // per video: mIoU vs clicks, one clicks-to-target bar chart per target, IoU per class
        assertEquals(1 + 2 + 1, count(html, "src=\"data:image/png;base64,"));
        List<String> table = Files.readAllLines(out.resolve("summary.md"), StandardCharsets.UTF_8);
        // the headline (from scratch), then the same table priced as corrections, each under its caption
        assertEquals(SummaryTable.caption(ClickProtocol.FROM_SCRATCH), table.get(0));
        assertEquals("| method | model | clicks to mIoU ≥ 0.80 | clicks to mIoU ≥ 0.90 | final mIoU | final clicks "
                + "| s / run |", table.get(2));
        assertTrue(table.get(4).startsWith("| frame-by-frame manual | - | "), table.get(4));
        assertEquals(SummaryTable.caption(ClickProtocol.CORRECTION), table.get(4 + 9 + 1));
        assertEquals(2 * (2 + 2 + 9) + 1, table.size());
    }

    @Test
    void docsSectionsReplaceOnlyTheirOwnBlockAndPutAPlotBeside(@TempDir Path out) throws Exception {
        BenchResults results = run(plan(List.of("frame"), List.of("random"), 5), out, new Counter());
        Path doc = out.resolve("docs").resolve("benchmarks.md");

        BenchOutputs.writeDocs(results, doc, "synthetic");
        BenchOutputs.writeDocs(results, doc, "camvid");
        Files.writeString(doc, Files.readString(doc) + "\nA hand-written closing note.\n");
        BenchOutputs.writeDocs(results, doc, "synthetic"); // a rerun replaces its section in place

        String text = Files.readString(doc);
        assertTrue(text.startsWith("# Benchmarks\n"), text);
        assertEquals(1, count(text, "<!-- bench:synthetic begin -->"));
        assertEquals(1, count(text, "<!-- bench:camvid begin -->"));
        assertTrue(text.indexOf("bench:synthetic end") < text.indexOf("bench:camvid begin"), "section order kept");
        assertTrue(text.endsWith("A hand-written closing note.\n"), "text outside the sections is kept");
        assertEquals(2 * 2, count(text, "| frame / random | propagation |"), "two sections of two protocols: " + text);
        assertTrue(Files.size(doc.resolveSibling("benchmarks-camvid-street.png")) > 1000);
        assertTrue(text.contains("](benchmarks-camvid-street.png)"), text);
    }

    @Test
    void aVideoInTheCamVidLayoutOpensWithTheLabelMapOfItsParentFolder(@TempDir Path root) throws Exception {
        Path tiny = TinyVideos.write(root.resolve("tiny"), 3, 32, 24, 5);
        Path sequence = root.resolve("dataset").resolve("seq01");
        Files.createDirectories(sequence.resolve("images"));
        Files.createDirectories(sequence.resolve("labels"));
        Files.copy(tiny.resolve("labelmap.json"), root.resolve("dataset").resolve("labelmap.json"));
        for (int f = 0; f < 3; f++) {
            // Dataset names: frame numbers that sort wrongly as text (9 < 10 < 100 naturally).
            String name = "seq01_f" + new int[] { 9, 10, 100 }[f] + ".png";
            Files.copy(tiny.resolve(String.format("%06d.png", f)), sequence.resolve("images").resolve(name));
            Files.copy(tiny.resolve("gt").resolve(String.format("%06d.png", f)), sequence.resolve("labels").resolve(name));
        }

        BenchVideo opened = BenchVideo.open(sequence);

        assertEquals(3, opened.video().frameCount());
        assertEquals(TinyVideos.MAP.classes(), opened.labelMap().classes());
        BenchVideo reference = BenchVideo.open(tiny);
        for (int f = 0; f < 3; f++) {
            assertArrayEquals(reference.groundTruth().labels(f).ids(), opened.groundTruth().labels(f).ids(), "frame " + f);
            assertArrayEquals(reference.video().frame(f).rgb(), opened.video().frame(f).rgb(), "frame " + f);
        }
        Files.delete(sequence.resolve("labels").resolve("seq01_f10.png"));
        IOException missing = assertThrows(IOException.class, () -> BenchVideo.open(sequence));
        assertTrue(missing.getMessage().contains("seq01_f10.png") && missing.getMessage().contains("missing"),
                missing.getMessage());
    }

    @Test
    void aRerunSkipsFinishedRunsAndRunsNothingAgain(@TempDir Path out) throws Exception {
        BenchPlan plan = plan(List.of("frame"), List.of("random"), 3);
        BenchResults first = run(plan, out, new Counter());

        Counter second = new Counter();
        BenchResults again = run(plan, out, second);

        assertEquals(List.of(), second.started);
        assertEquals(6, second.skipped.size());
        assertEquals(first.results(), again.results());
    }

    @Test
    void aRunLockedByALiveProcessIsLeftToItAndAStaleLockIsTakenOver(@TempDir Path out) throws Exception {
        BenchPlan plan = plan(List.of("frame"), List.of("random", "uncertainty"), 3);
        List<BenchMethod> methods = plan.methods(List.of(GranularityOption.parse("frame")));
        BenchMethod held = methods.get(3);
        BenchMethod abandoned = methods.get(4);
        lock(out, held, ProcessHandle.current().pid());
        lock(out, abandoned, deadPid());

        Counter counter = new Counter();
        BenchResults results = run(plan, out, counter);

        assertTrue(counter.started.contains(abandoned.key()), counter.started.toString());
        assertFalse(counter.started.contains(held.key()), counter.started.toString());
        assertEquals(1, results.runningElsewhere().size());
        assertFalse(results.complete());
        assertTrue(results.result("street", held).isEmpty());
    }

    @Test
    void resultsMadeWithOtherSettingsAreNotMixedIn(@TempDir Path out) throws Exception {
        run(plan(List.of("frame"), List.of("random"), 3), out, new Counter());

        IOException conflict = assertThrows(IOException.class,
                () -> run(plan(List.of("frame"), List.of("random"), 4), out, new Counter()));

        assertTrue(conflict.getMessage().contains("other settings"), conflict.getMessage());
    }

    @Test
    void aResultSurvivesItsJsonRoundTrip(@TempDir Path out) throws Exception {
        BenchResults results = run(plan(List.of("frame"), List.of("random"), 3), out, new Counter());

        for (CellResult r : results.results()) {
            assertEquals(r, ResultJson.read(ResultJson.write(r)));
        }
    }

    private static void lock(Path out, BenchMethod method, long pid) throws IOException {
        Path folder = out.resolve("cells").resolve("street").resolve(method.key());
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("running.lock"), pid + "@" + HostName.get() + " 2026-01-01T00:00:00Z");
    }

    /** The id of a process that has ended. */
    private static long deadPid() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
