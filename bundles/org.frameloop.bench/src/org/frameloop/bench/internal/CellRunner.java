package org.frameloop.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.bench.BenchMethod;
import org.frameloop.bench.BenchPlan;
import org.frameloop.bench.BenchVideo;
import org.frameloop.bench.CellResult;
import org.frameloop.bench.CurvePoint;
import org.frameloop.core.annotate.SimulatedAnnotator;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.metrics.ConfusionMatrix;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.run.RunAssembly;
import org.frameloop.run.RunPlugins;

/**
 * Runs one method on one video with the simulated annotator and turns it into a {@link CellResult}, priced
 * under both protocols ({@link org.frameloop.bench.ClickProtocol}). The frame-by-frame baseline needs no
 * loop: it is the click model applied to every frame, in order; correcting the pretrained labels runs the
 * loop for its round 0 only and then prices every frame's correction, in order.
 */
public final class CellRunner {

    /** Receives every round of a loop run, for progress lines. */
    public interface RoundListener {
        void roundFinished(RoundReport report);
    }

    private final PluginRegistry registry;
    private final BenchPlan plan;

    public CellRunner(PluginRegistry registry, BenchPlan plan) {
        this.registry = registry;
        this.plan = plan;
    }

    /**
     * @param flow               the video's shared flow cache, or null without flow
     * @param frameByFrameClicks the baseline's clicks: the cap is a share of them
     * @throws ContributionException when a plugin of the method cannot be created
     */
    public CellResult run(BenchVideo video, BenchMethod method, FlowCache flow, long frameByFrameClicks,
            RoundListener listener, IProgressMonitor monitor) throws ContributionException {
        long started = System.nanoTime();
        if (method.kind() == BenchMethod.Kind.FRAME_BY_FRAME) {
            return framesInOrder(video, method, null, "every frame labelled by hand", started, monitor);
        }
        long capClicks = (long) Math.ceil(plan.capShareOfFrameByFrame() * frameByFrameClicks);
        boolean annotates = method.kind() != BenchMethod.Kind.PRETRAINED
                && method.kind() != BenchMethod.Kind.CORRECT_PRETRAINED; // both: round 0 only
        LoopSettings settings = LoopSettings.defaults().withSamplesPerRound(method.samplesPerRound())
                .withBudgetClicksPerRound(plan.budgetClicksPerRound())
                .withMaxRounds(annotates ? plan.maxRounds() : 0)
                .withTargetMiou(plan.highestTarget()).withMaxTotalClicks(capClicks).withSeed(plan.seed());
        // The second protocol: each chosen sample priced as a correction of what the session shows before
        // it is annotated. The loop runs on the first protocol's prices; its samples and labels are the same.
        SimulatedAnnotator correcting = new SimulatedAnnotator(video.groundTruth(),
                create(ExtensionPoint.CLICK_COSTS, plan.correctionCost()), video.ignoreId());
        RunPlugins plugins = new RunPlugins(method.model(), method.granularity(), PluginChoice.of(method.selectorId()),
                plan.flow() == null ? PluginChoice.of(PluginChoice.NONE) : plan.flow(), plan.clickCost(),
                PluginChoice.of(method.fusionId()));
        try (RunAssembly run = RunAssembly.create(registry, plugins)) {
            // the flow of a video is computed once and shared by its runs (BenchRunner)
            VideoSession session = VideoSession.start(video.video(), video.labelMap(), flow, video.groundTruth());
            AnnotationLoop loop = run.loop(session, settings, run.simulatedAnnotator(session));
            List<Long> correctionClicksAfterRound = new ArrayList<>();
            loop.addListener(new LoopListener() {
                private long correctionClicks;

                @Override
                public void samplesChosen(int round, List<Sample> samples) {
                    for (Sample sample : samples) {
                        correctionClicks += correcting.price(sample, session);
                    }
                }

                @Override
                public void roundFinished(RoundReport report) {
                    correctionClicksAfterRound.add(correctionClicks);
                    listener.roundFinished(report);
                }
            });
            LoopResult result = run.run(monitor);
            if (method.kind() == BenchMethod.Kind.CORRECT_PRETRAINED) {
                return framesInOrder(video, method, session, "every frame of the pretrained labels corrected",
                        started, monitor);
            }
            List<CurvePoint> curve = new ArrayList<>();
            int samples = 0;
            RoundReport.Timings steps = RoundReport.Timings.NONE;
            for (int i = 0; i < result.rounds().size(); i++) {
                RoundReport round = result.rounds().get(i);
                samples += round.samples().size();
                curve.add(new CurvePoint(round.round(), samples, round.totalClicks(), round.miou(),
                        round.estimate().miou(), round.estimate().lower(), round.estimate().upper(),
                        round.estimate().auditClicks(), correctionClicksAfterRound.get(i)));
                steps = steps.plus(round.timings());
            }
            String stopReason = annotates ? result.stopReason().description() : "no annotation: round 0 only";
            return new CellResult(video.name(), method, plan.settingsFingerprint(method), video.video().frameCount(),
                    size(video), frameByFrameClicks, capClicks, curve, boxed(result.last().perClassIou()), stopReason,
                    plan.seed(), secondsSince(started), CellResult.stepSeconds(steps), Instant.now().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // only a project's journal or checkpoint is read or written
        }
    }

    /**
     * Frames labelled by hand one after another: after k frames, those k are exact and the rest keep what
     * they showed before: nothing at all for the frame-by-frame baseline ({@code shown} null: each pixel a
     * miss, each frame drawn from scratch), or the pretrained model's labels in {@code shown}, each frame
     * then also priced as a correction of them.
     */
    private CellResult framesInOrder(BenchVideo video, BenchMethod method, VideoSession shown, String stopReason,
            long started, IProgressMonitor monitor) throws ContributionException {
        ClickCostModel cost = create(ExtensionPoint.CLICK_COSTS, plan.clickCost());
        ClickCostModel correction = shown == null ? cost : create(ExtensionPoint.CLICK_COSTS, plan.correctionCost());
        int frames = video.video().frameCount();
        int classes = video.labelMap().idSpan();
        SubMonitor progress = SubMonitor.convert(monitor, "Pricing every frame by hand", frames);
        Region whole = new Region.WholeFrame(video.video().width(), video.video().height());
        long[] clicks = new long[frames];
        long[] correctionClicks = new long[frames];
        ConfusionMatrix[] exact = new ConfusionMatrix[frames];
        ConfusionMatrix[] before = new ConfusionMatrix[frames];
        for (int f = 0; f < frames; f++) {
            progress.checkCanceled();
            LabelImage truth = video.groundTruth().labels(f);
            LabelImage proposal = shown == null ? LabelImage.unlabeled(truth.width(), truth.height())
                    : shown.automaticLabels(f);
            clicks[f] = cost.clicks(whole, truth, video.ignoreId());
            correctionClicks[f] = shown == null ? clicks[f] : correction.clicks(whole, truth, proposal, video.ignoreId());
            exact[f] = new ConfusionMatrix(classes, video.ignoreId());
            exact[f].add(truth, truth);
            before[f] = new ConfusionMatrix(classes, video.ignoreId());
            before[f].add(truth, proposal);
            progress.worked(1);
        }
        List<CurvePoint> curve = new ArrayList<>();
        long total = 0;
        long totalCorrection = 0;
        for (int labelled = 0; labelled <= frames; labelled++) {
            if (labelled > 0) {
                total += clicks[labelled - 1];
                totalCorrection += correctionClicks[labelled - 1];
            }
            ConfusionMatrix confusion = new ConfusionMatrix(classes, video.ignoreId());
            for (int f = 0; f < frames; f++) {
                confusion.addAll(f < labelled ? exact[f] : before[f]);
            }
            curve.add(new CurvePoint(labelled, labelled, total, confusion.meanIou(), totalCorrection));
        }
        ConfusionMatrix all = new ConfusionMatrix(classes, video.ignoreId());
        for (ConfusionMatrix m : exact) {
            all.addAll(m);
        }
        return new CellResult(video.name(), method, plan.settingsFingerprint(method), frames, size(video), total, 0,
                curve, boxed(all.perClassIou()), stopReason, plan.seed(), secondsSince(started),
                CellResult.stepSeconds(new RoundReport.Timings(0, millisSince(started), 0, 0, 0)),
                Instant.now().toString());
    }

    private <T> T create(ExtensionPoint<T> point, PluginChoice choice) throws ContributionException {
        return registry.create(point, choice.id(), choice.parameters());
    }

    private static String size(BenchVideo video) {
        return video.video().width() + "x" + video.video().height();
    }

    /** NaN (a class absent from truth and labels) becomes null, which JSON can hold. */
    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(Double.isNaN(value) ? null : value);
        }
        return list;
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }
}
