package org.frameloop.bench;

/**
 * One point of a run's curve: after {@code round}, {@code clicks} in total have been spent and every
 * frame's labels (human where given, automatic elsewhere) reach {@code miou} against the ground truth,
 * while the loop, blind to the truth, estimated {@code estimatedMiou} within {@code [lower, upper]}.
 *
 * @param samples      samples annotated so far
 * @param auditClicks  clicks spent on random audit samples so far (part of {@code clicks})
 */
public record CurvePoint(int round, int samples, long clicks, double miou, double estimatedMiou, double lower,
        double upper, long auditClicks) {

    /** A point without an estimate (baselines that need none). */
    public CurvePoint(int round, int samples, long clicks, double miou) {
        this(round, samples, clicks, miou, Double.NaN, Double.NaN, Double.NaN, 0);
    }
}
