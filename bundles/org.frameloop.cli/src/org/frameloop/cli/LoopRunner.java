package org.frameloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.frameloop.core.annotate.SimulatedAnnotator;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.quality.QualityEstimate;
import org.frameloop.core.quality.ReviewQueue;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.video.Video;
import org.frameloop.io.Project;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.frameloop.run.DefaultPlugins;
import org.frameloop.run.ProjectLocations;
import org.frameloop.run.RunAssembly;
import org.frameloop.run.RunPlugins;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Runs the annotation loop headless with the simulated annotator: the shared engine of {@code run} and
 * {@code demo}. The run is put together by {@link RunAssembly} (as in the IDE and the bench); this class
 * turns options into its plugins and settings, and writes the console table and report.html.
 */
final class LoopRunner {

    static void declarePluginOptions(Options options) {
        // the installed ids and their parameters are listed below the options, from the registry (ContributionHelp)
        options.option("model", "ID", "segmentation model (default " + DefaultPlugins.NETWORK_MODEL + " when installed), "
                + "or torchscript:PATH for your own TorchScript module")
                .repeatable("model-param", "K=V", "a parameter of the model")
                .option("granularity", "ID", "sample granularity (default " + DefaultPlugins.GRANULARITY + ")")
                .repeatable("granularity-param", "K=V", "a parameter of the granularity, e.g. sizePx=16")
                .option("fusion", "ID", "how human labels carried along the flow combine with the model's (default: the installed "
                        + "fusion, except with the propagation model), or none for the model alone")
                .repeatable("fusion-param", "K=V", "a parameter of the fusion")
                .option("selector", "ID", "sample selector (default " + DefaultPlugins.SELECTOR + ")")
                .repeatable("selector-param", "K=V", "a parameter of the selector")
                .option("flow", "ID", "optical flow provider (default " + DefaultPlugins.FLOW + "; 'none' for no flow)")
                .repeatable("flow-param", "K=V", "a parameter of the flow provider")
                .option("click-cost", "ID", "click cost model (default " + DefaultPlugins.CLICK_COST + ")")
                .repeatable("click-cost-param", "K=V", "a parameter of the click cost model")
                .option("budget", "N", "samples per round (default 8)")
                .option("budget-clicks", "N", "click budget per round, estimated on the model's labels (default: none)")
                .option("rounds", "N", "most rounds (default 20)")
                .option("target", "MIOU", "stop at this mIoU (default 0.95)")
                .option("max-clicks", "N", "stop after this many clicks (default: no cap)")
                .option("seed", "N", "random seed of the selector (default 1)")
                .option("out", "DIR", "project and report folder");
    }

    static RunPlugins plugins(Options options, PluginRegistry registry) {
        PluginChoice model = modelChoice(options.get("model", DefaultPlugins.modelId(registry)),
                options.keyValues("model-param"));
        return new RunPlugins(model, chosen(options, "granularity", DefaultPlugins.GRANULARITY),
                chosen(options, "selector", DefaultPlugins.SELECTOR), chosen(options, "flow", DefaultPlugins.FLOW),
                chosen(options, "click-cost", DefaultPlugins.CLICK_COST),
                chosen(options, "fusion", DefaultPlugins.fusionId(registry, model.id())));
    }

    /** {@code --ROLE ID} with its {@code --ROLE-param K=V} values, or the role's default. */
    private static PluginChoice chosen(Options options, String role, String defaultId) {
        return new PluginChoice(options.get(role, defaultId), options.keyValues(role + "-param"));
    }

    /** {@code --model torchscript:PATH} is short for the unet model fine-tuning a user's TorchScript module. */
    static PluginChoice modelChoice(String model, Map<String, String> parameters) {
        if (model.startsWith("torchscript:")) {
            Map<String, String> withCheckpoint = new LinkedHashMap<>(parameters);
            withCheckpoint.put("checkpoint", model);
            return new PluginChoice(DefaultPlugins.NETWORK_MODEL, withCheckpoint);
        }
        return new PluginChoice(model, parameters);
    }

    static LoopSettings settings(Options options) {
        return LoopSettings.defaults()
                .withSamplesPerRound(options.getInt("budget", 8, 1))
                .withBudgetClicksPerRound(options.getLong("budget-clicks", 0, 0))
                .withMaxRounds(options.getInt("rounds", 20, 0))
                .withTargetMiou(options.getDouble("target", 0.95, 0.01, 1.0))
                .withMaxTotalClicks(options.getLong("max-clicks", 0, 0))
                .withSeed(options.getLong("seed", 1));
    }

