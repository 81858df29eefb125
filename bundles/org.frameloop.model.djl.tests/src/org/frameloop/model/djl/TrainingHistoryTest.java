package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainingHistoryTest {

    private static TrainingHistory steps(TrainingHistory history, String data, int count) {
        for (int i = 0; i < count; i++) {
            history = history.afterPretrainingStep(data);
        }
        return history;
    }

    @Test
    void oneDataSetIsNamedPlainlyAndAContinuationOnOtherDataKeepsEachPhaseWithItsSteps() {
        TrainingHistory first = steps(TrainingHistory.randomInitialisation(1), "A, B", 4);
        assertEquals("A, B", first.trainingData());

        TrainingHistory continued = steps(first, "A, B, C", 3);
        assertEquals("A, B (steps 1-4); A, B, C (steps 5-7)", continued.trainingData());
        assertEquals(7, continued.pretrainingSteps());

        TrainingHistory back = steps(continued, "A, B", 2);
        assertEquals("A, B (steps 1-4); A, B, C (steps 5-7); A, B (steps 8-9)", back.trainingData());
        assertEquals(back, TrainingHistory.fromJson(back.toJson()), "survives the checkpoint manifest");
    }
}
