package org.frameloop.bench;

/**
 * One point of a run's curve: after {@code round}, {@code clicks} in total have been spent and every
 * frame's labels (human where given, automatic elsewhere) reach {@code miou} against the ground truth,
 * while the loop, blind to the truth, estimated {@code estimatedMiou} within {@code [lower, upper]}.
 *
 * @param samples          samples annotated so far
 * @param clicks           clicks so far when every sample is drawn from scratch (the headline protocol)
 * @param auditClicks      clicks spent on random audit samples so far (part of {@code clicks})
 * @param correctionClicks clicks so far when every sample is corrected from the labels shown before the
 *                         person acts (the {@code correction} click model: accept and correct)
 */
public record CurvePoint(int round, int samples, long clicks, double miou, double estimatedMiou, double lower,
        double upper, long auditClicks, long correctionClicks) {

    /** A point without an estimate (baselines that need none) and without a proposal: correcting is drawing. */
    public CurvePoint(int round, int samples, long clicks, double miou) {
        this(round, samples, clicks, miou, Double.NaN, Double.NaN, Double.NaN, 0, clicks);
    }

    /** A point without an estimate, with both protocols' clicks. */
    public CurvePoint(int round, int samples, long clicks, double miou, long correctionClicks) {
        this(round, samples, clicks, miou, Double.NaN, Double.NaN, Double.NaN, 0, correctionClicks);
    }

    /** A point with an estimate and no proposal: correcting costs what drawing does. */
    public CurvePoint(int round, int samples, long clicks, double miou, double estimatedMiou, double lower,
            double upper, long auditClicks) {
        this(round, samples, clicks, miou, estimatedMiou, lower, upper, auditClicks, clicks);
    }

    /** The clicks so far under {@code protocol}. */
    public long clicks(ClickProtocol protocol) {
        return protocol == ClickProtocol.CORRECTION ? correctionClicks : clicks;
    }
}
