package org.frameloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.video.ImageSequenceLabels;
import org.frameloop.core.video.ImageSequenceVideo;
import org.frameloop.run.MemoryTrace;
import org.frameloop.synth.SyntheticVideo;
import org.frameloop.synth.SyntheticVideoSpec;
import org.frameloop.synth.SyntheticVideoWriter;

/**
 * {@code ./frameloop soak}: a long session, for memory rather than quality. Generates a synthetic video and
 * runs the loop for many rounds on it (as {@code demo} does, with cheap defaults so hundreds of rounds fit in
 * minutes on two cores), sampling the heap after GC and the resident set every few rounds into
 * OUT/soak-loop.csv, and says whether memory stayed flat after the warm-up. The IDE's side (a long video
 * walked frame by frame in the editor's workspace) is {@code ./frameloop soak-ide}.
 */
final class SoakCommand implements CliCommand {

    /** Defaults of a soak: a 2,000-frame video of 48×64, the propagation model, whole frames, one per round. */
    private static final Map<String, String> DEFAULTS = Map.of("frames", "2000", "size", "48x64", "model", "propagation",
            "granularity", "frame", "budget", "1", "rounds", "200", "target", "1.0", "out", "frameloop-soak");

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public String summary() {
        return "run the loop for hundreds of rounds on a generated video, sampling memory (docs/performance.md)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        try {
            Options options = declare().parse(withDefaults(arguments));
            if (options.has("help")) {
                out.print(options.help("[options]",
                        "Generates a seeded synthetic video into OUT/video and runs the annotation loop on it for --rounds\n"
                                + "rounds (the target is 1.0, so the round limit ends it), sampling the Java heap after a full\n"
                                + "GC and the resident set (VmRSS) every --sample-every rounds into OUT/soak-loop.csv.\n"
                                + "Defaults: " + new java.util.TreeMap<>(DEFAULTS) + "."));
                return 0;
            }
            int frames = options.getInt("frames", 2000, 2);
            int[] size = DemoCommand.parseSize(options.get("size", DEFAULTS.get("size")));
            int sampleEvery = options.getInt("sample-every", 10, 1);
            int warmUpRounds = options.getInt("warm-up", 20, 0);
            Path outFolder = OutputFolder.prepare("out", Path.of(options.get("out", DEFAULTS.get("out"))));
            Path videoFolder = outFolder.resolve("video");
            SyntheticVideoSpec spec = SyntheticVideoSpec.of(size[1], size[0], frames, options.getLong("video-seed", 7),
                    SyntheticVideoSpec.Style.TARGET);
            if (!DemoCommand.isAlreadyGenerated(videoFolder, spec)) {
                ConsoleProgress progress = new ConsoleProgress(out);
                SyntheticVideoWriter.write(new SyntheticVideo(spec), videoFolder, progress);
                progress.breakLine();
            }
            LabelMap labelMap = LabelMapJson.read(videoFolder.resolve(SyntheticVideoWriter.LABEL_MAP_FILE));
            ImageSequenceVideo video = ImageSequenceVideo.open(videoFolder);
            ImageSequenceLabels truth = ImageSequenceLabels.open(
                    videoFolder.resolve(SyntheticVideoWriter.GROUND_TRUTH_FOLDER), video, labelMap);
            DemoCommand.setAsidePreviousRun(outFolder.resolve("project"), out);

            MemoryTrace trace = new MemoryTrace("round");
            java.util.concurrent.atomic.AtomicInteger lastRound = new java.util.concurrent.atomic.AtomicInteger(-1);
            Path csv = outFolder.resolve("soak-loop.csv");
            long started = System.nanoTime();
            PluginRegistry registry = PluginRegistry.ofPlatform();
            new LoopRunner(registry, out).listenTo(new LoopListener() {
                @Override
                public void roundFinished(RoundReport report) {
                    lastRound.set(report.round());
                    if (report.round() % sampleEvery == 0) {
                        MemoryTrace.Sample sample = trace.sample(report.round());
                        out.println(String.format(Locale.ROOT, "memory at round %d (%.0f s): heap after GC %d MiB, "
                                + "resident %d MiB", report.round(), (System.nanoTime() - started) / 1e9,
                                sample.heapAfterGcBytes() >> 20, sample.residentBytes() >> 20));
                        writeQuietly(trace, csv, out);
                    }
                }
            }).run(video, truth, labelMap, LoopRunner.plugins(options, registry), LoopRunner.settings(options), outFolder,
                    new LoopRunner.ProjectPlan(outFolder.resolve("project").toString(), videoFolder,
                            videoFolder.resolve(SyntheticVideoWriter.GROUND_TRUTH_FOLDER), false));
            if (lastRound.get() % sampleEvery != 0) {
                trace.sample(lastRound.get()); // the end, after the model was saved
            }
            trace.writeCsv(csv);
            MemoryTrace.Summary summary = trace.summary(warmUpRounds);
            out.println("Soak: " + summary.describe("round") + "; " + (summary.heapFlat(16L << 20)
                    ? "flat (heap within 16 MiB of the warm-up)" : "GROWING (heap beyond 16 MiB over the warm-up)")
                    + ". Trace: " + csv);
            return 0;
        } catch (UsageException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (IOException | UncheckedIOException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return 1;
        }
    }

    private Options declare() {
        Options options = new Options(name())
                .option("frames", "N", "frames of the generated video (default " + DEFAULTS.get("frames") + ")")
                .option("size", "HxW", "frame size, height x width (default " + DEFAULTS.get("size") + ")")
                .option("video-seed", "N", "seed of the generated video (default 7)")
                .option("sample-every", "N", "rounds between memory samples (default 10)")
                .option("warm-up", "N", "rounds before memory must stay flat (default 20)");
        LoopRunner.declarePluginOptions(options);
        return options;
    }

    /** The soak's defaults for whatever the user did not give. */
    private List<String> withDefaults(List<String> arguments) {
        Options given = declare().parse(arguments);
        List<String> all = new ArrayList<>(arguments);
        DEFAULTS.forEach((name, value) -> {
            if (!given.has(name)) {
                all.add("--" + name);
                all.add(value);
            }
        });
        return all;
    }

    private static void writeQuietly(MemoryTrace trace, Path csv, PrintStream out) {
        try {
            trace.writeCsv(csv);
        } catch (IOException e) {
            out.println("memory trace not written: " + e.getMessage());
        }
    }
}