    private final PluginRegistry registry;
    private final PrintStream out;
    private final java.util.List<LoopListener> listeners = new java.util.ArrayList<>();

    LoopRunner(PluginRegistry registry, PrintStream out) {
        this.registry = registry;
        this.out = out;
    }

    /** Also tells {@code listener} what the loop does (the soak benchmark samples memory this way). */
    LoopRunner listenTo(LoopListener listener) {
        listeners.add(listener);
        return this;
    }

    /** @return the loop's result; the project ({@code outFolder/project}) and report are in {@code outFolder} */
    LoopResult run(Video video, LabelSequence groundTruth, LabelMap labelMap, RunPlugins plugins, LoopSettings settings,
            Path outFolder) throws IOException {
        return run(video, groundTruth, labelMap, plugins, settings, outFolder, new ProjectPlan(
                outFolder.resolve("project").toString(), null, null, false));
    }

    /**
     * Where the project goes and whether it is resumed.
     *
     * @param videoPath       recorded in the project so {@code --resume} finds the frames again (or null)
     * @param groundTruthPath recorded likewise (or null)
     */
    record ProjectPlan(String location, Path videoPath, Path groundTruthPath, boolean resume) {
    }

    /** Plugins as a project recorded them (for {@code --resume}). */
    static RunPlugins recordedPlugins(JsonObject settings) {
        return new RunPlugins(recorded(settings, "model"), recorded(settings, "granularity"),
                recorded(settings, "selector"), recorded(settings, "flow"), recorded(settings, "clickCost"),
                // projects from before label fusion used the model's labels alone
                settings.has("fusion") ? recorded(settings, "fusion") : PluginChoice.of(PluginChoice.NONE));
    }

    static LoopSettings recordedSettings(JsonObject settings) {
        if (!settings.has("loop")) {
            throw new UsageException("the project records no loop settings; it cannot be resumed from the command line");
        }
        return new Gson().fromJson(settings.get("loop"), LoopSettings.class);
    }

    private static PluginChoice recorded(JsonObject settings, String role) {
        if (!settings.has(role) || !settings.get(role).isJsonObject()) {
            throw new UsageException("the project records no " + role + "; it cannot be resumed from the command line");
        }
        return new Gson().fromJson(settings.get(role), PluginChoice.class);
    }

