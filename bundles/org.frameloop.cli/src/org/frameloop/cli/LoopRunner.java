package org.frameloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.frameloop.core.annotate.SimulatedAnnotator;
import org.frameloop.core.flow.FlowCache;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.RoundReport;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.spi.FlowProvider;
import org.frameloop.core.quality.QualityEstimate;
import org.frameloop.core.quality.ReviewQueue;
import org.frameloop.core.spi.Granularity;
import org.frameloop.core.spi.LabelFusion;
import org.frameloop.core.spi.SampleSelector;
import org.frameloop.core.spi.SegmentationModel;
import org.frameloop.core.video.Video;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Runs the annotation loop headless with the simulated annotator: the shared engine of {@code run} and
 * {@code demo}. Plugins are looked up by id in the registry; the project folder, the console table and
 * report.html are its output.
 */
final class LoopRunner {

    /** Which contribution to use for each role, with its parameters. */
    record PluginChoice(String id, Map<String, String> parameters) {
    }

    record Choices(PluginChoice model, PluginChoice granularity, PluginChoice selector, PluginChoice flow,
            PluginChoice clickCost, PluginChoice fusion) {
    }

    /** The fusion id that means the model's labels alone. */
    static final String NO_FUSION = "none";

    static void declarePluginOptions(Options options) {
        options.option("model", "ID", "segmentation model: unet (default), propagation, or torchscript:PATH for your own TorchScript module")
                .repeatable("model-param", "K=V", "a parameter of the model")
                .option("granularity", "ID", "sample granularity: frame, rect, superpixel, ... (default frame)")
                .repeatable("granularity-param", "K=V", "a parameter of the granularity, e.g. sizePx=16")
                .option("fusion", "ID", "how human labels carried along the flow combine with the model's: evidence (default), or none for the model alone")
                .repeatable("fusion-param", "K=V", "a parameter of the fusion")
                .option("selector", "ID", "sample selector: coverage, hybrid, uncertainty, random, uniform-keyframes, ... (default coverage)")
                .repeatable("selector-param", "K=V", "a parameter of the selector")
                .option("flow", "ID", "optical flow provider (default dis; 'none' for no flow)")
                .repeatable("flow-param", "K=V", "a parameter of the flow provider")
                .option("click-cost", "ID", "click cost model (default polygon)")
                .repeatable("click-cost-param", "K=V", "a parameter of the click cost model")
                .option("budget", "N", "samples per round (default 8)")
                .option("budget-clicks", "N", "click budget per round, estimated on the model's labels (default: none)")
                .option("rounds", "N", "most rounds (default 20)")
                .option("target", "MIOU", "stop at this mIoU (default 0.95)")
                .option("max-clicks", "N", "stop after this many clicks (default: no cap)")
                .option("seed", "N", "random seed of the selector (default 1)")
                .option("out", "DIR", "project and report folder");
    }

    static Choices choices(Options options, PluginRegistry registry) {
        String defaultModel = defaultModelId(registry);
        return new Choices(modelChoice(options.get("model", defaultModel), options.keyValues("model-param")),
                new PluginChoice(options.get("granularity", "frame"), options.keyValues("granularity-param")),
                new PluginChoice(options.get("selector", "coverage"), options.keyValues("selector-param")),
                new PluginChoice(options.get("flow", "dis"), options.keyValues("flow-param")),
                new PluginChoice(options.get("click-cost", "polygon"), options.keyValues("click-cost-param")),
                new PluginChoice(options.get("fusion", defaultFusionId(registry)), options.keyValues("fusion-param")));
    }

    /** {@code --model torchscript:PATH} is short for the unet model fine-tuning a user's TorchScript module. */
    static PluginChoice modelChoice(String model, Map<String, String> parameters) {
        if (model.startsWith("torchscript:")) {
            Map<String, String> withCheckpoint = new LinkedHashMap<>(parameters);
            withCheckpoint.put("checkpoint", model);
            return new PluginChoice("unet", withCheckpoint);
        }
        return new PluginChoice(model, parameters);
    }

    static LoopSettings settings(Options options) {
        return LoopSettings.defaults()
                .withSamplesPerRound(options.getInt("budget", 8, 1))
                .withBudgetClicksPerRound(options.getLong("budget-clicks", 0))
                .withMaxRounds(options.getInt("rounds", 20, 0))
                .withTargetMiou(options.getDouble("target", 0.95, 0.01, 1.0))
                .withMaxTotalClicks(options.getLong("max-clicks", 0))
                .withSeed(options.getLong("seed", 1));
    }

