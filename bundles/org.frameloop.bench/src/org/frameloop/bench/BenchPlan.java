package org.frameloop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.frameloop.core.registry.PluginChoice;

/**
 * What {@code frameloop bench} measures on each video: the baselines, then every granularity × selector
 * with the default model. One run per method goes until the highest target or the click cap; the clicks
 * to each lower target are read off its curve.
 *
 * @param targets                    mIoU targets, each in (0, 1]
 * @param samplesPerRound            b per granularity name; {@link #DEFAULT_KEY} for any other
 * @param budgetClicksPerRound       click budget per round, estimated on the model's labels (0 = none)
 * @param maxRounds                  most rounds per run
 * @param capShareOfFrameByFrame     a run stops once its clicks reach this share of frame-by-frame
 *                                   (1.0 = as many clicks as labelling every frame by hand); a target
 *                                   first met beyond the cap counts as not reached
 * @param seed                       seeds every selector, the same for every run
 * @param model                      the default model of the grid and of the pretrained baseline
 * @param propagationModel           the model of the keyframes baseline
 * @param flow                       the optical flow provider, or null for none
 * @param clickCost                  prices a sample drawn from scratch: the headline protocol
 * @param correctionCost             prices a sample corrected from the labels shown before the person acts
 *                                   (the second protocol, {@link ClickProtocol#CORRECTION})
 */
public record BenchPlan(List<GranularityOption> granularities, List<String> selectors, List<String> fusions,
        List<Double> targets,
        Map<String, Integer> samplesPerRound, long budgetClicksPerRound, int maxRounds, double capShareOfFrameByFrame,
        long seed, PluginChoice model, PluginChoice propagationModel, PluginChoice flow, PluginChoice clickCost,
        PluginChoice correctionCost) {

    /** Key of {@link #samplesPerRound} for granularities without their own value. */
    public static final String DEFAULT_KEY = "*";

    /** The click-cost model of the correction protocol when a plan names none. */
    public static final PluginChoice DEFAULT_CORRECTION_COST = PluginChoice.of("correction");

    /** A plan whose correction protocol uses {@link #DEFAULT_CORRECTION_COST}. */
    public BenchPlan(List<GranularityOption> granularities, List<String> selectors, List<String> fusions,
            List<Double> targets, Map<String, Integer> samplesPerRound, long budgetClicksPerRound, int maxRounds,
            double capShareOfFrameByFrame, long seed, PluginChoice model, PluginChoice propagationModel,
            PluginChoice flow, PluginChoice clickCost) {
        this(granularities, selectors, fusions, targets, samplesPerRound, budgetClicksPerRound, maxRounds,
                capShareOfFrameByFrame, seed, model, propagationModel, flow, clickCost, DEFAULT_CORRECTION_COST);
    }

    public BenchPlan {
        granularities = List.copyOf(granularities);
        selectors = List.copyOf(selectors);
        fusions = fusions.isEmpty() ? List.of(BenchMethod.NO_FUSION) : List.copyOf(fusions);
        targets = targets.stream().sorted().distinct().toList();
        samplesPerRound = Map.copyOf(samplesPerRound);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(propagationModel, "propagationModel");
        Objects.requireNonNull(clickCost, "clickCost");
        Objects.requireNonNull(correctionCost, "correctionCost");
        if (targets.isEmpty() || targets.get(0) <= 0 || targets.get(targets.size() - 1) > 1) {
            throw new IllegalArgumentException("targets must be mIoU values in (0, 1], were " + targets);
        }
        if (!samplesPerRound.containsKey(DEFAULT_KEY)) {
            throw new IllegalArgumentException("samples per round need a default (key " + DEFAULT_KEY + ")");
        }
        if (samplesPerRound.values().stream().anyMatch(b -> b < 1)) {
            throw new IllegalArgumentException("samples per round must be at least 1, were " + samplesPerRound);
        }
        if (maxRounds < 0 || budgetClicksPerRound < 0 || !(capShareOfFrameByFrame > 0)) {
            throw new IllegalArgumentException("rounds, click budget and cap must be positive");
        }
    }

    public double highestTarget() {
        return targets.get(targets.size() - 1);
    }

    public int samplesPerRound(String granularityName) {
        return samplesPerRound.getOrDefault(granularityName, samplesPerRound.get(DEFAULT_KEY));
    }

    /**
     * Every method in report order: the five baselines, then the grid, granularity by granularity.
     *
     * @param installed the granularities to include; the others are reported as unavailable by the runner
     */
    public List<BenchMethod> methods(List<GranularityOption> installed) {
        List<BenchMethod> methods = new ArrayList<>();
        GranularityOption frame = GranularityOption.parse("frame");
        String none = BenchMethod.NO_FUSION;
        methods.add(new BenchMethod(BenchMethod.Kind.FRAME_BY_FRAME, frame.name(), frame.choice(), "all-frames",
                model, 1, none));
        methods.add(new BenchMethod(BenchMethod.Kind.KEYFRAMES_PROPAGATION, frame.name(), frame.choice(),
                "uniform-keyframes", propagationModel, samplesPerRound(frame.name()), none));
        methods.add(new BenchMethod(BenchMethod.Kind.CARRIED_ONLY, frame.name(), frame.choice(), "coverage",
                propagationModel, samplesPerRound(frame.name()), none));
        methods.add(new BenchMethod(BenchMethod.Kind.PRETRAINED, frame.name(), frame.choice(), "uniform-keyframes",
                model, 1, none));
        methods.add(new BenchMethod(BenchMethod.Kind.CORRECT_PRETRAINED, frame.name(), frame.choice(),
                "uniform-keyframes", model, 1, none));
        for (GranularityOption granularity : installed) {
            for (String selector : selectors) {
                for (String fusion : fusions) {
                    methods.add(new BenchMethod(BenchMethod.Kind.ACTIVE, granularity.name(), granularity.choice(),
                            selector, model, samplesPerRound(granularity.name()), fusion));
                }
            }
        }
        return methods;
    }

    /**
     * What a finished run's numbers depend on besides its method: a result written under different
     * settings must not be mixed into this bench's tables.
     */
    public String settingsFingerprint(BenchMethod method) {
        String cost = "clickCost=" + clickCost.label() + ";correctionCost=" + correctionCost.label();
        String flowLabel = "flow=" + (flow == null ? "none" : flow.label());
        return switch (method.kind()) {
            case FRAME_BY_FRAME -> cost;
            case PRETRAINED, CORRECT_PRETRAINED -> String.join(";", "model=" + method.model().label(), flowLabel, cost);
            case KEYFRAMES_PROPAGATION, CARRIED_ONLY, ACTIVE -> String.join(";", "model=" + method.model().label(),
                    "fusion=" + method.fusionId(),
                    "granularity=" + method.granularity().label(), "selector=" + method.selectorId(),
                    "b=" + method.samplesPerRound(), "budgetClicks=" + budgetClicksPerRound, "rounds=" + maxRounds,
                    "target=" + highestTarget(), "cap=" + capShareOfFrameByFrame, "seed=" + seed, flowLabel, cost);
        };
    }
}