    LoopResult run(Video video, LabelSequence groundTruth, LabelMap labelMap, RunPlugins plugins, LoopSettings settings,
            Path outFolder, ProjectPlan plan) throws IOException {
        // every plugin is created before the project: a wrong id or parameter leaves no folder behind
        try (RunAssembly run = create(plugins)) {
            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("video", video.name());
            recorded.put("frames", video.frameCount());
            recorded.put("size", video.width() + "x" + video.height());
            recorded.put("model", plugins.model());
            recorded.put("granularity", plugins.granularity());
            recorded.put("selector", plugins.selector());
            recorded.put("flow", plugins.flow());
            recorded.put("clickCost", plugins.clickCost());
            recorded.put("fusion", plugins.fusion());
            recorded.put("loop", settings);
            recorded.put("annotator", SimulatedAnnotator.ID);
            if (plan.groundTruthPath() != null) {
                recorded.put("groundTruth", plan.groundTruthPath().toAbsolutePath().toString());
            }
            VideoInfo info = new VideoInfo(video.name(),
                    plan.videoPath() == null ? null : plan.videoPath().toAbsolutePath().toString(), video.frameCount(),
                    video.width(), video.height());
            try (Project project = plan.resume() ? ProjectLocations.open(plan.location(), "cli run --resume")
                    : ProjectLocations.create(plan.location(), info, labelMap, recorded, "cli run")) {
                project.notes().forEach(note -> out.println("Project: " + note));
                project.holdLoop();
                long started = System.nanoTime();
                VideoSession session = openProject(project, video, plugins.flow(), groundTruth);
                AnnotationLoop loop = run.journalTo(project, null).loop(session, settings,
                        run.simulatedAnnotator(session));
                run.notes().forEach(note -> out.println("Project: " + note));
                if (plan.resume()) {
                    ProjectStore.Continuation next = project.continuation();
                    out.println(String.format(Locale.ROOT, "Resuming at round %d: %d samples and %d clicks journaled, "
                            + "%d chosen samples still to annotate (restored in %d ms).", next.round(),
                            session.ledger().size(), session.ledger().totalClicks(), next.pendingSamples().size(),
                            (System.nanoTime() - started) / 1_000_000));
                }
                ConsoleProgress progress = new ConsoleProgress(out);
                out.println(String.format(Locale.ROOT, "%s: %d frames of %dx%d; model %s, granularity %s, selector %s, "
                        + "%d samples per round, target mIoU %.2f", video.name(), video.frameCount(), video.width(),
                        video.height(), plugins.fusion().isNone() ? plugins.model().id() : plugins.model().id() + " + "
                                + plugins.fusion().id() + " fusion", describe(plugins.granularity()), plugins.selector().id(),
                        settings.samplesPerRound(), settings.targetMiou()));
                loop.addListener(RunReport.tablePrinter(out, progress));
                listeners.forEach(loop::addListener);
                LoopResult result = run.run(progress);
                progress.breakLine();
                String title = "Frameloop run on " + video.name();
                String description = String.format(Locale.ROOT,
                        "%d frames of %dx%d; model %s, granularity %s, selector %s, %d samples per round, "
                                + "simulated annotator with the %s click model.",
                        video.frameCount(), video.width(), video.height(), plugins.model().id(),
                        describe(plugins.granularity()), plugins.selector().id(), settings.samplesPerRound(),
                        plugins.clickCost().id());
                RunReport.writeHtml(outFolder.resolve("report.html"), title, description, result, labelMap);
                summarise(result, outFolder, project.location());
                RunReport.perClassLine(result, labelMap).ifPresent(out::println);
                out.println(RunReport.timingSummary(result, video.frameCount()));
                session.flowCache().map(FlowCache::validShare).orElse(OptionalDouble.empty())
                        .ifPresent(share -> out.println(String.format(Locale.ROOT, "Optical flow: %.1f%% of "
                                + "pixels passed the forward-backward check (both directions, mean over the frame pairs "
                                + "the temporal term used).", 100 * share)));
                out.println(ResourceUsage.describe());
                return result;
            }
        }
    }

    private static String describe(PluginChoice choice) {
        return choice.parameters().isEmpty() ? choice.id() : choice.id() + " " + choice.parameters();
    }

    private void summarise(LoopResult result, Path outFolder, String projectFolder) {
        RoundReport last = result.last();
        out.println();
        out.println("Stopped: " + result.stopReason().description() + ".");
        QualityEstimate estimate = last.estimate();
        String auditShare = last.totalClicks() > 0 && estimate.auditedSamples() > 0
                ? String.format(Locale.ROOT, ", %.0f%% of the clicks", 100.0 * estimate.auditClicks() / last.totalClicks())
                : "";
        out.println("Quality: " + estimate.describe().replace(" audited samples)", " audited samples" + auditShare + ")")
                .replace(" audited sample)", " audited sample" + auditShare + ")")
                + (Double.isNaN(last.miou()) ? "" : String.format(Locale.ROOT, "; true mIoU %.4f", last.miou())));
        try {
            ReviewQueue queue = ReviewQueue.of(estimate, null);
            queue.writeCsv(outFolder.resolve("review-queue.csv"));
            queue.writeJson(outFolder.resolve("review-queue.json"));
            out.println("Weakest frames first (review-queue.csv/.json): " + queue.entries().stream().limit(5)
                    .map(e -> String.format(Locale.ROOT, "%d (%.3f)", e.frame(), e.estimatedAccuracy()))
                    .collect(java.util.stream.Collectors.joining(", ")));
        } catch (IOException e) {
            out.println("Review queue not written: " + e.getMessage());
        }
        if (!Double.isNaN(last.miou())) {
            out.println(String.format(Locale.ROOT, "Final mIoU %.4f after %d clicks = %.1f%% of labelling every frame "
                    + "by hand (%d clicks).", last.miou(), last.totalClicks(), 100 * last.clickShareOfFrameByFrame(),
                    last.frameByFrameClicks()));
        }
        out.println("Project: " + projectFolder + "    report: " + outFolder.resolve("report.html"));
    }

    private RunAssembly create(RunPlugins plugins) {
        try {
            return RunAssembly.create(registry, plugins);
        } catch (ContributionException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private VideoSession openProject(Project project, Video video, PluginChoice flow, LabelSequence groundTruth)
            throws IOException {
        try {
            return RunAssembly.openProject(registry, project, video, flow, groundTruth);
        } catch (ContributionException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
