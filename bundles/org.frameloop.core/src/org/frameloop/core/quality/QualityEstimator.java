package org.frameloop.core.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.frameloop.core.image.LabelImage;

/**
 * Estimates the quality of the automatic labels without ground truth, from two sources:
 * <ul>
 * <li>each pixel's confidence (the probability that its label is right, as the label fusion calibrates
 * it, or the model's softmax without one), summed into an expected confusion per class;</li>
 * <li><em>audits</em>: samples drawn at random (not by the selector) and labelled by the person like any
 * other; before their labels are used, the automatic labels are scored against them. The ratio of the
 * errors they show to the errors the confidences expected on the same pixels rescales every pixel's
 * expected error, so a confidence that is too high (or too low) is corrected by what random samples
 * actually showed, however hard the selector's own samples are.</li>
 * </ul>
 * The 90% interval comes from the spread of the error ratios of the audits of the last rounds. Which true class a wrong
 * pixel has is taken from every labelled sample's errors (where the automatic label said l, how often the
 * person said c). Plain Java, primitive arrays; a frame's confidences are kept as a byte per pixel, the
 * probability of being wrong on a logarithmic scale (see {@link #errorCode}).
 */
public final class QualityEstimator {

    /**
     * Audits older than this many rounds measured labels that have changed since. Three lagged once carried
     * labels followed sub-pixel motion and improved faster round to round: the estimate then sat below the truth
     * (QualityEstimateTest, whole frames: 46 of 56 intervals held the truth with three, 52 with two).
     */
    static final int AUDIT_ROUNDS = 2;
    static final double PRIOR_LOG_SD = 1.0;
    static final double PRIOR_WEIGHT = 3;
    /** The prior error ratio (confidences are taken at face value) is worth this share of one audit. */
    private static final double PRIOR_AUDITS = 0.5;
    private static final byte UNLABELED = (byte) LabelImage.UNLABELED;

    private final int classes;
    private final int ignoreId;
    private final byte[][] confidence;
    private final double[] frameExpectedWrong;
    /** [frame][confidence bin]: expected errors of each frame's machine pixels by how sure they are. */
    private final double[][] frameExpectedWrongByBin;
    private final long[] frameMachinePixels;
    private final long[] framePixels;
    private final double[] expectedRight;
    private final double[] expectedWrong;
    /** [class][confidence bin]: expected errors of the pixels labelled with the class. */
    private final double[][] expectedWrongByBin;
    private final double[] human;
    /** Pixels left without any label: certain errors, whose true class is unknown. */
    private double unlabeled;
    /** [labelled as][truly]: wrong pixels seen in labelled samples. */
    private final double[][] confusedAs;
    private final List<Audit> audits = new ArrayList<>();

    /** Code of a pixel a person labelled: right for certain. */
    private static final byte HUMAN_CODE = (byte) 255;
    /** Code of a pixel outside the calibration: labelled void, or with no label at all (counted apart). */
    private static final byte NOT_COUNTED_CODE = (byte) 254;
    /** Codes per decade of error probability: neighbouring codes differ by 6%. */
    private static final double CODES_PER_DECADE = 40;
    /** The smallest error probability kept (code 240); below it a pixel counts as this. */
    static final double MIN_ERROR = 1e-6;

    /**
     * A byte for a pixel's probability of being wrong, on a log scale from 1 (code 0) to {@value #MIN_ERROR}
     * (code 240). A linear byte rounded every p above 0.998 to "certainly right", so a fusion that claims
     * 0.999 where 3% are wrong expected no errors at all, and no audit ratio could scale that up.
     */
    static byte errorCode(double errorProbability) {
        double e = Math.max(MIN_ERROR, Math.min(1, errorProbability));
        return (byte) Math.round(-CODES_PER_DECADE * Math.log10(e));
    }

    static double errorProbability(byte code) {
        int k = code & 0xFF;
        return k == (HUMAN_CODE & 0xFF) || k == (NOT_COUNTED_CODE & 0xFF) ? 0 : Math.pow(10, -k / CODES_PER_DECADE);
    }

    /**
     * One random sample scored before its labels were used; the error counts are weighted by
     * {@link AuditDraw.Drawn#weight()} for an audit drawn with unequal chances.
     */
    public record Audit(int round, double expectedWrong, double actualWrong, long pixels, long clicks,
            double[] expectedWrongByClass, double[] actualWrongByClass, double[][] expectedWrongByClassAndBin,
            double[] actualWrongByBin) {

        double[] expectedWrongByBin() {
            double[] byBin = new double[BINS];
            for (double[] row : expectedWrongByClassAndBin) {
                for (int b = 0; b < BINS; b++) {
                    byBin[b] += row[b];
                }
            }
            return byBin;
        }
    }

