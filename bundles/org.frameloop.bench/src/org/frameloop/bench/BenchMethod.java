package org.frameloop.bench;

import org.frameloop.core.registry.PluginChoice;

/**
 * One way of labelling a video that the bench measures: a baseline or one cell of the grid
 * (granularity × selector with the default model). Each method gets its own result folder per video.
 *
 * @param granularityName the command-line name of the granularity ({@code rect16}), also in folder names
 * @param samplesPerRound b, the most samples the selector proposes per round
 */
public record BenchMethod(Kind kind, String granularityName, PluginChoice granularity, String selectorId,
        PluginChoice model, int samplesPerRound, String fusionId) {

    /** The fusion id of methods whose automatic labels are the model's alone. */
    public static final String NO_FUSION = PluginChoice.NONE;

    public boolean fuses() {
        return !NO_FUSION.equals(fusionId);
    }

    /** The baselines of issue 6 and the grid cells. */
    public enum Kind {
        /** Every frame labelled by hand, in order: the 100% line. No model, no selector. */
        FRAME_BY_FRAME("frame-by-frame manual"),
        /** Evenly spread whole keyframes, the rest filled by flow propagation: what tools do today. */
        KEYFRAMES_PROPAGATION("uniform keyframes + propagation"),
        /**
         * Carried labels only: flow propagation as the model, samples chosen by the coverage selector on
         * its uncertainty (the ablation without a network).
         */
        CARRIED_ONLY("carried labels only (propagation + coverage)"),
        /** The default model's prediction before any annotation (round 0). */
        PRETRAINED("pretrained, no annotation"),
        /**
         * The default model predicts every frame once, then a person corrects every frame of its labels, in
         * order: what accept and correct costs without active learning. mIoU 1.0 at the end.
         */
        CORRECT_PRETRAINED("correct every frame of the pretrained labels"),
        /** Active selection with the default model: one cell of the grid. */
        ACTIVE("active");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** The folder name of this method's results inside a video's folder. */
    public String key() {
        return switch (kind) {
            case FRAME_BY_FRAME -> "baseline-frame-by-frame";
            case KEYFRAMES_PROPAGATION -> "baseline-keyframes-propagation";
            case PRETRAINED -> "baseline-pretrained";
            case CORRECT_PRETRAINED -> "baseline-correct-pretrained";
            case CARRIED_ONLY -> "baseline-carried-only";
            case ACTIVE -> granularityName + "--" + selectorId + (fuses() ? "--" + fusionId : "");
        };
    }

    /** A short name for tables and legends. */
    public String label() {
        return kind == Kind.ACTIVE ? granularityName + " / " + selectorId + (fuses() ? " + " + fusionId : "")
                : kind.title();
    }
}
