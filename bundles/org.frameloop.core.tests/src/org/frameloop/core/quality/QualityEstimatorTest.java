package org.frameloop.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.frameloop.core.image.LabelImage;
import org.junit.jupiter.api.Test;

class QualityEstimatorTest {

    private static final int SIDE = 100;

    @Test
    void errorProbabilitiesKeepTheirSizeDownToOneInAMillion() {
        for (double e = 1; e >= 1e-6; e /= 3) {
            double kept = QualityEstimator.errorProbability(QualityEstimator.errorCode(e));
            assertEquals(e, kept, 0.03 * e, "error probability " + e);
        }
        assertEquals(QualityEstimator.MIN_ERROR, QualityEstimator.errorProbability(QualityEstimator.errorCode(0)), 1e-12);
    }

    /**
     * A labelling that claims 99.9% where 5% of its pixels are wrong: random audits find the 5%, and the
     * estimate follows them (a confidence of 0.999 once rounded to "certain" left nothing to scale up).
     */
    @Test
    void auditsScaleAnOverconfidentLabellingToTheErrorsTheyFind() {
        QualityEstimator estimator = new QualityEstimator(1, 2, -1);
        LabelImage delivered = LabelImage.unlabeled(SIDE, SIDE);
        Arrays.fill(delivered.ids(), (byte) 0);
        LabelImage truth = LabelImage.unlabeled(SIDE, SIDE);
        Arrays.fill(truth.ids(), (byte) 0);
        Random random = new Random(5);
        for (int i = 0; i < SIDE * SIDE; i++) {
            if (random.nextDouble() < 0.05) {
                truth.ids()[i] = 1;
            }
        }
        float[] confidence = new float[SIDE * SIDE];
        Arrays.fill(confidence, 0.999f);
        estimator.beginPrediction();
        estimator.observeFrame(0, delivered, confidence, null);
        for (int audit = 0; audit < 6; audit++) {
            int[] pixels = new int[400];
            for (int k = 0; k < pixels.length; k++) {
                pixels[k] = audit * 1600 + k;
            }
            estimator.observeSample(audit / 2 + 1, 0, pixels, delivered, truth, null, true, 10);
        }

        QualityEstimate estimate = estimator.estimate(3);

        assertEquals(0.95, estimate.frameAccuracy()[0], 0.015, "pixel accuracy");
        assertTrue(estimate.lower() <= estimate.miou() && estimate.miou() <= estimate.upper(), estimate.describe());
        // class 1 is never delivered: its IoU is 0, class 0's about 0.95
        assertEquals(0.475, estimate.miou(), 0.03, estimate.describe());
        assertEquals(6, estimate.auditedSamples());
        assertEquals(60, estimate.auditClicks());
    }
}
