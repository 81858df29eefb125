package org.frameloop.bench;

/**
 * One point of a run's curve: after {@code round}, {@code clicks} in total have been spent and every
 * frame's labels (human where given, the model's elsewhere) reach {@code miou} against the ground truth.
 *
 * @param samples          samples annotated so far
 * @param clicks           clicks so far when every sample is drawn from scratch (the headline protocol)
 * @param correctionClicks clicks so far when every sample is corrected from the labels shown before the
 *                         person acts (the {@code correction} click model: accept and correct)
 */
public record CurvePoint(int round, int samples, long clicks, double miou, long correctionClicks) {

    /** A point of a method that shows no proposal: correcting costs what drawing does. */
    public CurvePoint(int round, int samples, long clicks, double miou) {
        this(round, samples, clicks, miou, clicks);
    }

    /** The clicks so far under {@code protocol}. */
    public long clicks(ClickProtocol protocol) {
        return protocol == ClickProtocol.CORRECTION ? correctionClicks : clicks;
    }
}
