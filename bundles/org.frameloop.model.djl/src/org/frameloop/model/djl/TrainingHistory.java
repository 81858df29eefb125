package org.frameloop.model.djl;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonObject;

/**
 * Where a network's weights come from, stored in its checkpoint so a person can tell a pretrained
 * model from a randomly initialised one and see how much it was adapted.
 *
 * @param origin                   how the weights started ("random initialisation, seed 7", "pretrained")
 * @param trainingData             what it was pretrained on, or "" when it was not
 * @param pretrainingSteps         optimiser steps of pretraining
 * @param fineTuningSteps          optimiser steps of test-time fine-tuning since the checkpoint was made
 * @param batchNormStatisticsSteps training-mode steps that updated the batch-norm running statistics
 */
record TrainingHistory(String origin, String trainingData, long pretrainingSteps, long fineTuningSteps,
        long batchNormStatisticsSteps) {

    /**
     * Batch-norm running statistics count as estimated after this many training-mode updates (with
     * momentum 0.9 the initial values then weigh 0.9^50 &lt; 1%).
     */
    static final long STATISTICS_SETTLED_STEPS = 50;

    static TrainingHistory randomInitialisation(long seed) {
        return new TrainingHistory("random initialisation, seed " + seed, "", 0, 0, 0);
    }

    /** Whether fine-tuning should keep the batch-norm statistics fixed (see {@link FineTuner}). */
    boolean batchNormStatisticsSettled() {
        return batchNormStatisticsSteps >= STATISTICS_SETTLED_STEPS;
    }

    /**
     * One more pretraining step on {@code data}. A run resumed on other data (e.g. continued on more sequences)
     * keeps the earlier phases: "A (steps 1-4000); B (steps 4001-5500)".
     */
    TrainingHistory afterPretrainingStep(String data) {
        long step = pretrainingSteps + 1;
        String phases = trainingData;
        if (phases.isEmpty()) {
            phases = data;
        } else if (!phases.equals(data)) {
            if (!LAST_PHASE.matcher(phases).find()) {
                phases = phases + " (steps 1-" + pretrainingSteps + ")";
            }
            Matcher last = LAST_PHASE.matcher(phases);
            if (last.find() && last.group(1).equals(data)) {
                phases = phases.substring(0, last.start(2)) + step + ")";
            } else {
                phases = phases + "; " + data + " (steps " + step + "-" + step + ")";
            }
        }
        return new TrainingHistory(origin, phases, step, fineTuningSteps, batchNormStatisticsSteps + 1);
    }

    /** The last phase of a phased description: its data and the number of its last step. */
    private static final Pattern LAST_PHASE = Pattern.compile("(?:^|; )([^;]*) \\(steps \\d+-(\\d+)\\)$");

    TrainingHistory afterFineTuningStep(boolean updatedStatistics) {
        return new TrainingHistory(origin, trainingData, pretrainingSteps, fineTuningSteps + 1,
                batchNormStatisticsSteps + (updatedStatistics ? 1 : 0));
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("origin", origin);
        json.addProperty("trainingData", trainingData);
        json.addProperty("pretrainingSteps", pretrainingSteps);
        json.addProperty("fineTuningSteps", fineTuningSteps);
        json.addProperty("batchNormStatisticsSteps", batchNormStatisticsSteps);
        json.addProperty("savedAt", Instant.now().toString());
        return json;
    }

    static TrainingHistory fromJson(JsonObject json) {
        return new TrainingHistory(text(json, "origin"), text(json, "trainingData"), number(json, "pretrainingSteps"),
                number(json, "fineTuningSteps"), number(json, "batchNormStatisticsSteps"));
    }

    private static String text(JsonObject json, String key) {
        return json.has(key) ? json.get(key).getAsString() : "";
    }

    private static long number(JsonObject json, String key) {
        return json.has(key) ? json.get(key).getAsLong() : 0;
    }
}
