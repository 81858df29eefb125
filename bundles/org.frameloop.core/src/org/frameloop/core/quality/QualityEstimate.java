package org.frameloop.core.quality;

import java.util.Locale;

/**
 * Whole-video quality estimated without ground truth: mIoU with a 90% interval, per-class IoU, and the
 * estimated pixel accuracy of every frame (for the review queue, weakest first).
 *
 * @param miou           estimated mIoU of the labels the product delivers
 * @param lower          lower end of the 90% interval (0 without audits: nothing vouches for the estimate)
 * @param upper          upper end of the 90% interval
 * @param perClassIou    estimated IoU per class id (NaN for classes neither labelled nor predicted)
 * @param auditedSamples random audit samples the interval rests on
 * @param auditClicks    clicks spent on those audits (they are labels too, counted in the ledger)
 * @param frameAccuracy  estimated pixel accuracy of each frame's labels
 */
public record QualityEstimate(double miou, double lower, double upper, double[] perClassIou, int auditedSamples,
        long auditClicks, double[] frameAccuracy) {

    /** An estimate that is a bare number with nothing behind it (journals of older projects). */
    public static QualityEstimate unaudited(double value) {
        return new QualityEstimate(value, 0, 1, new double[0], 0, 0, new double[0]);
    }

    /** "estimated mIoU 0.953 (90% interval 0.941–0.962, 14 audited samples)". */
    public String describe() {
        if (auditedSamples == 0) {
            return String.format(Locale.ROOT, "estimated mIoU %.3f (no audited samples yet: no interval)", miou);
        }
        return String.format(Locale.ROOT, "estimated mIoU %.3f (90%% interval %.3f–%.3f, %d audited sample%s)", miou,
                lower, upper, auditedSamples, auditedSamples == 1 ? "" : "s");
    }
}
