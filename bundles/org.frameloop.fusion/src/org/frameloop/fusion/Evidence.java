package org.frameloop.fusion;

/**
 * Counts, per situation, how many human-labelled pixels were tested and how often the carried label and
 * the model's label were right; rates are shrunk towards a prior worth a given number of pixels.
 */
final class Evidence {

    private final double[] tested;
    private final double[] carriedRight;
    private final double[] modelRight;

    Evidence(int situations) {
        tested = new double[situations];
        carriedRight = new double[situations];
        modelRight = new double[situations];
    }

    void add(int situation, boolean carriedWasRight, boolean modelWasRight) {
        tested[situation]++;
        if (carriedWasRight) {
            carriedRight[situation]++;
        }
        if (modelWasRight) {
            modelRight[situation]++;
        }
    }

    /** Older evidence keeps {@code factor} of its weight. */
    void decay(double factor) {
        for (int s = 0; s < tested.length; s++) {
            tested[s] *= factor;
            carriedRight[s] *= factor;
            modelRight[s] *= factor;
        }
    }

    double carriedRate(int situation, double prior, double priorStrength) {
        return (carriedRight[situation] + prior * priorStrength) / (tested[situation] + priorStrength);
    }

    double modelRate(int situation, double prior, double priorStrength) {
        return (modelRight[situation] + prior * priorStrength) / (tested[situation] + priorStrength);
    }
}