    private final PluginRegistry registry;
    private final PrintStream out;

    LoopRunner(PluginRegistry registry, PrintStream out) {
        this.registry = registry;
        this.out = out;
    }

    /** @return the loop's result; the project ({@code outFolder/project}) and report are in {@code outFolder} */
    LoopResult run(Video video, LabelSequence groundTruth, LabelMap labelMap, Choices choices, LoopSettings settings,
            Path outFolder) throws IOException {
        return run(video, groundTruth, labelMap, choices, settings, outFolder, new ProjectPlan(
                outFolder.resolve("project"), null, null, false));
    }

    /**
     * Where the project goes and whether it is resumed.
     *
     * @param videoPath       recorded in the project so {@code --resume} finds the frames again (or null)
     * @param groundTruthPath recorded likewise (or null)
     */
    record ProjectPlan(Path folder, Path videoPath, Path groundTruthPath, boolean resume) {
    }

    /** Choices and loop settings as a project recorded them (for {@code --resume}). */
    static Choices recordedChoices(JsonObject settings) {
        return new Choices(recorded(settings, "model"), recorded(settings, "granularity"), recorded(settings, "selector"),
                recorded(settings, "flow"), recorded(settings, "clickCost"),
                // projects from before label fusion used the model's labels alone
                settings.has("fusion") ? recorded(settings, "fusion") : new PluginChoice(NO_FUSION, Map.of()));
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
        PluginChoice choice = new Gson().fromJson(settings.get(role), PluginChoice.class);
        return new PluginChoice(choice.id(), choice.parameters() == null ? Map.of() : choice.parameters());
    }

