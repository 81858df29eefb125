package org.frameloop.core.loop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.metrics.ConfusionMatrix;
import org.frameloop.core.quality.QualityEstimate;
import org.frameloop.core.quality.AuditDraw;
import org.frameloop.core.quality.AuditTiles;
import org.frameloop.core.quality.QualityEstimator;
import org.frameloop.core.quality.ReviewQueue;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.CandidatePool;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.Annotator.Annotation;
import org.frameloop.core.spi.Annotator;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.Granularity;
import org.frameloop.core.spi.LabelFusion;
import org.frameloop.core.spi.RoundAwareGranularity;
import org.frameloop.core.spi.SampleSelector;
import org.frameloop.core.spi.SegmentationModel;

/**
 * The annotation loop (docs/architecture.md, "One round"), top to bottom:
 * <ol>
 * <li>the model predicts every frame; its labels become the automatic layer and every candidate sample
 * (the granularity's regions) gets an uncertainty and a mean embedding;</li>
 * <li>the selector picks up to b unannotated candidates;</li>
 * <li>the annotator labels them; human labels are stored and the clicks go into the ledger;</li>
 * <li>the model is fine-tuned on the video's human labels, and we go back to 1 — until the quality
 * target, the round limit or the click cap is reached.</li>
 * </ol>
 * With {@link #offerWhileAdapting}, the annotator is offered extra samples while the model fine-tunes and
 * predicts (step 4), so a person never waits for the model: the selector's next samples, or the whole frames the
 * latest estimate rates weakest; what they label meanwhile is stored and journaled at once, counts in the round,
 * and the next fine-tune learns from it.
 * Memory stays flat in video length: predictions are turned into per-candidate scores frame by frame and
 * dropped. Cancellation through the monitor stops between samples and steps; the human labels given so
 * far stay in the session (they are the user's work).
 */
public final class AnnotationLoop {

    private final VideoSession session;
    private final SegmentationModel model;
    private final Granularity granularity;
    private final SampleSelector selector;
    private final Annotator annotator;
    private final ClickCostModel costModel;
    private final LoopSettings settings;
    private LabelFusion fusion;
    private SelectorFallback selectorFallback;
    private final List<String> roundWarnings = new ArrayList<>();
    private final List<LoopListener> listeners = new CopyOnWriteArrayList<>();

    private List<Region>[] regionsOfFrame;
    /** Samples chosen, drawn or labelled while the model worked: never offered again (written from two threads). */
    private final Set<Sample> proposed = ConcurrentHashMap.newKeySet();
    /** This run's audit samples, each with its draw (what it stands for, how much it weighs). */
    private final Map<Sample, AuditDraw.Drawn> audits = new HashMap<>();
    /** Human labels of the current round's frames as they were when its samples were chosen (null: none). */
    private final Map<Integer, LabelImage> humanBefore = new HashMap<>();
    private boolean modelUpToDate;
    private QualityEstimator estimator;
    private final List<RoundReport> reports = new ArrayList<>();
    private long frameByFrameClicks = -1;
    private int firstRound = 1;
    private List<Sample> pendingSamples = List.of();
    private int extraSamples;
    /** The selector's choice beyond the current round's budget: offered while the model works. */
    private List<Sample> spare = List.of();
    /** Offered samples the person started while the model worked: the next round asks for them first. */
    private List<Sample> carried = List.of();
    private volatile LabelsLearnt learnt = new LabelsLearnt(0, 0);