    /**
     * Upper ends of the confidence bins, in probability of being wrong. The audits' error ratio is measured per
     * bin as well as over all: a confidence can be too sure where it is sure and too timid where it is not
     * (flow propagation's decay with distance is both), and one ratio for all pixels then misjudges a video
     * whose share of sure pixels changed since the audits (each round's new labels make their neighbours sure).
     */
    private static final double[] BIN_UPPER = { 0.01, 0.05, 0.2, 1.0 };
    static final int BINS = BIN_UPPER.length;

    static int bin(double errorProbability) {
        for (int b = 0; b < BINS - 1; b++) {
            if (errorProbability < BIN_UPPER[b]) {
                return b;
            }
        }
        return BINS - 1;
    }

    /**
     * A class's own error ratio is shrunk towards the global one as if the global one had been measured on
     * this many audits of the class (errors cluster in objects: one audit is one observation of a class, not
     * thousands of pixels), so one audit in which a rare class happened to be wrong does not decide that
     * class's IoU alone. The same shrinkage holds for the confidence bins. (Counted in frames' worth of audited
     * pixels instead, so that tiles would not count as whole audits, it was measured worse on generated videos:
     * mean error 0.046 against 0.036 for rectangle runs, 0.021 against 0.019 for tile-audited frame runs.)
     */
    static final double CLASS_PRIOR_AUDITS = 3;
    /** ... plus this many expected wrong pixels, for classes the audits barely saw. */
    static final double CLASS_SHRINKAGE = 30;

    /**
     * @param classes  the label map's id span
     * @param ignoreId the void id, or -1
     */
    public QualityEstimator(int frames, int classes, int ignoreId) {
        this.classes = classes;
        this.ignoreId = ignoreId;
        confidence = new byte[frames][];
        frameExpectedWrong = new double[frames];
        frameExpectedWrongByBin = new double[frames][BINS];
        frameMachinePixels = new long[frames];
        framePixels = new long[frames];
        expectedRight = new double[classes];
        expectedWrong = new double[classes];
        expectedWrongByBin = new double[classes][BINS];
        human = new double[classes];
        confusedAs = new double[classes][classes];
    }

    /** Starts a new prediction of every frame: the per-class sums are rebuilt from the frames observed next. */
    public synchronized void beginPrediction() {
        Arrays.fill(expectedRight, 0);
        Arrays.fill(expectedWrong, 0);
        for (double[] row : expectedWrongByBin) {
            Arrays.fill(row, 0);
        }
        Arrays.fill(human, 0);
        unlabeled = 0;
    }

    /**
     * One frame's delivered labels with their confidence (probability of being right); pixels a person
     * labelled count as right.
     */
    public synchronized void observeFrame(int frameIndex, LabelImage labels, float[] pixelConfidence,
            LabelImage humanLabels) {
        byte[] ids = labels.ids();
        byte[] given = humanLabels == null ? null : humanLabels.ids();
        byte[] quantised = new byte[ids.length];
        double wrong = 0;
        double[] wrongByBin = new double[BINS];
        long machine = 0;
        for (int i = 0; i < ids.length; i++) {
            if (given != null && given[i] != UNLABELED) {
                int c = given[i] & 0xFF;
                if (c < classes && c != ignoreId) {
                    human[c]++;
                }
                quantised[i] = HUMAN_CODE;
                continue;
            }
            int c = ids[i] & 0xFF;
            if (c == ignoreId) {
                quantised[i] = NOT_COUNTED_CODE;
                continue;
            }
            if (c >= classes) {
                quantised[i] = NOT_COUNTED_CODE;
                unlabeled++;
                wrong++;
                machine++;
                continue;
            }
            float p = Math.max(0, Math.min(1, pixelConfidence[i]));
            quantised[i] = errorCode(1 - p);
            double q = 1 - errorProbability(quantised[i]);
            expectedRight[c] += q;
            expectedWrong[c] += 1 - q;
            int bin = bin(1 - q);
            expectedWrongByBin[c][bin] += 1 - q;
            wrongByBin[bin] += 1 - q;
            wrong += 1 - q;
            machine++;
        }
        confidence[frameIndex] = quantised;
        frameExpectedWrong[frameIndex] = wrong;
        frameExpectedWrongByBin[frameIndex] = wrongByBin;
        frameMachinePixels[frameIndex] = machine;
        framePixels[frameIndex] = ids.length;
    }

