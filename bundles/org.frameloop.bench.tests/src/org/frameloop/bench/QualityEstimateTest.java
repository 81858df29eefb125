package org.frameloop.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.core.annotate.SimulatedAnnotator;
import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.metrics.ConfusionMatrix;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.spi.Granularity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quality estimate made without ground truth, on generated videos with known truth (fixed seeds): its
 * 90% interval holds the true mIoU in most rounds, and a run that steers by it stops only at labels that
 * truly reach the target. Flow propagation stands in for the network (fast, and its confidence is not
 * calibrated: the audits must correct it). Without a fusion, as the product runs propagation: the evidence
 * fusion weighs carried labels against the model, and propagation is carried labels already, so the two
 * would vouch for each other (measured: the interval then held the truth in 75% of rounds, 93% without).
 */
class QualityEstimateTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.ofPlatform();

    /** A run's result and the true mIoU of its final labels, measured behind the loop's back. */
    private record Outcome(LoopResult result, double trueMiou) {
    }

    private static Outcome run(BenchVideo video, boolean groundTruthKnown, double target) throws Exception {
        return run(video, groundTruthKnown, target, REGISTRY.create(ExtensionPoint.GRANULARITIES, "rect",
                Map.of("sizePx", "16")), LoopSettings.defaults().withSamplesPerRound(10));
    }

    private static Outcome run(BenchVideo video, boolean groundTruthKnown, double target, Granularity granularity,
            LoopSettings base) throws Exception {
        ClickCostModel cost = REGISTRY.create(ExtensionPoint.CLICK_COSTS, "polygon", Map.of());
        FlowCache flow = new FlowCache(video.video(), REGISTRY.create(ExtensionPoint.FLOWS, "dis", Map.of()), null);
        VideoSession session = VideoSession.start(video.video(), video.labelMap(), flow,
                groundTruthKnown ? video.groundTruth() : null);
        LoopSettings settings = base.withMaxRounds(8).withTargetMiou(target).withSeed(3);
        AnnotationLoop loop = new AnnotationLoop(session, REGISTRY.create(ExtensionPoint.MODELS, "propagation", Map.of()),
                granularity,
                REGISTRY.create(ExtensionPoint.SELECTORS, "coverage", Map.of()),
                new SimulatedAnnotator(video.groundTruth(), cost, video.ignoreId()), cost, settings);
        LoopResult result = loop.run(new NullProgressMonitor());
        ConfusionMatrix confusion = new ConfusionMatrix(video.labelMap().idSpan(), video.ignoreId());
        for (int f = 0; f < video.video().frameCount(); f++) {
            confusion.add(video.groundTruth().labels(f), session.labels().merged(f));
        }
        return new Outcome(result, confusion.meanIou());
    }

    @Test
    void theIntervalHoldsTheTrueMiouInMostRoundsFromRoundTwoOn(@TempDir Path folder) throws Exception {
        assertCalibrated(folder, 16, 64, 48, () -> REGISTRY.create(ExtensionPoint.GRANULARITIES, "rect", Map.of("sizePx", "16")),
                LoopSettings.defaults().withSamplesPerRound(10));
    }

    /**
     * Whole frames: the audits are tiles ({@code AuditTiles}), as many per owed frame audit as keep the audits
     * within the share of the clicks, one owed audit a round on 24-frame videos. Measured at 160×120: 54 of 56
     * rounds, mean error 0.038, the largest errors in round 2, where one tile drawn in round 1 scored the untrained
     * model's labels (with as many tiles as cost one frame per owed audit, whatever the share: 52 of 56, 0.022;
     * before carried labels followed sub-pixel motion and the estimate used two rounds' audits: 49 of 56, 0.020). At 64×48 a
     * 16×12 tile costs about a quarter of a frame's polygon clicks, so only four are drawn, and the interval held
     * the truth in 46 of 56 rounds (mean error 0.039; whole-frame audits there: 56 of 56, 0.040).
     */
    @Test
    void wholeFrameRunsAuditedByTilesHoldTheTrueMiouInMostRoundsToo(@TempDir Path folder) throws Exception {
        assertCalibrated(folder, 24, 160, 120, () -> REGISTRY.create(ExtensionPoint.GRANULARITIES, "frame", Map.of()),
                LoopSettings.defaults().withSamplesPerRound(2).withAuditShare(0.5));
    }

    private static void assertCalibrated(Path folder, int frames, int width, int height,
            Callable<Granularity> granularity, LoopSettings base)
            throws Exception {
        int rounds = 0;
        int covered = 0;
        double absoluteError = 0;
        double belowTruth = 0;
        StringBuilder misses = new StringBuilder();
        for (long seed = 1; seed <= 8; seed++) {
            BenchVideo video = BenchVideo.open(TinyVideos.write(folder.resolve("v" + seed), frames, width, height, seed));
            for (RoundReport report : run(video, true, 1.0, granularity.call(), base).result().rounds()) {
                if (report.round() < 2) {
                    continue;
                }
                rounds++;
                boolean holds = report.estimate().lower() <= report.miou() && report.miou() <= report.estimate().upper();
                absoluteError += Math.abs(report.estimate().miou() - report.miou());
                belowTruth += report.miou() - report.estimate().lower();
                covered += holds ? 1 : 0;
                if (!holds) {
                    misses.append(String.format(" seed %d round %d: true %.3f, %s;", seed, report.round(), report.miou(),
                            report.estimate().describe()));
                }
            }
        }
        System.out.printf("interval held the truth in %d of %d rounds; mean |estimate - truth| %.4f; mean truth - lower %.4f%n",
                covered, rounds, absoluteError / rounds, belowTruth / rounds);
        assertTrue(rounds >= 50, rounds + " rounds");
        // measured: rectangles 56 of 56, mean error 0.049; whole frames with tile audits 54 of 56, 0.038
        assertTrue(covered >= 0.85 * rounds, covered + " of " + rounds + " rounds covered;" + misses);
        // an interval that holds because it spans everything is no estimate: audits starved of clicks gave 0.26
        assertTrue(absoluteError / rounds <= 0.07, "mean |estimate - truth| " + absoluteError / rounds);
    }

    @Test
    void withoutGroundTruthTheRunStopsOnlyWhereTheLabelsTrulyReachTheTarget(@TempDir Path folder) throws Exception {
        BenchVideo video = BenchVideo.open(TinyVideos.write(folder.resolve("v"), 16, 64, 48, 4));
        double target = 0.9;
        Outcome outcome = run(video, false, target);
        LoopResult result = outcome.result();
        if (result.stopReason() == LoopResult.StopReason.TARGET_REACHED) {
            assertTrue(outcome.trueMiou() >= target - 0.02, "stopped at a true mIoU of " + outcome.trueMiou() + ": "
                    + result.last().estimate().describe());
        }
        assertTrue(result.last().estimate().auditedSamples() > 0, "audits were drawn");
    }
}