    LoopResult run(Video video, LabelSequence groundTruth, LabelMap labelMap, Choices choices, LoopSettings settings,
            Path outFolder, ProjectPlan plan) throws IOException {
        SegmentationModel model = create(ExtensionPoint.MODELS, choices.model());
        try {
            Granularity granularity = create(ExtensionPoint.GRANULARITIES, choices.granularity());
            SampleSelector selector = create(ExtensionPoint.SELECTORS, choices.selector());
            ClickCostModel cost = create(ExtensionPoint.CLICK_COSTS, choices.clickCost());
            FlowProvider flowProvider = "none".equals(choices.flow().id()) ? null
                    : create(ExtensionPoint.FLOWS, choices.flow());
            LabelFusion fusion = NO_FUSION.equals(choices.fusion().id()) ? null
                    : create(ExtensionPoint.FUSIONS, choices.fusion());

            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("video", video.name());
            recorded.put("frames", video.frameCount());
            recorded.put("size", video.width() + "x" + video.height());
            recorded.put("model", choices.model());
            recorded.put("granularity", choices.granularity());
            recorded.put("selector", choices.selector());
            recorded.put("flow", choices.flow());
            recorded.put("clickCost", choices.clickCost());
            recorded.put("fusion", choices.fusion());
            recorded.put("loop", settings);
            recorded.put("annotator", SimulatedAnnotator.ID);
            if (plan.groundTruthPath() != null) {
                recorded.put("groundTruth", plan.groundTruthPath().toAbsolutePath().toString());
            }
            VideoInfo info = new VideoInfo(video.name(),
                    plan.videoPath() == null ? null : plan.videoPath().toAbsolutePath().toString(), video.frameCount(),
                    video.width(), video.height());
            try (ProjectStore project = plan.resume() ? ProjectStore.open(plan.folder(), "cli run --resume")
                    : ProjectStore.create(plan.folder(), info, labelMap, recorded, "cli run")) {
                project.notes().forEach(note -> out.println("Project: " + note));
                FlowCache flow = flowProvider == null ? null
                        : new FlowCache(video, flowProvider, project.cacheFolder().resolve("flow"));
                int ignoreId = labelMap.ignoreId().orElse(-1);
                VideoSession session;
                AnnotationLoop loop;
                if (plan.resume()) {
                    long started = System.nanoTime();
                    ProjectStore.Resumed resumed = project.resume(video, flow, groundTruth);
                    session = resumed.session();
                    loop = new AnnotationLoop(session, model, granularity, selector,
                            new SimulatedAnnotator(groundTruth, cost, ignoreId), cost, settings)
                            .withFusion(fusion).resumeAt(resumed.round(), resumed.pendingSamples());
                    loadCheckpoint(model, project);
                    out.println(String.format(Locale.ROOT, "Resuming at round %d: %d samples and %d clicks journaled, "
                            + "%d chosen samples still to annotate (restored in %d ms).", resumed.round(),
                            session.ledger().size(), session.ledger().totalClicks(), resumed.pendingSamples().size(),
                            (System.nanoTime() - started) / 1_000_000));
                } else {
                    session = VideoSession.start(video, labelMap, flow, groundTruth);
                    loop = new AnnotationLoop(session, model, granularity, selector,
                            new SimulatedAnnotator(groundTruth, cost, ignoreId), cost, settings).withFusion(fusion);
                }
                project.attach(session, loop);
                ConsoleProgress progress = new ConsoleProgress(out);
                out.println(String.format(Locale.ROOT, "%s: %d frames of %dx%d; model %s, granularity %s, selector %s, "
                        + "%d samples per round, target mIoU %.2f", video.name(), video.frameCount(), video.width(),
                        video.height(), fusion == null ? choices.model().id() : choices.model().id() + " + "
                                + choices.fusion().id() + " fusion", describe(choices.granularity()), choices.selector().id(),
                        settings.samplesPerRound(), settings.targetMiou()));
                loop.addListener(new LoopListener() {
                    private boolean first = true;

                    @Override
                    public void roundFinished(RoundReport report) {
                        progress.breakLine();
                        if (first) {
                            first = false;
                            out.println(RunReport.tableHeader());
                        }
                        out.println(RunReport.tableRow(report));
                    }
                });
                LoopResult result = loop.run(progress);
                progress.breakLine();
                project.writeAllLabels(session);
                model.save(project.modelFolder());
                String title = "Frameloop run on " + video.name();
                String description = String.format(Locale.ROOT,
                        "%d frames of %dx%d; model %s, granularity %s, selector %s, %d samples per round, "
                                + "simulated annotator with the %s click model.",
                        video.frameCount(), video.width(), video.height(), choices.model().id(),
                        describe(choices.granularity()), choices.selector().id(), settings.samplesPerRound(),
                        choices.clickCost().id());
                RunReport.writeHtml(outFolder.resolve("report.html"), title, description, result, labelMap);
                summarise(result, outFolder, project.folder());
                RunReport.perClassLine(result, labelMap).ifPresent(out::println);
                out.println(RunReport.timingSummary(result, video.frameCount()));
                if (flow != null) {
                    flow.validShare().ifPresent(share -> out.println(String.format(Locale.ROOT, "Optical flow: %.1f%% of "
                            + "pixels passed the forward-backward check (both directions, mean over the frame pairs the "
                            + "temporal term used).", 100 * share)));
                }
                out.println(ResourceUsage.describe());
                return result;
            }
        } finally {
            model.close();
        }
    }

    private static String describe(PluginChoice choice) {
        return choice.parameters().isEmpty() ? choice.id() : choice.id() + " " + choice.parameters();
    }

    /** A checkpoint is derived data: one that is missing or unreadable is rebuilt by fine-tuning. */
    private void loadCheckpoint(SegmentationModel model, ProjectStore project) {
        try (var files = java.nio.file.Files.list(project.modelFolder())) {
            if (files.findAny().isEmpty()) {
                return;
            }
            model.load(project.modelFolder());
        } catch (IOException | RuntimeException e) {
            out.println("Project: the model checkpoint in " + project.modelFolder() + " is unusable (" + e.getMessage()
                    + "); the model is rebuilt by fine-tuning on the human labels.");
        }
    }

    private void summarise(LoopResult result, Path outFolder, Path projectFolder) {
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

    private <T> T create(ExtensionPoint<T> point, PluginChoice choice) {
        try {
            return registry.create(point, choice.id(), choice.parameters());
        } catch (ContributionException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The fusion a command uses when none is named: the evidence fusion when installed, else the model alone. */
    static String defaultFusionId(PluginRegistry registry) {
        return registry.find(ExtensionPoint.FUSIONS, "evidence").isPresent() ? "evidence" : NO_FUSION;
    }

    /** The model a command uses when none is named: the trained network when installed, else the baseline. */
    static String defaultModelId(PluginRegistry registry) {
        return registry.find(ExtensionPoint.MODELS, "unet").isPresent() ? "unet" : "propagation";
    }
}