    /**
     * Errors the calibrated confidences expect among a region's machine pixels in the latest prediction
     * (what an audit drawn there would be compared with); 0 for a frame not yet observed.
     */
    public synchronized double expectedWrong(int frameIndex, int[] pixels) {
        byte[] conf = confidence[frameIndex];
        if (conf == null) {
            return 0;
        }
        double sum = 0;
        for (int i : pixels) {
            sum += errorProbability(conf[i]);
        }
        return sum;
    }

    /**
     * A person's labels for a sample, before they are stored: every sample teaches which classes wrong
     * labels truly have; an audit sample also measures the error rate against what the confidences expected.
     *
     * @param delivered the automatic labels the person saw (the frame's current automatic layer)
     * @param before    the frame's human labels before this sample (pixels already human are skipped)
     */
    public synchronized void observeSample(int round, int frameIndex, int[] pixels, LabelImage delivered,
            LabelImage given, LabelImage before, boolean audit, long clicks) {
        observeSample(round, frameIndex, pixels, delivered, given, before, audit, clicks, null);
    }

    /**
     * As {@link #observeSample(int, int, int[], LabelImage, LabelImage, LabelImage, boolean, long)}, for an
     * audit drawn with probability growing with its expected errors ({@link AuditDraw}): the expected error
     * count the draw makes it stand for replaces the audit's own, so that its errors over it estimate the
     * error ratio without bias, and both are weighted to stand for one mean candidate. Null: drawn uniformly.
     */
    public synchronized void observeSample(int round, int frameIndex, int[] pixels, LabelImage delivered,
            LabelImage given, LabelImage before, boolean audit, long clicks, AuditDraw.Drawn drawn) {
        byte[] auto = delivered.ids();
        byte[] truth = given.ids();
        byte[] earlier = before == null ? null : before.ids();
        byte[] conf = confidence[frameIndex];
        double expected = 0;
        long wrong = 0;
        long counted = 0;
        double[] expectedByClass = new double[classes];
        long[] wrongByClass = new long[classes];
        double[][] expectedByClassAndBin = new double[classes][BINS];
        double[] wrongByBin = new double[BINS];
        for (int i : pixels) {
            int t = truth[i] & 0xFF;
            int a = auto[i] & 0xFF;
            if (truth[i] == UNLABELED || t == ignoreId || t >= classes || (earlier != null && earlier[i] != UNLABELED)) {
                continue;
            }
            if (a >= classes) {
                continue; // no label at all: a certain error, counted apart from the calibration
            }
            counted++;
            double e = conf == null ? 1 : errorProbability(conf[i]);
            int bin = bin(e);
            if (a != t) {
                wrong++;
                wrongByClass[a]++;
                wrongByBin[bin]++;
                confusedAs[a][t]++;
            }
            expected += e;
            expectedByClass[a] += e;
            expectedByClassAndBin[a][bin] += e;
        }
        if (audit && counted > 0) {
            // the expected errors the draw makes the audit stand for replace its own, and both it and its
            // errors are weighted to stand for one mean candidate (AuditDraw.Drawn.weight)
            double standsFor = drawn != null && drawn.expectedWrong() > 0 && expected > 0
                    ? drawn.expectedWrong() / expected : 1;
            double weight = drawn == null ? 1 : drawn.weight();
            double[] weightedWrongByClass = new double[classes];
            for (int c = 0; c < classes; c++) {
                expectedByClass[c] *= standsFor * weight;
                weightedWrongByClass[c] = wrongByClass[c] * weight;
                for (int b = 0; b < BINS; b++) {
                    expectedByClassAndBin[c][b] *= standsFor * weight;
                }
            }
            for (int b = 0; b < BINS; b++) {
                wrongByBin[b] *= weight;
            }
            audits.add(new Audit(round, expected * standsFor * weight, wrong * weight, counted, clicks,
                    expectedByClass, weightedWrongByClass, expectedByClassAndBin, wrongByBin));
        }
    }

    public synchronized List<Audit> audits() {
        return List.copyOf(audits);
    }

