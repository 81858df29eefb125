package org.frameloop.core.loop;

import java.util.List;

import org.frameloop.core.report.RoundReport;

/** Every round's report and why the loop stopped. */
public record LoopResult(List<RoundReport> rounds, StopReason stopReason) {

    public enum StopReason {
        TARGET_REACHED("the quality target was reached"),
        ROUND_LIMIT("the round limit was reached"),
        CLICK_CAP("the click cap was reached"),
        NOTHING_LEFT("every candidate sample is annotated");

        private final String description;

        StopReason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public LoopResult {
        rounds = List.copyOf(rounds);
    }

    public RoundReport last() {
        return rounds.get(rounds.size() - 1);
    }
}