    /**
     * @param costModel prices samples: the frame-by-frame baseline and the click budget per round
     */
    public AnnotationLoop(VideoSession session, SegmentationModel model, Granularity granularity,
            SampleSelector selector, Annotator annotator, ClickCostModel costModel, LoopSettings settings) {
        this.session = Objects.requireNonNull(session, "session");
        this.model = Objects.requireNonNull(model, "model");
        this.granularity = Objects.requireNonNull(granularity, "granularity");
        this.selector = Objects.requireNonNull(selector, "selector");
        this.annotator = Objects.requireNonNull(annotator, "annotator");
        this.costModel = Objects.requireNonNull(costModel, "costModel");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Combines the model's predictions with the video's human labels (carried along the flow) into the
     * automatic labels, the scores the selector sees and the quality estimate; null for the model alone.
     *
     * @return this loop
     */
    public AnnotationLoop withFusion(LabelFusion labelFusion) {
        this.fusion = labelFusion;
        session.useTrustedLabels(labelFusion == null ? f -> java.util.Optional.empty() : labelFusion::confidentLabels);
        return this;
    }

    /**
     * The model was restored from a checkpoint saved after the session's current labels: a resumed run
     * predicts at once instead of fine-tuning first (a person reopening a project does not wait).
     */
    public AnnotationLoop withModelUpToDate() {
        modelUpToDate = true;
        return this;
    }

    /**
     * Who chooses a round's samples when the selector fails (throws, or returns candidates that are out of
     * range, repeated or annotated): the round goes on with {@code fallback}'s choice and its report carries
     * a warning naming both.
     *
     * @param selectorName "selector 'id' from bundle", for the warning
     * @param fallbackName the same for the fallback
     * @return this loop
     */
    public AnnotationLoop withSelectorFallback(String selectorName, SampleSelector fallback, String fallbackName) {
        this.selectorFallback = new SelectorFallback(selectorName, Objects.requireNonNull(fallback, "fallback"),
                fallbackName);
        return this;
    }

    private record SelectorFallback(String selectorName, SampleSelector fallback, String fallbackName) {
    }

    /**
     * While the model fine-tunes and predicts after a round, offers the annotator up to {@code samples} more
     * ({@link Annotator#modelWorking}): the selector's choice just beyond the round's budget, ranked by the
     * same model, and as many of the whole frames the latest quality estimate rates weakest (the review queue's
     * order). What is labelled meanwhile goes into the human labels and the ledger at once (journaled like
     * any sample), counts in that round's clicks and samples, and is never chosen again; samples the annotator
     * started but did not finish when the results are in are asked for first in the next round. Extra samples
     * feed neither the quality estimate nor the fusion's learning (the model that would be tested on them is
     * the one being fine-tuned). 0, the default, offers nothing, and the run is the same as without.
     *
     * @return this loop
     */
    public AnnotationLoop offerWhileAdapting(int samples) {
        if (samples < 0) {
            throw new IllegalArgumentException("extra samples must not be negative, was " + samples);
        }
        this.extraSamples = samples;
        return this;
    }

    /**
     * What the model has learnt from so far: the ledger's size and the human pixels when its latest
     * fine-tuning started (when the run started, before any). A checkpoint saved after a round is of these
     * labels, not of those given while it was fine-tuned.
     */
    public record LabelsLearnt(int samples, long humanPixels) {
    }

    /** See {@link LabelsLearnt}; safe to call from a listener. */
    public LabelsLearnt labelsLearnt() {
        return learnt;
    }

    private LabelsLearnt labelsNow() {
        return new LabelsLearnt(session.ledger().size(), session.labels().humanPixelCount());
    }

    public void addListener(LoopListener listener) {
        listeners.add(listener);
    }

    /**
     * Continues a session restored from disk instead of starting at round 1. The session's label store
     * and ledger must already hold the human labels and entries of the rounds before {@code round}. The
     * model is first fine-tuned on those labels (its own state may be lost with the crash), the initial
     * report is numbered {@code round - 1}, and round {@code round} annotates {@code pendingSamples}
     * (samples chosen before the crash but not yet annotated) or, when there are none, chooses afresh.
     *
     * @param round          the round to continue, at least 1
     * @param pendingSamples samples of {@code round} still to annotate, in the order they were chosen
     * @return this loop
     */
    public AnnotationLoop resumeAt(int round, List<Sample> pendingSamples) {
        if (round < 1) {
            throw new IllegalArgumentException("a resumed loop continues at round 1 or later, not " + round);
        }
        this.firstRound = round;
        this.pendingSamples = List.copyOf(pendingSamples);
        return this;
    }

    /**
     * Runs rounds until a stop condition holds.
     *
     * @throws OperationCanceledException when {@code monitor} is cancelled (labels so far are kept)
     */
    public LoopResult run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Annotating " + session.video().name(),
                2 + settings.maxRounds());
        frameByFrameClicks = frameByFrameClicks(progress.split(1));
        reports.clear();
        estimator = new QualityEstimator(session.frameCount(), session.labelMap().idSpan(), session.ignoreId());

        long started = System.nanoTime();
        long fineTuneMillis = 0;
        learnt = labelsNow();
        carried = List.of();
        if ((firstRound > 1 || session.labels().humanPixelCount() > 0) && !modelUpToDate) {
            // resumed: the model's adaptation to the restored human labels may have died with the crash
            model.fineTune(session, progress.split(0));
            fineTuneMillis = millisSince(started);
            started = System.nanoTime();
        }
        Scores scores = predictAndScore(progress.split(1));
        long predictMillis = millisSince(started);
        started = System.nanoTime();
        reports.add(finishRound(firstRound - 1, List.of(), 0, scores,
                new RoundReport.Timings(0, 0, fineTuneMillis, predictMillis, 0), started));

