package org.frameloop.core.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /** Audits older than this many rounds measured labels that have changed since. */
    static final int AUDIT_ROUNDS = 3;
    static final double PRIOR_LOG_SD = 1.0;
    static final double PRIOR_WEIGHT = 3;
    /** The prior error ratio (confidences are taken at face value) is worth this share of one audit. */
    private static final double PRIOR_AUDITS = 0.5;
    private static final byte UNLABELED = (byte) LabelImage.UNLABELED;

    private final int classes;
    private final int ignoreId;
    private final byte[][] confidence;
    private final double[] frameExpectedWrong;
    private final long[] frameMachinePixels;
    private final long[] framePixels;
    private final double[] expectedRight;
    private final double[] expectedWrong;
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

    /** One random sample scored before its labels were used. */
    public record Audit(int round, double expectedWrong, long actualWrong, long pixels, long clicks,
            double[] expectedWrongByClass, long[] actualWrongByClass) {
    }

    /**
     * A class's own error ratio is shrunk towards the global one as if the global one had been measured on
     * this many audits of the class (errors cluster in objects: one audit is one observation of a class, not
     * thousands of pixels), so one audit frame in which a rare class happened to be wrong does not decide
     * that class's IoU alone.
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
        frameMachinePixels = new long[frames];
        framePixels = new long[frames];
        expectedRight = new double[classes];
        expectedWrong = new double[classes];
        human = new double[classes];
        confusedAs = new double[classes][classes];
    }

    /** Starts a new prediction of every frame: the per-class sums are rebuilt from the frames observed next. */
    public synchronized void beginPrediction() {
        Arrays.fill(expectedRight, 0);
        Arrays.fill(expectedWrong, 0);
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
            wrong += 1 - q;
            machine++;
        }
        confidence[frameIndex] = quantised;
        frameExpectedWrong[frameIndex] = wrong;
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
        observeSample(round, frameIndex, pixels, delivered, given, before, audit, clicks, Double.NaN);
    }

    /**
     * As {@link #observeSample(int, int, int[], LabelImage, LabelImage, LabelImage, boolean, long)}, for an
     * audit drawn with probability growing with its expected errors: {@code drawnExpectedWrong} is the
     * expected error count the draw makes it stand for (see {@link AuditDraw}), which replaces the audit's own
     * so that its errors over it estimate the error ratio without bias. NaN: drawn uniformly.
     */
    public synchronized void observeSample(int round, int frameIndex, int[] pixels, LabelImage delivered,
            LabelImage given, LabelImage before, boolean audit, long clicks, double drawnExpectedWrong) {
        byte[] auto = delivered.ids();
        byte[] truth = given.ids();
        byte[] earlier = before == null ? null : before.ids();
        byte[] conf = confidence[frameIndex];
        double expected = 0;
        long wrong = 0;
        long counted = 0;
        double[] expectedByClass = new double[classes];
        long[] wrongByClass = new long[classes];
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
            if (a != t) {
                wrong++;
                wrongByClass[a]++;
                confusedAs[a][t]++;
            }
            double e = conf == null ? 1 : errorProbability(conf[i]);
            expected += e;
            expectedByClass[a] += e;
        }
        if (audit && counted > 0) {
            if (!Double.isNaN(drawnExpectedWrong) && expected > 0) {
                double scale = drawnExpectedWrong / expected;
                for (int c = 0; c < classes; c++) {
                    expectedByClass[c] *= scale;
                }
                expected = drawnExpectedWrong;
            }
            audits.add(new Audit(round, expected, wrong, counted, clicks, expectedByClass, wrongByClass));
        }
    }

    public synchronized List<Audit> audits() {
        return List.copyOf(audits);
    }

    /** The estimate after the latest prediction, with audits up to {@code round}. */
    public synchronized QualityEstimate estimate(int round) {
        List<Audit> recent = audits.stream().filter(a -> a.round() > round - AUDIT_ROUNDS).toList();
        double ratio = errorRatio(recent);
        double[] classRatio = classRatios(recent, ratio, classes);
        double miou = miou(ratio, classRatio, null);
        double lower = 0;
        double upper = 1;
        if (!recent.isEmpty()) {
            double[] logRatio = ratioInterval(recent, ratio);
            // more errors than expected means lower quality: the interval's ends swap
            lower = Math.min(miou, miou(Math.exp(logRatio[1]), classRatio, null));
            upper = Math.max(miou, miou(Math.exp(logRatio[0]), classRatio, null));
        }
        double[] perClass = new double[classes];
        miou(ratio, classRatio, perClass);
        double[] frames = new double[confidence.length];
        for (int f = 0; f < frames.length; f++) {
            frames[f] = framePixels[f] == 0 ? Double.NaN
                    : 1 - Math.min(1, ratio * frameExpectedWrong[f] / framePixels[f]);
        }
        long auditClicks = audits.stream().mapToLong(Audit::clicks).sum();
        return new QualityEstimate(miou, lower, upper, perClass, audits.size(), auditClicks, frames);
    }

    /**
     * A 90% interval for the log of the error ratio. Errors cluster (one wrong object is many wrong pixels),
     * so each audit is one observation, {@code log((actual + ½) / (expected + ½))}, not thousands of pixels;
     * their spread is shrunk towards a prior standard deviation of {@value #PRIOR_LOG_SD} (worth
     * {@value #PRIOR_WEIGHT} audits) so that one or two agreeing audits do not claim certainty. Student's t
     * for the few audits a run has.
     */
    static double[] ratioInterval(List<Audit> recent, double pooledRatio) {
        int n = recent.size();
        double mean = 0;
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            Audit a = recent.get(k);
            x[k] = Math.log((a.actualWrong() + 0.5) / (a.expectedWrong() + 0.5));
            mean += x[k] / n;
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
     */
    static double[] classRatios(List<Audit> recent, double globalRatio, int classes) {
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
                expected += a.expectedWrongByClass()[c];
            }
            double prior = CLASS_PRIOR_AUDITS * expected / recent.size() + CLASS_SHRINKAGE;
            double shrunk = (actual + prior * globalRatio) / (expected + prior);
            factor[c] = shrunk / globalRatio;
        }
        return factor;
    }

    /**
     * mIoU of the expected confusion with every machine pixel's expected error scaled by {@code ratio} times
     * its class's factor.
     */
    private double miou(double ratio, double[] classFactor, double[] perClassOut) {
        double[] tp = new double[classes];
        double[] fp = new double[classes];
        double[] fn = new double[classes];
        for (int c = 0; c < classes; c++) {
            double wrong = Math.min(expectedRight[c] + expectedWrong[c], ratio * classFactor[c] * expectedWrong[c]);
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
