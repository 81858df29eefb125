package org.frameloop.fusion;

import org.frameloop.core.carry.CarriedLabels;
import org.frameloop.core.image.LabelImage;

/**
 * The situations a pixel's automatic label can be in, numbered densely: what reaches it from the human
 * labels (nothing, one direction, both agreeing, both disagreeing), how far the nearer carried label
 * travelled (in frames, binned roughly logarithmically), how sure the model is (binned), and whether the
 * model's label is the nearer carried label, the farther one, or another.
 */
final class Situations {

    static final int NOTHING = 0;
    static final int ONE_WAY = 1;
    static final int BOTH_AGREE = 2;
    static final int BOTH_DISAGREE = 3;

    /** Lower edges of the age bins, in frames; the last is open-ended. */
    private static final float[] AGE_EDGES = { 0, 1.5f, 2.5f, 4.5f, 8.5f, 16.5f, 32.5f };
    private static final float[] AGE_TYPICAL = { 1, 2, 3.5f, 6.5f, 12.5f, 24.5f, 48 };
    /** Lower edges of the model-confidence bins; the last is open-ended. */
    private static final float[] CONFIDENCE_EDGES = { 0, 0.5f, 0.7f, 0.85f, 0.95f };
    private static final float[] CONFIDENCE_TYPICAL = { 0.4f, 0.6f, 0.78f, 0.9f, 0.97f };

    static final int MODEL_IS_NEARER = 0;
    static final int MODEL_IS_FARTHER = 1;
    static final int MODEL_IS_OTHER = 2;

    static final int COUNT = 4 * AGE_EDGES.length * CONFIDENCE_EDGES.length * 3;

    private static final byte UNLABELED = (byte) LabelImage.UNLABELED;

    /** A pixel's situation and the carried label it would take (unlabeled when none reaches it). */
    record Pixel(int situation, byte carried) {
    }

    private Situations() {
    }

    static Pixel of(CarriedLabels.Frame frame, int i, byte modelLabel, float modelConfidence, int ignoreId) {
        byte forward = usable(frame.forwardLabels()[i], ignoreId);
        byte backward = usable(frame.backwardLabels()[i], ignoreId);
        float forwardAge = forward == UNLABELED ? CarriedLabels.NEVER : frame.forwardAge()[i];
        float backwardAge = backward == UNLABELED ? CarriedLabels.NEVER : frame.backwardAge()[i];
        byte nearer;
        byte farther;
        float age;
        int reach;
        if (forward == UNLABELED && backward == UNLABELED) {
            nearer = UNLABELED;
            farther = UNLABELED;
            age = 0;
            reach = NOTHING;
        } else if (forward == UNLABELED || backward == UNLABELED) {
            nearer = forward == UNLABELED ? backward : forward;
            farther = UNLABELED;
            age = Math.min(forwardAge, backwardAge);
            reach = ONE_WAY;
        } else {
            boolean forwardNearer = forwardAge <= backwardAge;
            nearer = forwardNearer ? forward : backward;
            farther = forwardNearer ? backward : forward;
            age = Math.min(forwardAge, backwardAge);
            reach = forward == backward ? BOTH_AGREE : BOTH_DISAGREE;
        }
        int relation = modelLabel == nearer ? MODEL_IS_NEARER
                : reach == BOTH_DISAGREE && modelLabel == farther ? MODEL_IS_FARTHER : MODEL_IS_OTHER;
        int situation = index(reach, bin(age, AGE_EDGES), bin(modelConfidence, CONFIDENCE_EDGES), relation);
        return new Pixel(situation, nearer);
    }

    private static byte usable(byte label, int ignoreId) {
        return (label & 0xFF) == ignoreId ? UNLABELED : label;
    }

    static int index(int reach, int ageBin, int confidenceBin, int relation) {
        return ((reach * AGE_EDGES.length + ageBin) * CONFIDENCE_EDGES.length + confidenceBin) * 3 + relation;
    }

    private static int bin(float value, float[] edges) {
        int bin = 0;
        while (bin + 1 < edges.length && value >= edges[bin + 1]) {
            bin++;
        }
        return bin;
    }

    private static int reach(int situation) {
        return situation / (3 * CONFIDENCE_EDGES.length * AGE_EDGES.length);
    }

    private static int ageBin(int situation) {
        return situation / (3 * CONFIDENCE_EDGES.length) % AGE_EDGES.length;
    }

    private static int confidenceBin(int situation) {
        return situation / 3 % CONFIDENCE_EDGES.length;
    }

    private static int relation(int situation) {
        return situation % 3;
    }

    /**
     * Before any evidence: a carried label is right less often the farther it travelled, more often when
     * both directions agree; the model's softmax is taken as slightly overconfident.
     */
    static double carriedPrior(int situation) {
        int reach = reach(situation);
        if (reach == NOTHING) {
            return 0;
        }
        double age = AGE_TYPICAL[ageBin(situation)];
        double carried = switch (reach) {
            case BOTH_AGREE -> 0.98 * Math.exp(-age / 80);
            case ONE_WAY -> 0.95 * Math.exp(-age / 40);
            default -> 0.7 * Math.exp(-age / 40);
        };
        if (relation(situation) == MODEL_IS_NEARER) {
            // two sources saying the same thing
            return 1 - (1 - carried) * (1 - modelAlone(situation));
        }
        return carried;
    }

    static double modelPrior(int situation) {
        if (relation(situation) == MODEL_IS_NEARER) {
            return carriedPrior(situation);
        }
        double model = modelAlone(situation);
        if (relation(situation) == MODEL_IS_FARTHER) {
            return Math.max(model, 1 - carriedPrior(situation));
        }
        return reach(situation) == NOTHING ? model : model * 0.9;
    }

    private static double modelAlone(int situation) {
        return 0.9 * CONFIDENCE_TYPICAL[confidenceBin(situation)];
    }
}
