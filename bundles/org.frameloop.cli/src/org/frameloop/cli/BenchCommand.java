package org.frameloop.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.frameloop.bench.BenchListener;
import org.frameloop.bench.BenchMethod;
import org.frameloop.bench.BenchPlan;
import org.frameloop.bench.BenchResults;
import org.frameloop.bench.BenchRunner;
import org.frameloop.bench.BenchVideo;
import org.frameloop.bench.CellResult;
import org.frameloop.bench.GranularityOption;
import org.frameloop.bench.Machine;
import org.frameloop.bench.VideoSuite;
import org.frameloop.bench.report.BenchOutputs;
import org.frameloop.bench.report.SummaryTable;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.run.DefaultPlugins;

/**
 * {@code ./frameloop bench}: every granularity × selector and the baselines on each video with the
 * simulated annotator (the engine is {@link BenchRunner}); CSV, JSON, report.html and a markdown table in
 * --out, the table also on the console and, with --write-docs, in docs/benchmarks.md.
 */
final class BenchCommand implements CliCommand {

    private static final String DEFAULT_GRANULARITIES = "frame,rect16,rect32,superpixel,adaptive";
    private static final String DEFAULT_SELECTORS = "coverage,hybrid,random";
    private static final String DEFAULT_FUSIONS = "evidence,none";
    private static final String DEFAULT_TARGETS = "0.80,0.90,0.95";

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "granularity × selector grid and baselines on videos with ground truth: tables, plots, report";
    }

    static Options options(String command) {
        return new Options(command)
                .list("videos", "DIR", "videos: frames in DIR, DIR/gt/ label PNGs, DIR/labelmap.json, or a dataset "
                        + "sequence DIR/images/ + DIR/labels/ (CamVid) (default: the synthetic suite, once installed)")
                .option("downscale", "N", "run on every video at 1/N of its size (box-filtered frames, majority labels), "
                        + "for speed on CPUs (default 1)")
                .option("labels", "MAP", "label map of every video: camvid, cityscapes or a JSON file (default: each "
                        + "video's labelmap.json)")
                .list("granularities", "NAME", "frame, rectN (rect with sizePx=N), superpixel, adaptive, ... (default "
                        + DEFAULT_GRANULARITIES + "); ones not installed are reported as unavailable")
                .list("selectors", "ID", "selectors of the grid (default " + DEFAULT_SELECTORS + ")")
                .list("fusions", "ID", "fusions of the grid: evidence, none (the model alone) (default "
                        + DEFAULT_FUSIONS + ")")
                .list("targets", "MIOU", "mIoU targets (default " + DEFAULT_TARGETS + ")")
                .option("budget", "B", "samples per round: one number, or NAME=B,... per granularity with *=B for "
                        + "the rest (default 8)")
                .option("budget-clicks", "N", "click budget per round, estimated on the model's labels (default: none)")
                .option("rounds", "N", "most rounds per run (default 20)")
                .option("cap", "PERCENT", "stop a run at this % of frame-by-frame clicks (default 100)")
                .option("seed", "N", "selector seed of every run (default 1)")
                .option("model", "ID", "the grid's model (default: " + DefaultPlugins.NETWORK_MODEL + " if installed, else "
                        + DefaultPlugins.PROPAGATION_MODEL + ")")
                .repeatable("model-param", "K=V", "a parameter of the model")
                .option("flow", "ID", "optical flow provider (default " + DefaultPlugins.FLOW + "; 'none' for no flow)")
                .repeatable("flow-param", "K=V", "a parameter of the flow provider")
                .option("click-cost", "ID", "click cost model (default " + DefaultPlugins.CLICK_COST + ")")
                .repeatable("click-cost-param", "K=V", "a parameter of the click cost model")
                .option("out", "DIR", "results folder; a rerun with the same folder skips finished runs "
                        + "(default frameloop-bench)")
                .option("write-docs", "FILE", "also write the table with the command and machine to FILE, "
                        + "e.g. docs/benchmarks.md, as its section --docs-section with a plot beside it")
                .option("docs-section", "NAME", "the section of --write-docs to replace, other sections are kept "
                        + "(default: synthetic for the default suite, else videos)");
    }

    /** The videos to use when --videos is not given: generated target-style synthetic videos. */
    static Optional<VideoSuite> defaultSuite() {
        return Optional.of(new SyntheticSuite());
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Options options = options(name());
        try {
            options.parse(arguments);
            if (options.has("help")) {
                out.print(options.help("[--videos DIR...] [options]",
                        "Runs every granularity × selector with the default model, plus the baselines (frame-by-frame\n"
                                + "manual, uniform keyframes + flow propagation, the model with no annotation), on each\n"
                                + "video with the simulated annotator. One run per method goes to the highest target or\n"
                                + "the cap; clicks to each target are read off its curve. Runs are resumable and can be\n"
                                + "shared by several processes on the same --out.")
                        + new ContributionHelp().role(ExtensionPoint.GRANULARITIES, "--granularities ID...")
                                .role(ExtensionPoint.SELECTORS, "--selectors ID...")
                                .role(ExtensionPoint.FUSIONS, "--fusions ID...")
                                .role(ExtensionPoint.MODELS, "--model ID, --model-param K=V")
                                .role(ExtensionPoint.FLOWS, "--flow ID, --flow-param K=V")
                                .role(ExtensionPoint.CLICK_COSTS, "--click-cost ID, --click-cost-param K=V")
                                .describe(PluginRegistry.ofPlatform()));
                return 0;
            }
            return bench(options, String.join(" ", arguments), out, err);
        } catch (UsageException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (FileNotFoundException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (IOException | UncheckedIOException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return 1;
        }
    }

    private int bench(Options options, String arguments, PrintStream out, PrintStream err) throws IOException {
        List<Path> folders = new ArrayList<>();
        for (String folder : options.allValues("videos")) {
            folders.add(options.existingFolder("videos", folder));
        }
        PluginRegistry registry = PluginRegistry.ofPlatform();
        BenchPlan plan = plan(options, registry);
        Path outFolder = OutputFolder.prepare("out", Path.of(options.get("out", "frameloop-bench")));
        Optional<Path> docs = options.has("write-docs") ? Optional.of(Path.of(options.get("write-docs", null)))
                : Optional.empty();
        ConsoleProgress progress = new ConsoleProgress(out);
        String suiteDescription = null;
        if (folders.isEmpty()) {
            VideoSuite suite = defaultSuite().orElseThrow(() -> new UsageException("--videos DIR... is required: the "
                    + "default synthetic suite (org.frameloop.synth) is not installed in this build"));
            suiteDescription = suite.description();
            folders.addAll(suite.prepare(outFolder.resolve("suite"), progress));
        }
        LabelMap labelMap = options.has("labels") ? RunCommand.labelMap(options, options.get("labels", null)) : null;
        List<BenchVideo> videos = BenchVideo.openAll(folders, labelMap);
        int downscale = options.getInt("downscale", 1, 1);
        if (downscale > 1) {
            videos = videos.stream().map(v -> v.downscaled(downscale)).toList();
        }
        BenchRunner runner = new BenchRunner(registry, plan, outFolder, new ProgressLines(out, progress));
        runner.unavailable().forEach(line -> err.println("frameloop bench: unavailable, skipped: " + line));
        BenchResults results = runner.run(videos, Machine.current(), "./frameloop bench " + arguments,
                suiteDescription, progress);
        progress.breakLine();
        BenchOutputs.writeAll(results, outFolder);
        if (docs.isPresent()) {
            String section = options.get("docs-section", suiteDescription != null ? "synthetic" : "videos");
            if (!section.matches("[a-z0-9-]+")) {
                throw new UsageException("--docs-section must be lower-case letters, digits and dashes; was '" + section + "'");
            }
            BenchOutputs.writeDocs(results, docs.get(), section);
        }
        out.println();
        out.print(new SummaryTable(results).markdown());
        out.println();
        out.printf(Locale.ROOT, "%d of %d runs finished; report: %s%n", results.results().size(),
                results.videos().size() * results.methods().size(), outFolder.resolve("report.html"));
        docs.ifPresent(file -> out.println("Wrote " + file));
        if (!results.runningElsewhere().isEmpty()) {
            out.println(results.runningElsewhere().size() + " run(s) are held by another process; rerun to include them.");
        }
        results.failures().forEach(line -> err.println("frameloop bench: failed: " + line));
        return results.failures().isEmpty() ? 0 : 1;
    }

    static BenchPlan plan(Options options, PluginRegistry registry) {
        List<GranularityOption> granularities = new ArrayList<>();
        for (String name : orDefault(options.allValues("granularities"), DEFAULT_GRANULARITIES)) {
            try {
                granularities.add(GranularityOption.parse(name));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--granularities: " + e.getMessage());
            }
        }
        List<String> selectors = orDefault(options.allValues("selectors"), DEFAULT_SELECTORS);
        for (String selector : selectors) {
            if (registry.find(ExtensionPoint.SELECTORS, selector).isEmpty()) {
                throw new UsageException("--selectors: no selector '" + selector + "'; installed: "
                        + registry.contributions(ExtensionPoint.SELECTORS).stream().map(c -> c.id()).toList());
            }
        }
        List<String> fusions = orDefault(options.allValues("fusions"), DEFAULT_FUSIONS);
        for (String fusion : fusions) {
            if (!BenchMethod.NO_FUSION.equals(fusion) && registry.find(ExtensionPoint.FUSIONS, fusion).isEmpty()) {
                throw new UsageException("--fusions: no fusion '" + fusion + "'; installed: "
                        + registry.contributions(ExtensionPoint.FUSIONS).stream().map(c -> c.id()).toList()
                        + " and none");
            }
        }
        List<Double> targets = new ArrayList<>();
        for (String text : orDefault(options.allValues("targets"), DEFAULT_TARGETS)) {
            try {
                double target = Double.parseDouble(text);
                if (!(target > 0 && target <= 1)) {
                    throw new UsageException("--targets: " + text + " is not an mIoU in (0, 1]");
                }
                targets.add(target);
            } catch (NumberFormatException e) {
                throw new UsageException("--targets: '" + text + "' is not a number");
            }
        }
        String modelId = options.get("model", DefaultPlugins.modelId(registry));
        for (String id : List.of(modelId, DefaultPlugins.PROPAGATION_MODEL)) {
            if (registry.find(ExtensionPoint.MODELS, id).isEmpty()) {
                throw new UsageException("no model '" + id + "'; installed: "
                        + registry.contributions(ExtensionPoint.MODELS).stream().map(c -> c.id()).toList());
            }
        }
        PluginChoice flow = new PluginChoice(options.get("flow", DefaultPlugins.FLOW), options.keyValues("flow-param"));
        double capPercent = options.getDouble("cap", 100, 0.01, 10_000);
        return new BenchPlan(granularities, selectors, fusions, targets, samplesPerRound(options.get("budget", "8")),
                options.getLong("budget-clicks", 0, 0), options.getInt("rounds", 20, 0), capPercent / 100,
                options.getLong("seed", 1), new PluginChoice(modelId, options.keyValues("model-param")),
                PluginChoice.of(DefaultPlugins.PROPAGATION_MODEL), flow.isNone() ? null : flow,
                new PluginChoice(options.get("click-cost", DefaultPlugins.CLICK_COST),
                        options.keyValues("click-cost-param")));
    }

    /** "8" or "frame=2,rect16=32,*=8". */
    static Map<String, Integer> samplesPerRound(String text) {
        Map<String, Integer> samples = new LinkedHashMap<>();
        samples.put(BenchPlan.DEFAULT_KEY, 8);
        for (String part : text.split(",")) {
            int equals = part.indexOf('=');
            String key = equals < 0 ? BenchPlan.DEFAULT_KEY : part.substring(0, equals).trim();
            String value = part.substring(equals + 1).trim();
            try {
                int b = Integer.parseInt(value);
                if (b < 1) {
                    throw new UsageException("--budget: samples per round must be at least 1, was " + b);
                }
                samples.put(key, b);
            } catch (NumberFormatException e) {
                throw new UsageException("--budget takes B or NAME=B,..., was '" + text + "'");
            }
        }
        return samples;
    }

    private static List<String> orDefault(List<String> given, String defaults) {
        return given.isEmpty() ? List.of(defaults.split(",")) : given;
    }

    /** One line per run started, finished, skipped or failed; the loop's rounds on the progress line. */
    private static final class ProgressLines implements BenchListener {
        private final PrintStream out;
        private final ConsoleProgress progress;

        ProgressLines(PrintStream out, ConsoleProgress progress) {
            this.out = out;
            this.progress = progress;
        }

        @Override
        public void runStarted(int index, int total, String video, BenchMethod method) {
            line(index, total, video, method, "started");
        }

        @Override
        public void roundFinished(String video, BenchMethod method, RoundReport report) {
            progress.subTask(String.format(Locale.ROOT, "%s %s round %d: %d clicks (%.1f%%), mIoU %.4f", video,
                    method.label(), report.round(), report.totalClicks(), 100 * report.clickShareOfFrameByFrame(),
                    report.miou()));
        }

        @Override
        public void runFinished(int index, int total, CellResult result) {
            line(index, total, result.video(), result.method(), String.format(Locale.ROOT,
                    "done in %.1f s: mIoU %.4f at %d clicks (%.1f%% of frame-by-frame), %s", result.seconds(),
                    result.last().miou(), result.last().clicks(),
                    100.0 * result.last().clicks() / result.frameByFrameClicks(), result.stopReason()));
        }

        @Override
        public void runSkipped(int index, int total, String video, BenchMethod method, String reason) {
            line(index, total, video, method, "skipped: " + reason);
        }

        @Override
        public void runFailed(int index, int total, String video, BenchMethod method, String message) {
            line(index, total, video, method, "FAILED: " + message);
        }

        private void line(int index, int total, String video, BenchMethod method, String text) {
            progress.breakLine();
            out.printf(Locale.ROOT, "[%d/%d] %s %s: %s%n", index, total, video, method.label(), text);
        }
    }
}
