package org.frameloop.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

import org.frameloop.core.report.RoundReport;

/**
 * The finished measurement of one method on one video, as stored in its folder's {@code result.json}.
 *
 * @param settings            {@link BenchPlan#settingsFingerprint} of the run
 * @param frameByFrameClicks  the click model applied to every frame of the video
 * @param capClicks           clicks at which the run was capped; targets met beyond it count as not reached
 * @param curve               mIoU against cumulative clicks, round by round, starting at 0 clicks
 * @param finalPerClassIou    IoU per class id after the last round; null where a class is absent
 * @param stopReason          why the run ended, in words
 * @param seed                the selector seed
 * @param seconds             wall time of the run
 * @param stepSeconds         wall time by step ({@link #stepSeconds(RoundReport.Timings)}: select, annotate,
 *                            fineTune, predict, evaluate; a list, as result.json has always held it)
 */
public record CellResult(String video, BenchMethod method, String settings, int frames, String frameSize,
        long frameByFrameClicks, long capClicks, List<CurvePoint> curve, List<Double> finalPerClassIou,
        String stopReason, long seed, double seconds, List<Double> stepSeconds, String finishedAt) {

    public CellResult {
        curve = List.copyOf(curve);
        finalPerClassIou = Collections.unmodifiableList(new ArrayList<>(finalPerClassIou));
        stepSeconds = List.copyOf(stepSeconds);
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("a run has at least its round-0 point");
        }
    }

    /**
     * Clicks at the first point of the curve at or above {@code targetMiou} within the cap, or empty when
     * the run never got there ("not reached").
     */
    public OptionalLong clicksToTarget(double targetMiou) {
        return clicksToTarget(targetMiou, ClickProtocol.FROM_SCRATCH);
    }

    /**
     * As {@link #clicksToTarget(double)}, priced under {@code protocol}; the cap (in from-scratch clicks)
     * ends the curve for both protocols alike.
     */
    public OptionalLong clicksToTarget(double targetMiou, ClickProtocol protocol) {
        for (CurvePoint point : curve) {
            if (capClicks > 0 && point.clicks() > capClicks) {
                break;
            }
            if (point.miou() >= targetMiou) {
                return OptionalLong.of(point.clicks(protocol));
            }
        }
        return OptionalLong.empty();
    }

    /** {@link #clicksToTarget} as a share of frame-by-frame clicks; NaN when not reached. */
    public double shareOfFrameByFrame(double targetMiou) {
        return shareOfFrameByFrame(targetMiou, ClickProtocol.FROM_SCRATCH);
    }

    /**
     * {@link #clicksToTarget(double, ClickProtocol)} as a share of frame-by-frame clicks from scratch (one
     * denominator for both protocols, so that their shares compare); NaN when not reached.
     */
    public double shareOfFrameByFrame(double targetMiou, ClickProtocol protocol) {
        OptionalLong clicks = clicksToTarget(targetMiou, protocol);
        return clicks.isPresent() && frameByFrameClicks > 0 ? clicks.getAsLong() / (double) frameByFrameClicks
                : Double.NaN;
    }

    /** A run's time per step, in seconds, in the order {@code stepSeconds} holds them. */
    public static List<Double> stepSeconds(RoundReport.Timings millis) {
        return List.of(millis.selectMillis() / 1000.0, millis.annotateMillis() / 1000.0,
                millis.fineTuneMillis() / 1000.0, millis.predictMillis() / 1000.0, millis.evaluateMillis() / 1000.0);
    }

    public CurvePoint last() {
        return curve.get(curve.size() - 1);
    }
}
