package org.frameloop.core.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.core.annotate.SimulatedAnnotator;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.spi.FlowProvider;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.Granularity;
import org.frameloop.core.spi.SampleSelector;
import org.frameloop.core.spi.SegmentationModel;
import org.frameloop.core.video.Video;
import org.junit.jupiter.api.Test;

/** The loop with tiny in-test plugins: a 6-frame 8×4 video whose ground truth is a moving vertical edge. */
class AnnotationLoopTest {

    private static final int FRAMES = 6;
    private static final int WIDTH = 8;
    private static final int HEIGHT = 4;
    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080),
            new LabelClass(1, "car", 0x400080)), OptionalInt.empty());

    /** Ground truth: class 1 right of column 2 + frame index. */
    private static final LabelSequence TRUTH = LabelSequence.of(FRAMES, WIDTH, HEIGHT, frameIndex -> {
        LabelImage image = LabelImage.unlabeled(WIDTH, HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.set(x, y, x >= 2 + frameIndex ? 1 : 0);
            }
        }
        return image;
    });

    private static final Video VIDEO = Video.of("edge", FRAMES, WIDTH, HEIGHT, frameIndex -> RgbImage.blank(WIDTH, HEIGHT));

    /** Copies human labels where a frame has them and says "road" everywhere else. */
    private static class CopyHumanModel implements SegmentationModel {
        @Override
        public void fineTune(AnnotatedVideo video, IProgressMonitor monitor) {
        }

        @Override
        public FramePrediction predict(AnnotatedVideo video, int frameIndex) {
            LabelImage labels = video.humanLabels(frameIndex);
            float[] confidence = new float[WIDTH * HEIGHT];
            float[] entropy = new float[WIDTH * HEIGHT];
            for (int i = 0; i < labels.ids().length; i++) {
                boolean human = labels.ids()[i] != (byte) LabelImage.UNLABELED;
                if (!human) {
                    labels.ids()[i] = 0;
                }
                confidence[i] = human ? 1f : 0.5f;
                entropy[i] = human ? 0f : 0.69f + frameIndex * 0.01f;
            }
            return new FramePrediction(labels, confidence, entropy, confidence.clone(), new float[0], 0);
        }

        @Override
        public void save(Path directory) {
        }

        @Override
        public void load(Path directory) {
        }
    }

    private static final Granularity WHOLE_FRAMES = (index, frame) -> List.of(new Region.WholeFrame(frame.width(), frame.height()));

    /** Most uncertain first, so later frames (higher entropy) come first. */
    private static final SampleSelector MOST_UNCERTAIN = (pool, budget, random) -> IntStream.range(0, pool.size())
            .filter(i -> !pool.isAnnotated(i)).boxed()
            .sorted((a, b) -> Double.compare(pool.uncertainty(b), pool.uncertainty(a)))
            .limit(budget).mapToInt(Integer::intValue).toArray();

    /** One click per pixel of class 1 plus one: easy to sum by hand. */
    private static final ClickCostModel CAR_PIXELS = (region, truth, ignore) -> {
        int clicks = 1;
        for (int pixel : region.pixelIndices(truth.width())) {
            clicks += truth.ids()[pixel] == 1 ? 1 : 0;
        }
        return clicks;
    };

    /** Answers every sample from the ground truth; a test overrides what it does while the model works. */
    private abstract static class AnswersFromTruth implements org.frameloop.core.spi.Annotator {
        private final SimulatedAnnotator truth;

        AnswersFromTruth(SimulatedAnnotator truth) {
            this.truth = truth;
        }

        @Override
        public Annotation annotate(org.frameloop.core.sample.Sample sample, AnnotatedVideo video) {
            return truth.annotate(sample, video);
        }
    }

    private static AnnotationLoop loop(VideoSession session, SampleSelector selector, LoopSettings settings) {
        return new AnnotationLoop(session, new CopyHumanModel(), WHOLE_FRAMES, selector,
                new SimulatedAnnotator(TRUTH, CAR_PIXELS, -1), CAR_PIXELS, settings);
    }

    @Test
    void annotatingEveryFrameReachesPerfectMiouAtExactlyTheFrameByFrameClicks() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        LoopSettings settings = LoopSettings.defaults().withSamplesPerRound(2).withTargetMiou(1.0);

        LoopResult result = loop(session, MOST_UNCERTAIN, settings).run(new NullProgressMonitor());

        long frameByFrame = IntStream.range(0, FRAMES)
                .mapToLong(f -> CAR_PIXELS.clicks(new Region.WholeFrame(WIDTH, HEIGHT), TRUTH.labels(f), -1)).sum();
        assertEquals(LoopResult.StopReason.TARGET_REACHED, result.stopReason());
        assertEquals(1.0, result.last().miou(), 1e-12);
        assertEquals(frameByFrame, result.last().totalClicks());
        assertEquals(frameByFrame, result.last().frameByFrameClicks());
        assertEquals(1.0, result.last().clickShareOfFrameByFrame(), 1e-12);
        assertEquals(4, result.rounds().size(), "round 0 plus three rounds of two frames");
        assertTrue(result.rounds().get(0).miou() < 1.0, "the untouched model is imperfect");
    }

    /** What each {@code learn} call saw: labelled pixels given, and whether the video already held them. */
    private static final class RecordingFusion implements org.frameloop.core.spi.LabelFusion {
        final List<String> learnt = new java.util.ArrayList<>();

        @Override
        public void prepare(AnnotatedVideo video, IProgressMonitor monitor) {
        }

        @Override
        public void learn(AnnotatedVideo video, int frameIndex, LabelImage human, FramePrediction model) {
            long given = 0;
            long alreadyHeld = 0;
            byte[] held = video.humanLabels(frameIndex).ids();
            for (int i = 0; i < human.ids().length; i++) {
                if (human.ids()[i] != (byte) LabelImage.UNLABELED) {
                    given++;
                    alreadyHeld += held[i] != (byte) LabelImage.UNLABELED ? 1 : 0;
                }
            }
            learnt.add(frameIndex + ":" + given + "/" + alreadyHeld);
        }

        @Override
        public FramePrediction fuse(AnnotatedVideo video, int frameIndex, FramePrediction model) {
            return model;
        }
    }

    /**
     * The IDE's person paints into the session's human layer before the loop hears of the sample; audits and
     * the fusion must still judge the labels as new, exactly as for an annotator that only returns them.
     */
    @Test
    void anAnnotatorThatPaintsIntoTheSessionIsAuditedAndLearntFromLikeOneThatReturnsItsLabels() {
        SimulatedAnnotator truth = new SimulatedAnnotator(TRUTH, CAR_PIXELS, -1);
        org.frameloop.core.spi.Annotator painting = (sample, video) -> {
            org.frameloop.core.spi.Annotator.Annotation answer = truth.annotate(sample, video);
            VideoSession live = (VideoSession) video;
            live.labels().putHuman(sample.frameIndex(), sample.region(), answer.labels());
            return new org.frameloop.core.spi.Annotator.Annotation(live.humanLabels(sample.frameIndex()),
                    answer.clicks(), answer.seconds(), "human");
        };
        LoopSettings settings = LoopSettings.defaults().withSamplesPerRound(2).withMaxRounds(2).withAuditShare(0.5);

        RecordingFusion returnedFusion = new RecordingFusion();
        VideoSession returnedSession = VideoSession.start(VIDEO, MAP, null, TRUTH);
        LoopResult returned = new AnnotationLoop(returnedSession, new CopyHumanModel(),
                WHOLE_FRAMES, MOST_UNCERTAIN, truth, CAR_PIXELS, settings).withFusion(returnedFusion)
                .run(new NullProgressMonitor());
        RecordingFusion paintedFusion = new RecordingFusion();
        LoopResult painted = new AnnotationLoop(VideoSession.start(VIDEO, MAP, null, TRUTH), new CopyHumanModel(),
                WHOLE_FRAMES, MOST_UNCERTAIN, painting, CAR_PIXELS, settings).withFusion(paintedFusion)
                .run(new NullProgressMonitor());

        assertTrue(returned.last().estimate().auditedSamples() > 0, "the settings audit one sample in two");
        assertEquals(returned.last().estimate().auditedSamples(), painted.last().estimate().auditedSamples());
        assertEquals(returned.last().estimate().miou(), painted.last().estimate().miou(), 1e-12);
        // every labelled sample, the selector's two per round and the audit tiles alike
        assertEquals(returnedSession.ledger().size(), returnedFusion.learnt.size());
        assertTrue(returnedFusion.learnt.size() > 4, "audit tiles were labelled: " + returnedFusion.learnt);
        assertEquals(returnedFusion.learnt, paintedFusion.learnt);
        // a frame chosen after one of its tiles was audited holds that tile's pixels already, and only those
        assertTrue(paintedFusion.learnt.stream().allMatch(call -> {
            String[] counts = call.substring(call.indexOf(':') + 1).split("/");
            return Integer.parseInt(counts[1]) < Integer.parseInt(counts[0]) && !counts[0].equals("0");
        }), "every sample's pixels reach the fusion as new: " + paintedFusion.learnt);
    }

    /**
     * Whole-frame runs audit tiles ({@link org.frameloop.core.quality.AuditTiles}): each round's tiles come from
     * different frames, none from a frame the selector chose that round, and no tile is labelled twice.
     */
    @Test
    void wholeFrameRunsAuditTilesFromFramesTheSelectorDidNotChoose() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        LoopSettings settings = LoopSettings.defaults().withSamplesPerRound(2).withMaxRounds(3).withTargetMiou(1.0)
                .withAuditShare(0.5);

        loop(session, MOST_UNCERTAIN, settings).run(new NullProgressMonitor());

        java.util.Set<org.frameloop.core.sample.Sample> labelled = new java.util.HashSet<>();
        int tiles = 0;
        for (int round = 1; round <= 3; round++) {
            int r = round;
            List<org.frameloop.core.sample.Sample> samples = session.ledger().entries().stream()
                    .filter(e -> e.round() == r).map(LedgerEntry::sample).toList();
            java.util.Set<Integer> chosenFrames = new java.util.HashSet<>();
            java.util.Set<Integer> tileFrames = new java.util.HashSet<>();
            for (org.frameloop.core.sample.Sample sample : samples) {
                assertTrue(labelled.add(sample), "labelled twice: " + sample);
                if (sample.region() instanceof Region.WholeFrame) {
                    chosenFrames.add(sample.frameIndex());
                } else {
                    Region.Rectangle tile = (Region.Rectangle) sample.region();
                    assertEquals(WIDTH * HEIGHT / 16, tile.area(), "a tile of the 4x4 grid: " + tile);
                    assertTrue(tileFrames.add(sample.frameIndex()), "two tiles of one frame in round " + r);
                    tiles++;
                }
            }
            if (r == 1) {
                assertEquals(1, chosenFrames.size(), "the selector's one frame besides the owed audit in round 1");
            }
            tileFrames.forEach(f -> assertTrue(!chosenFrames.contains(f), "a tile of chosen frame " + f));
        }
        // round 1 owes one audit; priced on the labels shown (all road: a click each), the one chosen frame and a
        // share of 0.5 afford one tile of the sixteen drawn
        assertEquals(1, session.ledger().entries().stream()
                .filter(e -> e.round() == 1 && e.sample().region() instanceof Region.Rectangle).count());
        assertTrue(tiles > 3, tiles + " tiles in three rounds: later rounds afford more, after costlier frames");
    }

    @Test
    void ledgerTotalsEqualTheSumOfSampleCostsAndSamplesAreNeverProposedTwice() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        LoopResult result = loop(session, MOST_UNCERTAIN, LoopSettings.defaults().withSamplesPerRound(1).withMaxRounds(4))
                .run(new NullProgressMonitor());

        List<LedgerEntry> entries = session.ledger().entries();
        long sum = entries.stream()
                .mapToLong(e -> CAR_PIXELS.clicks(e.sample().region(), TRUTH.labels(e.sample().frameIndex()), -1)).sum();
        assertEquals(sum, session.ledger().totalClicks());
        assertEquals(sum, result.last().totalClicks());
        assertEquals(List.of(5, 4, 3, 2), entries.stream().map(e -> e.sample().frameIndex()).toList(),
                "each round takes the most uncertain frame not yet annotated");
        assertEquals(LoopResult.StopReason.ROUND_LIMIT, result.stopReason());
    }

    @Test
    void theFlowIsComputedWhileThePersonLabelsNotAfterwards() {
        CountDownLatch everyPairBothWays = new CountDownLatch(2 * (FRAMES - 1));
        AtomicInteger providerCalls = new AtomicInteger();
        FlowProvider still = (from, to) -> {
            providerCalls.incrementAndGet();
            everyPairBothWays.countDown();
            int n = WIDTH * HEIGHT;
            boolean[] valid = new boolean[n];
            java.util.Arrays.fill(valid, true);
            return new OpticalFlow(WIDTH, HEIGHT, new float[n], new float[n], valid);
        };
        VideoSession session = VideoSession.start(VIDEO, MAP, new FlowCache(VIDEO, still, null), TRUTH);
        SimulatedAnnotator truth = new SimulatedAnnotator(TRUTH, CAR_PIXELS, -1);
        AtomicBoolean flowReadyWhileLabelling = new AtomicBoolean();
        org.frameloop.core.spi.Annotator person = (sample, video) -> {
            try {
                // a person takes their time over the first sample: the flow should be done before they are
                if (session.ledger().entries().isEmpty()) {
                    flowReadyWhileLabelling.set(everyPairBothWays.await(60, TimeUnit.SECONDS));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return truth.annotate(sample, video);
        };

        new AnnotationLoop(session, new CopyHumanModel(), WHOLE_FRAMES, MOST_UNCERTAIN, person, CAR_PIXELS,
                LoopSettings.defaults().withSamplesPerRound(1).withMaxRounds(2)).run(new NullProgressMonitor());

        assertTrue(flowReadyWhileLabelling.get(), "every frame pair's flow was computed while the person labelled");
        assertEquals(2 * (FRAMES - 1), providerCalls.get(), "each pair once, both ways");
        assertTrue(session.flowCache().orElseThrow().allComputed());
    }

    @Test
    void miouRisesAsFramesAreAnnotated() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        LoopResult result = loop(session, MOST_UNCERTAIN, LoopSettings.defaults().withSamplesPerRound(1).withMaxRounds(3))
                .run(new NullProgressMonitor());

        List<Double> miou = result.rounds().stream().map(RoundReport::miou).toList();
        for (int r = 1; r < miou.size(); r++) {
            assertTrue(miou.get(r) > miou.get(r - 1), "mIoU per round: " + miou);
        }
    }

    @Test
    void aClickCapStopsTheLoop() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        LoopResult result = loop(session, MOST_UNCERTAIN, LoopSettings.defaults().withSamplesPerRound(1).withMaxTotalClicks(10))
                .run(new NullProgressMonitor());

        assertEquals(LoopResult.StopReason.CLICK_CAP, result.stopReason());
        assertTrue(result.last().totalClicks() >= 10);
    }

    @Test
    void theSelectorSeesEachCandidatesPredictedClassSharesAndTheHumanPixelsPerClassSoFar() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        List<org.frameloop.core.sample.CandidatePool> pools = new java.util.ArrayList<>();
        SampleSelector recording = (pool, budget, random) -> {
            pools.add(pool);
            return MOST_UNCERTAIN.select(pool, budget, random);
        };

        loop(session, recording, LoopSettings.defaults().withSamplesPerRound(1).withMaxRounds(2))
                .run(new NullProgressMonitor());

        org.frameloop.core.sample.CandidatePool second = pools.get(1);
        assertEquals(2, second.classCount());
        assertEquals(28, second.humanPixels(0), "frame 5, annotated in round 1: road left of column 7");
        assertEquals(4, second.humanPixels(1), "and car in column 7");
        assertEquals(1.0, second.classShare(0, 0), 1e-6, "frame 0 unannotated: the model says road everywhere");
        assertEquals(0.125, second.classShare(5, 1), 1e-6, "frame 5: the model copies the human car column");
    }

    @Test
    void aSelectorThatReturnsAnAnnotatedSampleIsCaught() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        SampleSelector alwaysFirst = (pool, budget, random) -> new int[] { 0 };

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> loop(session, alwaysFirst, LoopSettings.defaults().withSamplesPerRound(1).withMaxRounds(3))
                        .run(new NullProgressMonitor()));

        assertTrue(error.getMessage().contains("already annotated"), error.getMessage());
    }

    @Test
    void cancellingKeepsTheHumanLabelsGivenSoFar() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        NullProgressMonitor monitor = new NullProgressMonitor();
        AnnotationLoop loop = loop(session, MOST_UNCERTAIN, LoopSettings.defaults().withSamplesPerRound(2));
        loop.addListener(new LoopListener() {
            @Override
            public void sampleAnnotated(int round, org.frameloop.core.sample.Sample sample,
                    org.frameloop.core.spi.Annotator.Annotation annotation) {
                monitor.setCanceled(true);
            }
        });

        assertThrows(OperationCanceledException.class, () -> loop.run(monitor));

        assertEquals(1, session.ledger().size());
        assertTrue(session.labels().hasHuman(5), "the sample annotated before cancelling is kept");
    }

    @Test
    void framesCutIntoDifferentNumbersOfCandidatesNeverYieldPhantomCandidates() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        // frame 0 is cut in two halves, every other frame is one region: fewer candidates than frame 0 suggests
        Granularity uneven = (index, frame) -> index == 0
                ? List.of(new Region.Rectangle(0, 0, WIDTH / 2, HEIGHT), new Region.Rectangle(WIDTH / 2, 0, WIDTH / 2, HEIGHT))
                : List.of(new Region.WholeFrame(WIDTH, HEIGHT));
        List<Integer> poolSizes = new java.util.ArrayList<>();
        SampleSelector recordingSize = (pool, budget, random) -> {
            poolSizes.add(pool.size());
            return MOST_UNCERTAIN.select(pool, budget, random);
        };
        AnnotationLoop loop = new AnnotationLoop(session, new CopyHumanModel(), uneven, recordingSize,
                new SimulatedAnnotator(TRUTH, CAR_PIXELS, -1), CAR_PIXELS,
                LoopSettings.defaults().withSamplesPerRound(1).withMaxRounds(1));

        loop.run(new NullProgressMonitor());

        assertEquals(List.of(2 + (FRAMES - 1)), poolSizes);
    }

    @Test
    void pixelsAlreadyLabelledByHandCostNothingAgain() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        SimulatedAnnotator annotator = new SimulatedAnnotator(TRUTH, CAR_PIXELS, -1);
        Region.WholeFrame frame = new Region.WholeFrame(WIDTH, HEIGHT);
        long fresh = annotator.annotate(new org.frameloop.core.sample.Sample(1, frame), session).clicks();

        session.labels().putHuman(1, new Region.Rectangle(4, 0, 4, HEIGHT), TRUTH.labels(1));
        long afterTiles = annotator.annotate(new org.frameloop.core.sample.Sample(1, frame), session).clicks();

        assertEquals(1 + 5 * HEIGHT, fresh, "frame 1 has 5 car columns");
        assertEquals(1 + HEIGHT, afterTiles, "only the car column left of x=4 is still to be drawn");
    }

    @Test
    void superpixelsGetTheirDominantTrueClassFromTheSimulatedAnnotator() {
        SimulatedAnnotator annotator = new SimulatedAnnotator(TRUTH, CAR_PIXELS, -1);
        // frame 0 row 0: x=0,1 are road, x=2..7 car; a set of 3 pixels, 2 of them car
        Region.PixelSet superpixel = new Region.PixelSet(new int[] { 1, 2, 3 });

        var annotation = annotator.annotate(new org.frameloop.core.sample.Sample(0, superpixel),
                VideoSession.start(VIDEO, MAP, null, TRUTH));

        assertEquals(1, annotation.labels().id(1, 0), "the road pixel takes the dominant class");
        assertEquals(1, annotation.labels().id(3, 0));
        assertEquals(LabelImage.UNLABELED, annotation.labels().id(4, 0), "outside the sample nothing is said");
    }

    /**
     * Never wait on the model: while it fine-tunes (held on a latch until the annotator's thread is done),
     * the annotator labels the extra samples offered and leaves one started; every sample ends up labelled
     * and counted exactly once, the next fine-tune learns from the extras, the next round asks for the started
     * one first and never chooses a labelled extra again.
     */
    @Test
    void samplesLabelledWhileTheModelWorksAreKeptCountedOnceLearntNextAndNeverChosenAgain() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        SimulatedAnnotator truth = new SimulatedAnnotator(TRUTH, CAR_PIXELS, -1);
        java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> labellingDone =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch[] fineTuneStarted = { new java.util.concurrent.CountDownLatch(1) };
        List<Integer> humanFramesAtFineTune = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<List<Integer>> offered = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Boolean> secondTries = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<org.frameloop.core.spi.Annotator.ExtraSamples> offers = new java.util.concurrent.CopyOnWriteArrayList<>();
        SegmentationModel slow = new CopyHumanModel() {
            @Override
            public void fineTune(AnnotatedVideo video, IProgressMonitor monitor) {
                humanFramesAtFineTune.add((int) IntStream.range(0, FRAMES).filter(video::hasHumanLabels).count());
                fineTuneStarted[0].countDown();
                java.util.concurrent.CountDownLatch latch = labellingDone.getAndSet(null);
                if (latch != null) {
                    await(latch);
                }
            }
        };
        org.frameloop.core.spi.Annotator annotator = new AnswersFromTruth(truth) {
            @Override
            public void modelWorking(ExtraSamples extra) {
                offers.add(extra);
                offered.add(extra.samples().stream().map(s -> s.frameIndex()).toList());
                // round 1: the first is labelled, the second only started; later rounds: all are labelled
                List<org.frameloop.core.sample.Sample> toLabel = extra.round() == 1 ? extra.samples().subList(0, 1)
                        : extra.samples();
                java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);
                labellingDone.set(latch);
                java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
                fineTuneStarted[0] = started;
                new Thread(() -> {
                    await(started); // labels while the model is fine-tuning, not before
                    for (org.frameloop.core.sample.Sample sample : toLabel) {
                        assertTrue(extra.label(sample, truth.annotate(sample, session)));
                        secondTries.add(extra.label(sample, truth.annotate(sample, session)));
                    }
                    latch.countDown();
                }, "annotator while the model works").start();
            }

            @Override
            public List<org.frameloop.core.sample.Sample> modelReady(ExtraSamples extra) {
                return extra.round() == 1 ? extra.samples().subList(1, 2) : List.of();
            }
        };
        AnnotationLoop loop = new AnnotationLoop(session, slow, WHOLE_FRAMES, MOST_UNCERTAIN, annotator, CAR_PIXELS,
                LoopSettings.defaults().withSamplesPerRound(1).withMaxRounds(3).withAuditShare(0).withTargetMiou(1.0))
                .offerWhileAdapting(2);

        LoopResult result = loop.run(new NullProgressMonitor());

        assertEquals(List.of(List.of(4, 3), List.of(2, 1)), offered, "the selector's next two beyond the budget");
        List<LedgerEntry> entries = session.ledger().entries();
        assertEquals(List.of(5, 4, 3, 2, 1, 0), entries.stream().map(e -> e.sample().frameIndex()).toList(),
                "each frame once: chosen 5, extra 4, started 3 finished first in round 2, extras 2 and 1, chosen 0");
        assertEquals(List.of(1, 1, 2, 2, 2, 3), entries.stream().map(LedgerEntry::round).toList());
        assertEquals(List.of(false, false, false), secondTries, "an extra labelled twice counts once");
        assertEquals(List.of(1, 3, 6), humanFramesAtFineTune, "each fine-tune learns from the extras before it");
        assertEquals(List.of(List.of(5, 4), List.of(3, 2, 1), List.of(0)), result.rounds().stream().skip(1)
                .map(r -> r.samples().stream().map(s -> s.frameIndex()).toList()).toList());
        for (RoundReport report : result.rounds()) {
            assertEquals(entries.stream().filter(e -> e.round() == report.round()).mapToLong(LedgerEntry::clicks).sum(),
                    report.roundClicks(), "round " + report.round() + "'s clicks are its ledger entries'");
        }
        assertEquals(session.ledger().totalClicks(), result.last().totalClicks());
        assertEquals(1.0, result.last().miou(), 1e-12);
        assertTrue(!offers.get(0).label(offers.get(0).samples().get(1), truth.annotate(
                offers.get(0).samples().get(1), session)), "a closed offer takes nothing");
        assertEquals(6, session.ledger().size());
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, java.util.concurrent.TimeUnit.SECONDS), "the annotator's thread finished");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Or the weakest frames: besides the selector's next samples, the offer holds the whole frames the last
     * estimate rates weakest, in the review queue's order. One labelled while the model works (here in the last
     * moment, after its candidates were scored) is kept and counted once like an extra sample, learnt by the next
     * fine-tune, its tiles never chosen again, and it is not offered again.
     */
    @Test
    void aWeakFrameLabelledWhileTheModelWorksIsKeptCountedOnceLearntNextAndItsTilesNeverChosen() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        SimulatedAnnotator truth = new SimulatedAnnotator(TRUTH, CAR_PIXELS, -1);
        double[] confidenceOfFrame = { 0.9, 0.6, 0.8, 0.55, 0.7, 0.95 };
        List<Boolean> frame3LearntAtFineTune = new java.util.ArrayList<>();
        SegmentationModel model = new CopyHumanModel() {
            @Override
            public void fineTune(AnnotatedVideo video, IProgressMonitor monitor) {
                frame3LearntAtFineTune.add(video.hasHumanLabels(3));
            }

            @Override
            public FramePrediction predict(AnnotatedVideo video, int frameIndex) {
                FramePrediction copy = super.predict(video, frameIndex);
                float[] confidence = copy.confidence();
                for (int i = 0; i < confidence.length; i++) {
                    confidence[i] = confidence[i] == 1f ? 1f : (float) confidenceOfFrame[frameIndex];
                }
                return new FramePrediction(copy.labels(), confidence, copy.entropy(), confidence.clone(),
                        new float[0], 0);
            }
        };
        Granularity halves = (index, frame) -> List.of(new Region.Rectangle(0, 0, 4, HEIGHT),
                new Region.Rectangle(4, 0, 4, HEIGHT));
        List<List<Integer>> weakestOffered = new java.util.ArrayList<>();
        List<Boolean> labelled = new java.util.ArrayList<>();
        org.frameloop.core.spi.Annotator annotator = new AnswersFromTruth(truth) {
            @Override
            public void modelWorking(ExtraSamples extra) {
                weakestOffered.add(extra.weakestFrames().stream().map(s -> s.frameIndex()).toList());
                assertTrue(extra.weakestFrames().stream().allMatch(s -> s.region() instanceof Region.WholeFrame));
            }

            @Override
            public List<org.frameloop.core.sample.Sample> modelReady(ExtraSamples extra) {
                if (extra.round() == 1) {
                    org.frameloop.core.sample.Sample weakest = extra.weakestFrames().get(0);
                    labelled.add(extra.label(weakest, truth.annotate(weakest, session)));
                    labelled.add(extra.label(weakest, truth.annotate(weakest, session)));
                }
                return List.of();
            }
        };
        List<List<Integer>> annotatedFramesSeen = new java.util.ArrayList<>();
        SampleSelector recording = (pool, budget, random) -> {
            annotatedFramesSeen.add(IntStream.range(0, pool.size()).filter(pool::isAnnotated).map(pool::frameOf)
                    .boxed().toList());
            return MOST_UNCERTAIN.select(pool, budget, random);
        };
        AnnotationLoop loop = new AnnotationLoop(session, model, halves, recording, annotator, CAR_PIXELS,
                LoopSettings.defaults().withSamplesPerRound(1).withMaxRounds(2).withAuditShare(0).withTargetMiou(1.0))
                .offerWhileAdapting(2);

        LoopResult result = loop.run(new NullProgressMonitor());

        assertEquals(List.of(3, 1), weakestOffered.get(0), "round 0's estimate: frames 3 (0.55) and 1 (0.6) weakest");
        assertTrue(!weakestOffered.get(1).contains(3), "a labelled weak frame is not offered again");
        assertEquals(List.of(true, false), labelled, "taken once");
        List<LedgerEntry> entries = session.ledger().entries();
        assertEquals(List.of(5, 3), entries.stream().filter(e -> e.round() == 1).map(e -> e.sample().frameIndex())
                .toList(), "round 1: its chosen tile, then the weak frame labelled meanwhile");
        RoundReport round1 = result.rounds().get(1);
        assertEquals(entries.stream().filter(e -> e.round() == 1).map(LedgerEntry::sample).toList(), round1.samples());
        assertEquals(entries.stream().filter(e -> e.round() == 1).mapToLong(LedgerEntry::clicks).sum(),
                round1.roundClicks(), "counted once, in the round whose model was working");
        assertEquals(List.of(false, true), frame3LearntAtFineTune, "the next fine-tune learns from the weak frame");
        assertEquals(2, java.util.Collections.frequency(annotatedFramesSeen.get(2), 3),
                "round 2's selector sees both tiles of the weak frame annotated");
        assertTrue(entries.stream().filter(e -> e.round() == 2).noneMatch(e -> e.sample().frameIndex() == 3));
    }

    /** A sample begun while the model worked comes first in the next round, and the selector fills the rest. */
    @Test
    void aSampleBegunWhileTheModelWorkedOpensTheNextRoundAndIsNotChosenTwice() {
        VideoSession session = VideoSession.start(VIDEO, MAP, null, TRUTH);
        SimulatedAnnotator truth = new SimulatedAnnotator(TRUTH, CAR_PIXELS, -1);
        List<List<Integer>> chosen = new java.util.ArrayList<>();
        org.frameloop.core.spi.Annotator annotator = new AnswersFromTruth(truth) {
            @Override
            public List<org.frameloop.core.sample.Sample> modelReady(ExtraSamples extra) {
                return extra.samples().subList(1, 2); // the second offered, begun but not finished
            }
        };
        AnnotationLoop loop = new AnnotationLoop(session, new CopyHumanModel(), WHOLE_FRAMES, MOST_UNCERTAIN, annotator,
                CAR_PIXELS, LoopSettings.defaults().withSamplesPerRound(2).withMaxRounds(2).withAuditShare(0)
                        .withTargetMiou(1.0)).offerWhileAdapting(2);
        loop.addListener(new LoopListener() {
            @Override
            public void samplesChosen(int round, List<org.frameloop.core.sample.Sample> samples) {
                chosen.add(samples.stream().map(s -> s.frameIndex()).toList());
            }
        });

        loop.run(new NullProgressMonitor());

        assertEquals(List.of(List.of(5, 4), List.of(2, 3)), chosen,
                "round 1 offered 3 and 2; 2 was begun, so round 2 asks for it first and the selector adds 3");
        assertEquals(4, session.ledger().entries().stream().map(e -> e.sample()).distinct().count());
    }
}