        for (int round = firstRound; ; round++) {
            RoundReport previous = reports.get(reports.size() - 1);
            LoopResult.StopReason stop = stopReason(previous, round);
            if (stop != null) {
                return new LoopResult(reports, stop);
            }
            SubMonitor step = progress.split(1).setWorkRemaining(100);
            step.setTaskName("Round " + round);
            started = System.nanoTime();
            roundWarnings.clear();
            List<Sample> chosen = round == firstRound && !pendingSamples.isEmpty() ? takePending()
                    : choose(scores, round);
            long selectMillis = millisSince(started);
            if (chosen.isEmpty()) {
                return new LoopResult(reports, LoopResult.StopReason.NOTHING_LEFT);
            }
            int thisRound = round;
            rememberHumanLabelsBefore(chosen);
            listeners.forEach(l -> l.samplesChosen(thisRound, chosen));

            started = System.nanoTime();
            long roundClicks = annotate(round, chosen, step.split(10));
            long annotateMillis = millisSince(started);

            Offer offer = offerSpare(round);
            long roundFineTuneMillis;
            long roundPredictMillis;
            try {
                started = System.nanoTime();
                learnt = labelsNow();
                model.fineTune(session, step.split(50));
                roundFineTuneMillis = millisSince(started);

                started = System.nanoTime();
                scores = predictAndScore(step.split(35));
                roundPredictMillis = millisSince(started);
            } catch (RuntimeException | Error e) {
                if (offer != null) {
                    offer.close(); // cancelled or failed: nothing more counts in this round
                }
                throw e;
            }
            List<Sample> samples = chosen;
            if (offer != null) {
                // the annotator first, then the offer: a sample labelled in between counts, and is not carried
                List<Sample> unfinished = annotator.modelReady(offer);
                List<Offer.Labelled> extras = offer.close();
                carried = unfinished.stream().filter(s -> offer.offers(s) && !proposed.contains(s)).distinct().toList();
                samples = new ArrayList<>(chosen);
                for (Offer.Labelled extra : extras) {
                    samples.add(extra.sample());
                    roundClicks += extra.clicks();
                    flagAnnotated(scores, extra.sample());
                }
            }

            started = System.nanoTime();
            reports.add(finishRound(round, samples, roundClicks, scores, new RoundReport.Timings(selectMillis,
                    annotateMillis, roundFineTuneMillis, roundPredictMillis, 0), started));
            step.split(5);
        }
    }

    private LoopResult.StopReason stopReason(RoundReport last, int nextRound) {
        if (last.quality() >= settings.targetMiou()) {
            return LoopResult.StopReason.TARGET_REACHED;
        }
        if (nextRound > settings.maxRounds()) {
            return LoopResult.StopReason.ROUND_LIMIT;
        }
        if (settings.maxTotalClicks() > 0 && last.totalClicks() >= settings.maxTotalClicks()) {
            return LoopResult.StopReason.CLICK_CAP;
        }
        return null;
    }

    private long frameByFrameClicks(SubMonitor monitor) {
        LabelSequence truth = session.groundTruth().orElse(null);
        if (truth == null) {
            return -1;
        }
        monitor.setWorkRemaining(truth.frameCount());
        monitor.subTask("Pricing frame-by-frame annotation");
        Region whole = new Region.WholeFrame(truth.width(), truth.height());
        long total = 0;
        for (int f = 0; f < truth.frameCount(); f++) {
            monitor.checkCanceled();
            total += costModel.clicks(whole, truth.labels(f), session.ignoreId());
            monitor.worked(1);
        }
        return total;
    }

    /** Per-candidate scores of one round, in primitive arrays. */
    private static final class Scores {
        int[] frame;
        int[] regionIndex;
        double[] uncertainty;
        float[] embedding;
        int embeddingDimension = -1;
        boolean[] annotated;
        int classCount;
        /** the model's share of each class per candidate: candidate * classCount + class */
        float[] classShare;
    }

    @SuppressWarnings("unchecked")
    private Scores predictAndScore(SubMonitor monitor) {
        int frames = session.frameCount();
        int preparing = fusion == null ? 0 : frames / 4 + 1;
        monitor.setWorkRemaining(frames + preparing);
        if (fusion != null) {
            fusion.prepare(session, monitor.split(preparing));
        }
        estimator.beginPrediction();
        if (regionsOfFrame == null || granularity instanceof RoundAwareGranularity) {
            regionsOfFrame = new List[frames];
        }
        if (granularity instanceof RoundAwareGranularity adaptive) {
            adaptive.observe(List.copyOf(reports), settings.targetMiou());
        }
        Scores scores = null;
        int next = 0;
        for (int f = 0; f < frames; f++) {
            monitor.checkCanceled();
            monitor.subTask("Predicting frame " + (f + 1) + " of " + frames);
            RgbImage image = session.frame(f);
            if (regionsOfFrame[f] == null) {
                regionsOfFrame[f] = List.copyOf(granularity.candidates(f, image));
            }
            FramePrediction prediction = model.predict(session, f);
            if (fusion != null) {
                prediction = fusion.fuse(session, f, prediction);
            }
            session.labels().putAuto(f, prediction.labels());
            estimator.observeFrame(f, prediction.labels(), prediction.confidence(),
                    session.labels().hasHuman(f) ? session.labels().human(f) : null);
            if (scores == null) {
                scores = allocate(prediction.embeddingDimension());
            }
            next = score(f, prediction, scores, next);
            monitor.worked(1);
        }
        if (next < scores.frame.length) {
            // the count was estimated from frame 0 (superpixel counts vary): drop the unused tail
            grow(scores, next);
        }
        return scores;
    }

    private Scores allocate(int embeddingDimension) {
        int count = 0;
        for (List<Region> regions : regionsOfFrame) {
            // frames not reached yet are cut by the same granularity: estimate from frame 0
            count += regions == null ? regionsOfFrame[0].size() : regions.size();
        }
        Scores scores = new Scores();
        scores.frame = new int[count];
        scores.regionIndex = new int[count];
        scores.uncertainty = new double[count];
        scores.embeddingDimension = embeddingDimension;
        scores.embedding = new float[count * embeddingDimension];
        scores.annotated = new boolean[count];
        scores.classCount = session.labelMap().idSpan();
        scores.classShare = new float[count * scores.classCount];
        return scores;
    }

    private int score(int f, FramePrediction prediction, Scores scores, int next) {
        List<Region> regions = regionsOfFrame[f];
        if (next + regions.size() > scores.frame.length) {
            grow(scores, next + regions.size());
        }
        int width = session.width();
        int dimension = scores.embeddingDimension;
        float[] pixelUncertainty = switch (settings.uncertainty()) {
            case ENTROPY -> prediction.entropy();
            case MARGIN -> prediction.margin();
            case LEAST_CONFIDENCE -> prediction.confidence();
        };
        boolean invert = settings.uncertainty() != LoopSettings.UncertaintyMeasure.ENTROPY;
        float[] embedding = prediction.embedding();
        boolean hasHuman = session.labels().hasHuman(f);

        for (int r = 0; r < regions.size(); r++, next++) {
            Region region = regions.get(r);
            int[] pixels = region.pixelIndices(width);
            double sum = 0;
            int embeddingBase = next * dimension;
            for (int pixel : pixels) {
                sum += pixelUncertainty[pixel];
                for (int d = 0, e = pixel * dimension; d < dimension; d++, e++) {
                    scores.embedding[embeddingBase + d] += embedding[e];
                }
            }
            for (int d = 0; d < dimension; d++) {
                scores.embedding[embeddingBase + d] /= pixels.length;
            }
            byte[] predicted = prediction.labels().ids();
            int classBase = next * scores.classCount;
            float pixelShare = 1f / pixels.length;
            for (int pixel : pixels) {
                int id = predicted[pixel] & 0xFF;
                if (id < scores.classCount) {
                    scores.classShare[classBase + id] += pixelShare;
                }
            }
            double mean = sum / pixels.length;
            scores.frame[next] = f;
            scores.regionIndex[next] = r;
            scores.uncertainty[next] = invert ? 1 - mean : mean;
            scores.annotated[next] = proposed.contains(new Sample(f, region))
                    || (hasHuman && session.labels().isFullyHuman(f, region));
        }
        return next;
    }

    private static void grow(Scores scores, int size) {
        scores.frame = java.util.Arrays.copyOf(scores.frame, size);
        scores.regionIndex = java.util.Arrays.copyOf(scores.regionIndex, size);
        scores.uncertainty = java.util.Arrays.copyOf(scores.uncertainty, size);
        scores.embedding = java.util.Arrays.copyOf(scores.embedding, size * scores.embeddingDimension);
        scores.annotated = java.util.Arrays.copyOf(scores.annotated, size);
        scores.classShare = java.util.Arrays.copyOf(scores.classShare, size * scores.classCount);
    }

    private List<Sample> choose(Scores scores, int round) {
        List<Sample> samples = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        for (Sample started : carried) {
            // started while the model worked: finished first, within this round's budget, never picked twice
            int candidate = flagAnnotated(scores, started);
            if (candidate >= 0) {
                taken.add(candidate);
            }
            proposed.add(started);
            samples.add(started);
        }
        carried = List.of();
        CandidatePool pool = new CandidatePool(session.frameCount(), scores.frame, scores.uncertainty,
                scores.embedding, scores.embeddingDimension, scores.annotated)
                .withClasses(scores.classCount, scores.classShare, humanPixelsPerClass(scores.classCount));
        Random random = new Random(settings.seed() * 1_000_003L + round);
        int samplesPerRound = granularity instanceof RoundAwareGranularity adaptive
                ? Math.max(1, adaptive.samplesPerRound(settings.samplesPerRound()))
                : settings.samplesPerRound();
        int auditCount = auditsInRound(round, samplesPerRound);
        int[] picked = samples.size() >= samplesPerRound ? new int[0]
                : pick(pool, Math.max(1, samplesPerRound - auditCount - samples.size()), random, round);
        long estimatedClicks = 0;
        for (int candidate : picked) {
            int frame = scores.frame[candidate];
            Region region = regionsOfFrame[frame].get(scores.regionIndex[candidate]);
            if (settings.budgetClicksPerRound() > 0) {
                // Estimated on the model's own labels: the true ones are what the person is about to give.
                int estimate = costModel.clicks(region, session.labels().merged(frame), session.ignoreId());
                if (!samples.isEmpty() && estimatedClicks + estimate > settings.budgetClicksPerRound()) {
                    break;
                }
                estimatedClicks += estimate;
            }
            Sample sample = new Sample(frame, region);
            proposed.add(sample);
            samples.add(sample);
            taken.add(candidate);
            if (samples.size() == samplesPerRound) {
                break;
            }
        }
        samples.addAll(drawAudits(scores, round, auditCount, random, taken));
        spare = extraSamples == 0 ? List.of() : spare(scores, taken, round);
        return samples;
    }

    /**
     * The selector's choice among the candidates left after this round's: what the same model ranks just
     * beyond the budget. From its own random source, so the round's own choice is as without extras; a
     * selector that fails here only means no extras.
     */
    private List<Sample> spare(Scores scores, List<Integer> taken, int round) {
        boolean[] flagged = scores.annotated.clone();
        taken.forEach(c -> flagged[c] = true);
        CandidatePool pool = new CandidatePool(session.frameCount(), scores.frame, scores.uncertainty,
                scores.embedding, scores.embeddingDimension, flagged)
                .withClasses(scores.classCount, scores.classShare, humanPixelsPerClass(scores.classCount));
        int[] picked;
        try {
            picked = checked(selector.select(pool, extraSamples, new Random(~(settings.seed() * 1_000_003L + round))),
                    pool);
        } catch (OperationCanceledException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
        List<Sample> extra = new ArrayList<>();
        for (int c = 0; c < picked.length && extra.size() < extraSamples; c++) {
            int frame = scores.frame[picked[c]];
            extra.add(new Sample(frame, regionsOfFrame[frame].get(scores.regionIndex[picked[c]])));
        }
        return extra;
    }

    /**
     * Marks {@code sample}'s candidate annotated in {@code scores}, and every candidate of its frame now labelled
     * in full (a whole weak frame labelled after its candidates were scored covers them); returns the sample's
     * candidate index, or -1 when it is not a candidate.
     */
    private int flagAnnotated(Scores scores, Sample sample) {
        int frame = sample.frameIndex();
        int index = -1;
        for (int c = 0; c < scores.frame.length; c++) {
            if (scores.frame[c] != frame) {
                continue;
            }
            Region region = regionsOfFrame[frame].get(scores.regionIndex[c]);
            if (region.equals(sample.region())) {
                scores.annotated[c] = true;
                index = c;
            } else if (!scores.annotated[c] && session.labels().isFullyHuman(frame, region)) {
                scores.annotated[c] = true;
            }
        }
        return index;
    }

    /**
     * Opens the offer of this round's spare samples that are still open and of the weakest frames, or returns
     * null when there are none.
     */
    private Offer offerSpare(int round) {
        List<Sample> open = spare.stream()
                .filter(s -> !proposed.contains(s) && !session.labels().isFullyHuman(s.frameIndex(), s.region()))
                .toList();
        spare = List.of();
        List<Sample> weakest = extraSamples == 0 ? List.of() : weakestFrames(open);
        if (open.isEmpty() && weakest.isEmpty()) {
            return null;
        }
        Offer offer = new Offer(round, open, weakest);
        annotator.modelWorking(offer);
        return offer;
    }

    /**
     * Up to {@link #extraSamples} whole frames, weakest first by the latest round's estimate (the review queue's
     * order): none labelled in full by hand, proposed or among {@code offered}; none before the first estimate.
     */
    private List<Sample> weakestFrames(List<Sample> offered) {
        QualityEstimate estimate = reports.isEmpty() ? null : reports.get(reports.size() - 1).estimate();
        if (estimate == null || estimate.frameAccuracy().length != session.frameCount()) {
            return List.of();
        }
        Region wholeFrame = new Region.WholeFrame(session.width(), session.height());
        List<Sample> weakest = new ArrayList<>();
        for (ReviewQueue.Entry entry : ReviewQueue.of(estimate, null).entries()) {
            Sample frame = new Sample(entry.frame(), wholeFrame);
            if (!proposed.contains(frame) && !offered.contains(frame)
                    && !session.labels().isFullyHuman(entry.frame(), wholeFrame)) {
                weakest.add(frame);
                if (weakest.size() == extraSamples) {
                    break;
                }
            }
        }
        return weakest;
    }

    /**
     * Extra samples offered while the model works. Labelling one stores it as the loop's annotate step does
     * (human layer, ledger, listeners) on the annotator's thread, under this offer's lock, so closing the
     * offer sees each sample either labelled once or not at all.
     */
    private final class Offer implements Annotator.ExtraSamples {
        record Labelled(Sample sample, int clicks) {
        }

        private final int round;
        private final List<Sample> samples;
        private final List<Sample> weakestFrames;
        private final List<Labelled> labelled = new ArrayList<>();
        private boolean closed;

        Offer(int round, List<Sample> samples, List<Sample> weakestFrames) {
            this.round = round;
            this.samples = List.copyOf(samples);
            this.weakestFrames = List.copyOf(weakestFrames);
        }

        @Override
        public int round() {
            return round;
        }

        @Override
        public List<Sample> samples() {
            return samples;
        }

        @Override
        public List<Sample> weakestFrames() {
            return weakestFrames;
        }

        /** Whether {@code sample} is one of this offer's, a spare sample or a weak frame. */
        boolean offers(Sample sample) {
            return samples.contains(sample) || weakestFrames.contains(sample);
        }

        @Override
        public synchronized boolean label(Sample sample, Annotation annotation) {
            if (closed || !offers(sample) || !proposed.add(sample)) {
                return false;
            }
            session.labels().putHuman(sample.frameIndex(), sample.region(), annotation.labels());
            session.ledger().append(new LedgerEntry(round, sample, annotation.clicks(), annotation.seconds(),
                    annotation.annotatorId(), System.currentTimeMillis()));
            labelled.add(new Labelled(sample, annotation.clicks()));
            listeners.forEach(l -> l.sampleAnnotated(round, sample, annotation));
            return true;
        }

        /** Closes the offer; returns what was labelled, in order. */
        synchronized List<Labelled> close() {
            closed = true;
            return List.copyOf(labelled);
        }
    }

    /**
     * The selector's choice, checked; when it fails and a fallback is set, the fallback's, with a warning for
     * the round's report. Both draw from the round's seeded random source, so a run stays reproducible.
     */
    private int[] pick(CandidatePool pool, int budget, Random random, int round) {
        try {
            return checked(selector.select(pool, budget, random), pool);
        } catch (OperationCanceledException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            if (selectorFallback == null) {
                throw e;
            }
            roundWarnings.add(selectorFallback.selectorName() + " failed in round " + round + " (" + rootMessage(e)
                    + "); " + selectorFallback.fallbackName() + " chose this round's samples instead");
            return checked(selectorFallback.fallback().select(pool, budget, random), pool);
        }
    }

    private static int[] checked(int[] picked, CandidatePool pool) {
        Set<Integer> seen = new HashSet<>();
        for (int candidate : picked) {
            if (candidate < 0 || candidate >= pool.size() || pool.isAnnotated(candidate) || !seen.add(candidate)) {
                throw new IllegalStateException("the selector returned candidate " + candidate
                        + ", which is out of range, repeated or already annotated");
            }
        }
        return picked;
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Pixels of each class people have labelled in the video so far (ids beyond {@code classes} skipped). */
    private long[] humanPixelsPerClass(int classes) {
        long[] counts = new long[classes];
        for (int f = 0; f < session.frameCount(); f++) {
            if (!session.labels().hasHuman(f)) {
                continue;
            }
            for (byte label : session.labels().human(f).ids()) {
                int id = label & 0xFF;
                if (id < classes) {
                    counts[id]++;
                }
            }
        }
        return counts;
    }

    /** Audits owed by the end of {@code round} at the settings' share, less those owed before it. */
    private int auditsInRound(int round, int samplesPerRound) {
        double share = settings.auditShare();
        return (int) Math.floor(round * samplesPerRound * share + 1e-9)
                - (int) Math.floor((round - 1) * samplesPerRound * share + 1e-9);
    }

    /**
     * Audit samples: drawn at random among the candidates nobody chose, each from the next of four stretches
     * of the video in turn (stratified in time), so they measure the labels as a whole, not the hard parts;
     * when the candidates are whole frames, tiles of frames instead ({@link #drawTileAudits}).
     */
    private List<Sample> drawAudits(Scores scores, int round, int count, Random random, List<Integer> taken) {
        if (count > 0 && samplesAreWholeFrames()) {
            Set<Integer> chosenFrames = new HashSet<>();
            taken.forEach(c -> chosenFrames.add(scores.frame[c]));
            return withinAuditShare(drawTileAudits(count * AuditTiles.MOST, random, chosenFrames), chosenFrames,
                    random);
        }
        List<Sample> drawn = new ArrayList<>();
        int stretches = 4;
        for (int a = 0; a < count; a++) {
            // from the round alone, so a resumed run draws what an uninterrupted one would
            int stretch = (round + a) % stretches;
            int from = stretch * session.frameCount() / stretches;
            int to = (stretch + 1) * session.frameCount() / stretches;
            List<Integer> openCandidates = new ArrayList<>();
            List<Sample> open = new ArrayList<>();
            for (int c = 0; c < scores.frame.length; c++) {
                int frame = scores.frame[c];
                if (frame < from || frame >= to || scores.annotated[c]) {
                    continue;
                }
                Sample sample = new Sample(frame, regionsOfFrame[frame].get(scores.regionIndex[c]));
                if (!proposed.contains(sample)) {
                    openCandidates.add(c);
                    open.add(sample);
                }
            }
            if (open.isEmpty()) {
                continue;
            }
            int k = drawAudit(open, random);
            drawn.add(open.get(k));
            taken.add(openCandidates.get(k));
        }
        return drawn;
    }

    /** Draws one audit among {@code open} ({@link AuditDraw}), records it, and returns its index. */
    private int drawAudit(List<Sample> open, Random random) {
        double[] expected = new double[open.size()];
        for (int k = 0; k < expected.length; k++) {
            Sample sample = open.get(k);
            expected[k] = estimator.expectedWrong(sample.frameIndex(), sample.region().pixelIndices(session.width()));
        }
        AuditDraw.Drawn pick = AuditDraw.draw(expected, random);
        Sample sample = open.get(pick.index());
        proposed.add(sample);
        audits.put(sample, pick);
        return pick.index();
    }

    /**
     * The drawn audit tiles, in a random order, as many as keep all audits within the audit share of all clicks,
     * this round's chosen frames included ({@link AuditTiles#affordable}); each priced as the round's budget
     * prices samples, on the labels shown now. The tiles left out are given back. From the whole ledger, so that
     * a resumed run draws what an uninterrupted one would: in a run of whole frames, the tiles are the audits.
     */
    private List<Sample> withinAuditShare(List<Sample> tiles, Set<Integer> chosenFrames, Random random) {
        long allClicks = 0;
        long auditClicks = 0;
        for (LedgerEntry entry : session.ledger().entries()) {
            allClicks += entry.clicks();
            if (entry.sample().region() instanceof Region.Rectangle) {
                auditClicks += entry.clicks();
            }
        }
        Region wholeFrame = new Region.WholeFrame(session.width(), session.height());
        long chosenClicks = 0;
        for (int frame : chosenFrames) {
            chosenClicks += price(wholeFrame, frame);
        }
        List<Sample> order = new ArrayList<>(tiles);
        Collections.shuffle(order, random);
        long[] prices = new long[order.size()];
        for (int k = 0; k < prices.length; k++) {
            prices[k] = price(order.get(k).region(), order.get(k).frameIndex());
        }
        int kept = AuditTiles.affordable(settings.auditShare(), allClicks, auditClicks, chosenClicks, prices);
        for (Sample left : order.subList(kept, order.size())) {
            proposed.remove(left);
            audits.remove(left);
        }
        Set<Sample> keep = new HashSet<>(order.subList(0, kept));
        return tiles.stream().filter(keep::contains).toList();
    }

    /**
     * What labelling {@code region} of {@code frame} is expected to cost, priced on the labels shown (the true ones
     * are what the person is about to give): at least one click, the fill every sample takes, even where the shown
     * labels are all of the ignored class (an untrained model's).
     */
    private long price(Region region, int frame) {
        return Math.max(1, costModel.clicks(region, session.labels().merged(frame), session.ignoreId()));
    }

    private boolean samplesAreWholeFrames() {
        return regionsOfFrame.length > 0 && regionsOfFrame[0].size() == 1
                && regionsOfFrame[0].get(0) instanceof Region.WholeFrame;
    }

    /**
     * Audit tiles when the samples are whole frames ({@link AuditTiles}): the video is cut into {@code count}
     * stretches, and each gives one tile, drawn like a frame audit among the tiles of its frames that nobody has
     * labelled and whose frame the selector did not choose this round.
     */
    private List<Sample> drawTileAudits(int count, Random random, Set<Integer> chosenFrames) {
        List<Region> tiles = AuditTiles.of(session.width(), session.height());
        int frames = session.frameCount();
        List<Sample> drawn = new ArrayList<>();
        for (int a = 0; a < count; a++) {
            List<Sample> open = new ArrayList<>();
            for (int frame = a * frames / count; frame < (a + 1) * frames / count; frame++) {
                if (chosenFrames.contains(frame)) {
                    continue;
                }
                boolean someHuman = session.labels().hasHuman(frame);
                for (Region tile : tiles) {
                    Sample sample = new Sample(frame, tile);
                    if (!proposed.contains(sample) && !(someHuman && session.labels().isFullyHuman(frame, tile))) {
                        open.add(sample);
                    }
                }
            }
            if (!open.isEmpty()) {
                drawn.add(open.get(drawAudit(open, random)));
            }
        }
        return drawn;
    }

    /** The samples chosen before a crash, marked as proposed so the selector never offers them again. */
    private List<Sample> takePending() {
        proposed.addAll(pendingSamples);
        return pendingSamples;
    }

    /**
     * Keeps each chosen sample's frame's human labels as they are before anyone labels the sample. A person
     * in the IDE paints straight into the session's human layer (views and undo see it at once), so when
     * {@link Annotator#annotate} returns, that layer already holds the answer: judged against it, an audit
     * would find nothing new to score and the fusion nothing to learn from.
     */
    private void rememberHumanLabelsBefore(List<Sample> samples) {
        humanBefore.clear();
        for (Sample sample : samples) {
            int frame = sample.frameIndex();
            if (!humanBefore.containsKey(frame)) {
                humanBefore.put(frame, session.labels().hasHuman(frame) ? session.labels().human(frame) : null);
            }
        }
    }

    private long annotate(int round, List<Sample> samples, SubMonitor monitor) {
        monitor.setWorkRemaining(samples.size());
        long clicks = 0;
        Map<Integer, FramePrediction> modelBeforeLabels = new HashMap<>();
        for (Sample sample : samples) {
            monitor.checkCanceled();
            Annotation annotation;
            try (FlowAhead ahead = FlowAhead.start(session.flowCache())) {
                annotation = annotator.annotate(sample, session);
            }
            int frame = sample.frameIndex();
            int[] pixels = sample.region().pixelIndices(session.width());
            LabelImage before = humanBefore.containsKey(frame) ? humanBefore.get(frame)
                    : session.labels().hasHuman(frame) ? session.labels().human(frame) : null;
            // scored before the labels are used: what the person saw against what the person gave
            estimator.observeSample(round, frame, pixels, session.labels().auto(frame), annotation.labels(), before,
                    audits.containsKey(sample), annotation.clicks(), audits.get(sample));
            if (fusion != null) {
                // the model's view of the frame as it was before this round's labels: each sample tests it
                FramePrediction modelBefore = modelBeforeLabels.computeIfAbsent(frame, f -> model.predict(session, f));
                fusion.learn(new HumanLabelsAsBefore(session, frame, before), frame,
                        withinRegion(annotation.labels(), pixels), modelBefore);
            }
            session.labels().putHuman(frame, sample.region(), annotation.labels());
            session.ledger().append(new LedgerEntry(round, sample, annotation.clicks(), annotation.seconds(),
                    annotation.annotatorId(), System.currentTimeMillis()));
            clicks += annotation.clicks();
            listeners.forEach(l -> l.sampleAnnotated(round, sample, annotation));
            monitor.worked(1);
        }
        return clicks;
    }

    /** The sample's own pixels of {@code labels}, unlabelled elsewhere: the evidence one sample gives. */
    private static LabelImage withinRegion(LabelImage labels, int[] pixels) {
        LabelImage only = LabelImage.unlabeled(labels.width(), labels.height());
        byte[] from = labels.ids();
        byte[] to = only.ids();
        for (int pixel : pixels) {
            to[pixel] = from[pixel];
        }
        return only;
    }

    /** @param timings the round's steps so far; evaluation, timed from {@code evaluationStarted}, is added here */
    private RoundReport finishRound(int round, List<Sample> samples, long roundClicks, Scores scores,
            RoundReport.Timings timings, long evaluationStarted) {
        double miou = Double.NaN;
        double[] perClass = new double[0];
        LabelSequence truth = session.groundTruth().orElse(null);
        if (truth != null) {
            ConfusionMatrix confusion = new ConfusionMatrix(session.labelMap().idSpan(), session.ignoreId());
            for (int f = 0; f < session.frameCount(); f++) {
                confusion.add(truth.labels(f), session.labels().merged(f));
            }
            miou = confusion.meanIou();
            perClass = confusion.perClassIou();
        }
        QualityEstimate estimate = estimator.estimate(round);
        double humanShare = session.labels().humanPixelCount()
                / ((double) session.frameCount() * session.width() * session.height());
        RoundReport report = new RoundReport(round, samples, roundClicks, session.ledger().totalClicks(),
                frameByFrameClicks, miou, perClass, estimate.miou(), humanShare, scores.frame.length,
                timings.withEvaluateMillis(millisSince(evaluationStarted)), estimate, roundWarnings);
        listeners.forEach(l -> l.roundFinished(report));
        return report;
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