    /** The estimate after the latest prediction, with audits up to {@code round}. */
    public synchronized QualityEstimate estimate(int round) {
        List<Audit> recent = audits.stream().filter(a -> a.round() > round - AUDIT_ROUNDS).toList();
        double ratio = errorRatio(recent);
        double[] binFactor = binRatios(recent, ratio);
        double[] classRatio = classRatios(recent, ratio, classes, binFactor);
        double miou = miou(ratio, classRatio, binFactor, null);
        double lower = 0;
        double upper = 1;
        if (!recent.isEmpty()) {
            double[] logRatio = ratioInterval(recent, ratio);
            // more errors than expected means lower quality: the interval's ends swap
            lower = Math.min(miou, miou(Math.exp(logRatio[1]), classRatio, binFactor, null));
            upper = Math.max(miou, miou(Math.exp(logRatio[0]), classRatio, binFactor, null));
        }
        double[] perClass = new double[classes];
        miou(ratio, classRatio, binFactor, perClass);
        double[] frames = new double[confidence.length];
        for (int f = 0; f < frames.length; f++) {
            double wrong = 0;
            for (int b = 0; b < BINS; b++) {
                wrong += binFactor[b] * frameExpectedWrongByBin[f][b];
            }
            frames[f] = framePixels[f] == 0 ? Double.NaN : 1 - Math.min(1, ratio * wrong / framePixels[f]);
        }
        long auditClicks = audits.stream().mapToLong(Audit::clicks).sum();
        return new QualityEstimate(miou, lower, upper, perClass, audits.size(), auditClicks, frames);
    }

