package org.frameloop.core.report;

import java.util.List;

import org.frameloop.core.quality.QualityEstimate;
import org.frameloop.core.sample.Sample;

/**
 * What one round did and reached. Round 0 is the model before any annotation.
 *
 * @param miou               mIoU of every frame's labels (human where present, model elsewhere) against the
 *                           ground truth; NaN without ground truth
 * @param perClassIou        per class id; NaN where a class appears in neither truth nor labels
 * @param estimatedQuality   the estimated mIoU ({@code estimate.miou()})
 * @param estimate           the quality estimated without ground truth, with its interval and audits
 * @param frameByFrameClicks the click model's cost of labelling every frame by hand, or -1 when unknown
 * @param candidateCount     candidates the selector chose from (annotated ones included)
 * @param warnings           what went wrong but was worked around in this round, for the user (a selector
 *                           that failed and was replaced by the default one); empty when nothing did
 */
public record RoundReport(int round, List<Sample> samples, long roundClicks, long totalClicks, long frameByFrameClicks,
        double miou, double[] perClassIou, double estimatedQuality, double humanPixelShare, int candidateCount,
        Timings timings, QualityEstimate estimate, List<String> warnings) {

    /** A report of a round in which nothing had to be worked around. */
    public RoundReport(int round, List<Sample> samples, long roundClicks, long totalClicks, long frameByFrameClicks,
            double miou, double[] perClassIou, double estimatedQuality, double humanPixelShare, int candidateCount,
            Timings timings, QualityEstimate estimate) {
        this(round, samples, roundClicks, totalClicks, frameByFrameClicks, miou, perClassIou, estimatedQuality,
                humanPixelShare, candidateCount, timings, estimate, List.of());
    }

    /** A report whose estimate is a bare number (journals of older projects, tests). */
    public RoundReport(int round, List<Sample> samples, long roundClicks, long totalClicks, long frameByFrameClicks,
            double miou, double[] perClassIou, double estimatedQuality, double humanPixelShare, int candidateCount,
            Timings timings) {
        this(round, samples, roundClicks, totalClicks, frameByFrameClicks, miou, perClassIou, estimatedQuality,
                humanPixelShare, candidateCount, timings, QualityEstimate.unaudited(estimatedQuality));
    }

    /** Wall time of each step of the round, in milliseconds. */
    public record Timings(long selectMillis, long annotateMillis, long fineTuneMillis, long predictMillis,
            long evaluateMillis) {

        /** No time spent yet: the start of a sum over rounds. */
        public static final Timings NONE = new Timings(0, 0, 0, 0, 0);

        public long totalMillis() {
            return selectMillis + annotateMillis + fineTuneMillis + predictMillis + evaluateMillis;
        }

        /** Step by step, the time of both (e.g. a whole run's time per step). */
        public Timings plus(Timings other) {
            return new Timings(selectMillis + other.selectMillis, annotateMillis + other.annotateMillis,
                    fineTuneMillis + other.fineTuneMillis, predictMillis + other.predictMillis,
                    evaluateMillis + other.evaluateMillis);
        }

        /** These timings with the evaluation step's time set. */
        public Timings withEvaluateMillis(long millis) {
            return new Timings(selectMillis, annotateMillis, fineTuneMillis, predictMillis, millis);
        }
    }

    public RoundReport {
        samples = List.copyOf(samples);
        warnings = List.copyOf(warnings);
    }

    /** This report with {@code roundWarnings} as its warnings. */
    public RoundReport withWarnings(List<String> roundWarnings) {
        return new RoundReport(round, samples, roundClicks, totalClicks, frameByFrameClicks, miou, perClassIou,
                estimatedQuality, humanPixelShare, candidateCount, timings, estimate, roundWarnings);
    }

    /** Clicks so far as a share of labelling every frame by hand (NaN when that is unknown). */
    public double clickShareOfFrameByFrame() {
        return frameByFrameClicks > 0 ? totalClicks / (double) frameByFrameClicks : Double.NaN;
    }

    /**
     * The quality the loop steers by: measured mIoU when ground truth exists, otherwise the lower end of
     * the estimate's interval (a run without ground truth stops only when the audits vouch for the target).
     */
    public double quality() {
        return Double.isNaN(miou) ? estimate.lower() : miou;
    }
}
