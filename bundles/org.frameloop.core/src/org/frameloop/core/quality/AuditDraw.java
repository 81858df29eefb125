package org.frameloop.core.quality;

import java.util.Random;

/**
 * Draws one audit among candidates with probability growing with the errors the confidences expect in each,
 * and says how many expected errors the drawn one stands for.
 * <p>
 * Why not uniformly: on real footage frames differ a lot, and with about one audit per round the error
 * ratio measured on one uniformly drawn frame swung the whole-video estimate by 0.2 (Seq05VD). Drawn with
 * probability {@code p = (e + α·ē) / ((1 + α)·E)} (e: the candidate's expected errors, ē their mean, E
 * their sum), the audit's actual errors over {@code ẽ = (e + α·ē) / (1 + α)} estimate the ratio of actual to
 * expected errors over all the candidates without bias, and when errors follow the expected ones (more
 * where the labels are less sure) that ratio varies far less from audit to audit than one frame's error
 * count. The {@code α·ē} part keeps every candidate drawable: a frame the confidences wrongly call perfect
 * is audited at a third of the average rate at least (α = ½).
 */
public final class AuditDraw {

    /** Share of the mean expected errors given to every candidate (defensive mixture with a uniform draw). */
    static final double UNIFORM_SHARE = 0.5;

    /**
     * The drawn candidate's index, the expected errors it stands for (its audit's denominator) and the mean
     * expected errors of the candidates it was drawn among.
     */
    public record Drawn(int index, double expectedWrong, double meanExpectedWrong) {

        /**
         * What the audit's counts are multiplied by, {@code ē / ẽ}, so that its errors and its expected errors
         * both stand for the mean candidate. Its errors over {@code ẽ} are unbiased for the ratio, but summed
         * over audits as they were (actual over expected, ratio of sums) the audits with a large {@code ẽ}
         * weighed the most, and where errors grow faster than the expected ones (tiles on objects the model
         * misses) that overstated the ratio. Weighted, every audit counts as one candidate's worth.
         */
        public double weight() {
            return expectedWrong > 0 ? meanExpectedWrong / expectedWrong : 1;
        }
    }

    private AuditDraw() {
    }

    /**
     * @param expectedWrong expected errors of each candidate (≥ 0)
     * @return null when there is no candidate
     */
    public static Drawn draw(double[] expectedWrong, Random random) {
        int n = expectedWrong.length;
        if (n == 0) {
            return null;
        }
        double total = 0;
        for (double e : expectedWrong) {
            total += Math.max(0, e);
        }
        if (total <= 0) {
            // nothing expected anywhere: a uniform draw, standing for its own (zero) expectation
            return new Drawn(random.nextInt(n), 0, 0);
        }
        double mean = total / n;
        double weightTotal = total + UNIFORM_SHARE * mean * n;
        double target = random.nextDouble() * weightTotal;
        int chosen = n - 1;
        double running = 0;
        for (int i = 0; i < n; i++) {
            running += Math.max(0, expectedWrong[i]) + UNIFORM_SHARE * mean;
            if (target < running) {
                chosen = i;
                break;
            }
        }
        double standsFor = (Math.max(0, expectedWrong[chosen]) + UNIFORM_SHARE * mean) / (1 + UNIFORM_SHARE);
        return new Drawn(chosen, standsFor, mean);
    }
}