    /**
     * A 90% interval for the log of the error ratio. Errors cluster (one wrong object is many wrong pixels),
     * so a round's audits are one observation, {@code log((actual + ½) / (expected + ½))} over them, not
     * thousands of pixels nor one per audit: they all measured one state of the labels, and how that state's
     * ratio carries over to the next prediction is shared by them all (counted per audit, the four quarter-frame
     * tiles of a whole-frame run narrowed the interval until it held the truth in 44 of 56 rounds). The spread
     * is shrunk towards a prior standard deviation of {@value #PRIOR_LOG_SD} (worth {@value #PRIOR_WEIGHT}
     * rounds) so that one or two agreeing rounds do not claim certainty. Student's t for the few rounds a
     * run has.
     */
    static double[] ratioInterval(List<Audit> recent, double pooledRatio) {
        SortedMap<Integer, double[]> byRound = new TreeMap<>();
        for (Audit a : recent) {
            double[] sums = byRound.computeIfAbsent(a.round(), r -> new double[2]);
            sums[0] += a.actualWrong();
            sums[1] += a.expectedWrong();
        }
        int n = byRound.size();
        double mean = 0;
        double[] x = new double[n];
        int k = 0;
        for (double[] sums : byRound.values()) {
            x[k] = Math.log((sums[0] + 0.5) / (sums[1] + 0.5));
            mean += x[k++] / n;
        }
        double squares = PRIOR_WEIGHT * PRIOR_LOG_SD * PRIOR_LOG_SD;
        for (double v : x) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1 + PRIOR_WEIGHT));
        double halfWidth = studentT90(n - 1 + PRIOR_WEIGHT) * sd / Math.sqrt(n);
        double centre = Math.log(pooledRatio);
        return new double[] { centre - halfWidth, centre + halfWidth };
    }

    /** Two-sided 90% quantile of Student's t with {@code dof} degrees of freedom (table, then normal). */
    private static double studentT90(double dof) {
        double[] table = { 6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812 };
        int d = (int) Math.floor(dof);
        return d < 1 ? table[0] : d <= table.length ? table[d - 1] : 1.645 + 1.6 / d;
    }

    /** Errors the audits showed over errors their confidences expected, with a prior of 1 worth half an audit. */
    private static double errorRatio(List<Audit> recent) {
        double actual = 0;
        double expected = 0;
        double pixels = 0;
        int n = recent.size();
        for (Audit audit : recent) {
            actual += audit.actualWrong();
            expected += audit.expectedWrong();
            pixels += audit.pixels();
        }
        if (n == 0) {
            return 1;
        }
        double prior = PRIOR_AUDITS * pixels / n * Math.max(1e-3, expected / Math.max(1, pixels));
        return (actual + prior) / Math.max(1e-9, expected + prior);
    }

    /** A little of every error may belong to any class the video shows, none to classes it never shows. */
    private double prior(int trueClass) {
        return human[trueClass] + expectedRight[trueClass] + expectedWrong[trueClass] > 0 ? 0.1 : 0;
    }

    /**
     * Per class of the automatic label: the audits' errors over expected errors among pixels labelled that
     * class, shrunk towards the global ratio, as a factor relative to it (errors often gather in one class).
     * The prior is worth {@value #CLASS_PRIOR_AUDITS} audits of the class's mean expected errors per audit.
     * The expected errors are taken as the confidence bins' factors already rescale them.
     */
    static double[] classRatios(List<Audit> recent, double globalRatio, int classes, double[] binFactor) {
        double[] factor = new double[classes];
        Arrays.fill(factor, 1);
        if (recent.isEmpty()) {
            return factor;
        }
        for (int c = 0; c < classes; c++) {
            double actual = 0;
            double expected = 0;
            for (Audit a : recent) {
                actual += a.actualWrongByClass()[c];
                // as the confidence bins already rescale it: the class's own factor is what they leave
                for (int b = 0; b < BINS; b++) {
                    expected += binFactor[b] * a.expectedWrongByClassAndBin()[c][b];
                }
            }
            factor[c] = shrunkFactor(actual, expected, recent.size(), globalRatio);
        }
        return factor;
    }

    /** Per confidence bin, as for classes: the audits' ratio there, shrunk towards the global one, relative to it. */
    static double[] binRatios(List<Audit> recent, double globalRatio) {
        double[] factor = new double[BINS];
        Arrays.fill(factor, 1);
        if (recent.isEmpty()) {
            return factor;
        }
        double[] actual = new double[BINS];
        double[] expected = new double[BINS];
        for (Audit a : recent) {
            double[] byBin = a.expectedWrongByBin();
            for (int b = 0; b < BINS; b++) {
                actual[b] += a.actualWrongByBin()[b];
                expected[b] += byBin[b];
            }
        }
        for (int b = 0; b < BINS; b++) {
            factor[b] = shrunkFactor(actual[b], expected[b], recent.size(), globalRatio);
        }
        return factor;
    }

    private static double shrunkFactor(double actual, double expected, int audits, double globalRatio) {
        double prior = CLASS_PRIOR_AUDITS * expected / audits + CLASS_SHRINKAGE;
        return (actual + prior * globalRatio) / (expected + prior) / globalRatio;
    }

    /**
     * mIoU of the expected confusion with every machine pixel's expected error scaled by {@code ratio} times
     * its class's and its confidence bin's factors.
     */
    private double miou(double ratio, double[] classFactor, double[] binFactor, double[] perClassOut) {
        double[] tp = new double[classes];
        double[] fp = new double[classes];
        double[] fn = new double[classes];
        for (int c = 0; c < classes; c++) {
            double binned = 0;
            for (int b = 0; b < BINS; b++) {
                binned += binFactor[b] * expectedWrongByBin[c][b];
            }
            double wrong = Math.min(expectedRight[c] + expectedWrong[c], ratio * classFactor[c] * binned);
            double right = expectedRight[c] + expectedWrong[c] - wrong;
            tp[c] += right + human[c];
            fp[c] += wrong;
            // where label c is wrong, the truth is spread like the errors labelled samples showed
            double rowTotal = 0;
            for (int t = 0; t < classes; t++) {
                rowTotal += t == c || t == ignoreId ? 0 : confusedAs[c][t] + prior(t);
            }
            for (int t = 0; t < classes && rowTotal > 0; t++) {
                if (t != c && t != ignoreId) {
                    fn[t] += wrong * (confusedAs[c][t] + prior(t)) / rowTotal;
                }
            }
        }
        double sum = 0;
        int counted = 0;
        // pixels without a label miss their true class, spread like the classes the video shows
        double shown = 0;
        for (int t = 0; t < classes; t++) {
            shown += t == ignoreId ? 0 : human[t] + expectedRight[t] + expectedWrong[t];
        }
        for (int t = 0; t < classes && shown > 0; t++) {
            if (t != ignoreId) {
                fn[t] += unlabeled * (human[t] + expectedRight[t] + expectedWrong[t]) / shown;
            }
        }
        for (int c = 0; c < classes; c++) {
            double union = tp[c] + fp[c] + fn[c];
            double iou = c == ignoreId || union < 0.5 ? Double.NaN : tp[c] / union;
            if (perClassOut != null) {
                perClassOut[c] = iou;
            }
            if (!Double.isNaN(iou)) {
                sum += iou;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }
}
