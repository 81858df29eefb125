package org.frameloop.core.spi;

import java.util.List;

import org.frameloop.core.report.RoundReport;

/**
 * A granularity that changes how it cuts frames as the loop progresses (e.g. small rectangles early,
 * whole frames near the target). The loop asks for candidates afresh every round instead of caching them,
 * and calls {@link #observe} right before; the report of the round whose candidates are being scored is
 * not finished yet, so decisions lag one round.
 */
public interface RoundAwareGranularity extends Granularity {

    /**
     * @param finishedRounds every finished round so far, round 0 (no annotation) first
     * @param targetQuality  the loop's quality target (mIoU)
     */
    void observe(List<RoundReport> finishedRounds, double targetQuality);

    /**
     * How many samples of the current size make one round, given the loop's samples per round; by default
     * unchanged. A granularity whose sample size changes can keep the area annotated per round constant.
     */
    default int samplesPerRound(int configuredSamplesPerRound) {
        return configuredSamplesPerRound;
    }

    /** What the granularity cuts now, for people ("rect 32", "frame"). */
    String currentDescription();
}
