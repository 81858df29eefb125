package org.frameloop.core.loop;

/**
 * How the annotation loop runs.
 *
 * @param samplesPerRound      b: the most samples the selector proposes per round
 * @param budgetClicksPerRound a click budget per round (0 = none): samples are taken in the selector's
 *                             priority order while their estimated cost still fits
 * @param maxRounds            rounds after the initial prediction
 * @param targetMiou           stop once mIoU (measured with ground truth, else estimated) reaches this
 * @param maxTotalClicks       stop once this many clicks were spent (0 = no cap)
 * @param seed                 seeds the selector's random source, round by round
 * @param uncertainty          how a sample's uncertainty is scored from its pixels
 * @param auditShare           share of each round's samples drawn at random (stratified in time) to audit
 *                             the automatic labels: the estimate's evidence (0 = no audits)
 */
public record LoopSettings(int samplesPerRound, long budgetClicksPerRound, int maxRounds, double targetMiou,
        long maxTotalClicks, long seed, UncertaintyMeasure uncertainty, double auditShare) {

    /** Per-pixel uncertainty averaged over a sample. */
    public enum UncertaintyMeasure {
        /** Entropy of the class distribution (nats): the default. */
        ENTROPY,
        /** 1 − (p1 − p2): small margins between the two best classes. */
        MARGIN,
        /** 1 − p1: low confidence in the winning class. */
        LEAST_CONFIDENCE
    }

    public LoopSettings {
        if (samplesPerRound < 1) {
            throw new IllegalArgumentException("samples per round must be at least 1, was " + samplesPerRound);
        }
        if (maxRounds < 0 || budgetClicksPerRound < 0 || maxTotalClicks < 0) {
            throw new IllegalArgumentException("rounds and click budgets must not be negative");
        }
        if (!(auditShare >= 0 && auditShare < 1)) {
            throw new IllegalArgumentException("audit share must lie in [0, 1), was " + auditShare);
        }
        if (!(targetMiou > 0 && targetMiou <= 1)) {
            throw new IllegalArgumentException("target mIoU must lie in (0, 1], was " + targetMiou);
        }
    }

    public static LoopSettings defaults() {
        return new LoopSettings(8, 0, 20, 0.95, 0, 1, UncertaintyMeasure.ENTROPY, 0.1);
    }

    public LoopSettings withSamplesPerRound(int value) {
        return new LoopSettings(value, budgetClicksPerRound, maxRounds, targetMiou, maxTotalClicks, seed, uncertainty, auditShare);
    }

    public LoopSettings withMaxRounds(int value) {
        return new LoopSettings(samplesPerRound, budgetClicksPerRound, value, targetMiou, maxTotalClicks, seed, uncertainty, auditShare);
    }

    public LoopSettings withTargetMiou(double value) {
        return new LoopSettings(samplesPerRound, budgetClicksPerRound, maxRounds, value, maxTotalClicks, seed, uncertainty, auditShare);
    }

    public LoopSettings withMaxTotalClicks(long value) {
        return new LoopSettings(samplesPerRound, budgetClicksPerRound, maxRounds, targetMiou, value, seed, uncertainty, auditShare);
    }

    public LoopSettings withBudgetClicksPerRound(long value) {
        return new LoopSettings(samplesPerRound, value, maxRounds, targetMiou, maxTotalClicks, seed, uncertainty, auditShare);
    }

    public LoopSettings withSeed(long value) {
        return new LoopSettings(samplesPerRound, budgetClicksPerRound, maxRounds, targetMiou, maxTotalClicks, value, uncertainty, auditShare);
    }

    public LoopSettings withAuditShare(double value) {
        return new LoopSettings(samplesPerRound, budgetClicksPerRound, maxRounds, targetMiou, maxTotalClicks, seed,
                uncertainty, value);
    }
}
