package org.frameloop.model.djl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.lib.djl.DjlRuntime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Test-time fine-tuning of one network on one video. Each step takes {@code batchSize} frames: pairs
 * of a human-labelled frame and its previous or next neighbour (so labels spread along the flow into
 * unlabelled frames), plus one labelled frame alone when {@code batchSize} is odd. The loss is
 * cross-entropy on the human-labelled pixels plus {@code temporalWeight} times the temporal
 * consistency of each pair ({@link SegmentationLoss#temporalConsistency}). With {@code cropSize}, each
 * sample is a window of its frame placed on labelled pixels ({@link TrainingCrop}). Adam's moments and the
 * sampling random state live as long as this object, so consecutive rounds continue one optimisation.
 * <p>
 * Batch norm: see {@link SegmentationNetwork#batchNormFrozenWhileFineTuning()}; with frozen statistics
 * the forward pass runs in inference mode (running statistics) while gradients are still recorded,
 * and the batch-norm scale and shift remain trainable with their layer.
 */
final class FineTuner {

    /** The loss terms of one step, and the accuracy on the batch's human pixels before the update. */
    record StepLosses(float crossEntropy, float temporalConsistency, float humanAccuracy) {
    }

    /** Weight of the newest step in the running accuracy the fit test reads. */
    private static final double RUNNING_WEIGHT = 0.25;

    private final SegmentationNetwork network;
    private final FineTuningSettings settings;
    private final List<Parameter> trained;
    private final Optimizer optimizer;
    private final Random random;
    /** The training window's side: the setting rounded up to what the network takes without padding. */
    private final int cropPx;

    FineTuner(SegmentationNetwork network, FineTuningSettings settings) {
        this.network = network;
        this.settings = settings;
        this.trained = network.trainableParameters(settings.trainLayers());
        Set<String> trainedIds = new HashSet<>();
        trained.forEach(p -> trainedIds.add(p.getId()));
        for (Parameter parameter : network.allTrainableParameters()) {
            // Frozen layers record no gradients at all, which also saves their backward pass.
            parameter.getArray().setRequiresGradient(trainedIds.contains(parameter.getId()));
        }
        this.optimizer = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) settings.learningRate())).build();
        this.random = new Random(settings.seed());
        this.cropPx = settings.cropSize() <= 0 ? 0 : FrameTensors.paddedSize(settings.cropSize(), network.sizeMultiplePx());
    }

    /**
     * Runs steps until the human labels are fit: at least {@code minStepsPerRound}, then until the running
     * accuracy on the human pixels of the batches reaches {@code fitAccuracy}, at most {@code stepsPerRound}
     * (one progress tick each). Cancellation is checked between steps
     * and ends the round early by returning (not throwing, as {@code SegmentationModel.fineTune}
     * promises): a step either completes its weight update or never starts, so the weights stay
     * consistent. A video without human labels is left alone: the temporal term by itself would only
     * make predictions smoother, not better.
     */
    FineTuningRound run(AnnotatedVideo video, IProgressMonitor monitor) {
        int[] labelled = labelledFrames(video);
        SubMonitor progress = SubMonitor.convert(monitor, "Fine-tuning on " + labelled.length + " labelled frames",
                settings.stepsPerRound());
        if (labelled.length == 0) {
            return new FineTuningRound(0, 0, 0, 0);
        }
        int[] carried = settings.carriedLabelWeight() > 0 ? carriedFrames(video) : new int[0];
        double crossEntropy = 0;
        double temporal = 0;
        double running = Double.NaN;
        int steps = 0;
        for (int i = 0; i < settings.stepsPerRound(); i++) {
            if (progress.isCanceled()) {
                break;
            }
            // a sub-task, not a task name: callers' monitors suppress the names of their children's tasks
            progress.subTask("Fine-tuning on " + labelled.length + " labelled frames, step " + (i + 1)
                    + " (at most " + settings.stepsPerRound() + ")");
            StepLosses losses = step(video, labelled, carried);
            crossEntropy += losses.crossEntropy();
            temporal += losses.temporalConsistency();
            running = Double.isNaN(running) ? losses.humanAccuracy()
                    : (1 - RUNNING_WEIGHT) * running + RUNNING_WEIGHT * losses.humanAccuracy();
            steps++;
            progress.worked(1);
            if (steps >= settings.minStepsPerRound() && running >= settings.fitAccuracy()) {
                break; // what the person showed is learnt; more steps would only overfit and cost time
            }
        }
        return new FineTuningRound(steps, steps == 0 ? 0 : crossEntropy / steps, steps == 0 ? 0 : temporal / steps,
                labelled.length);
    }

    static int[] labelledFrames(AnnotatedVideo video) {
        List<Integer> frames = new ArrayList<>();
        for (int f = 0; f < video.frameCount(); f++) {
            if (video.hasHumanLabels(f)) {
                frames.add(f);
            }
        }
        return frames.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Frames with carried labels the loop's fusion trusts as extra targets, ascending. */
    static int[] carriedFrames(AnnotatedVideo video) {
        List<Integer> frames = new ArrayList<>();
        for (int f = 0; f < video.frameCount(); f++) {
            if (!video.hasHumanLabels(f) && video.trustedLabels(f).isPresent()) {
                frames.add(f);
            }
        }
        return frames.stream().mapToInt(Integer::intValue).toArray();
    }

    StepLosses step(AnnotatedVideo video, int[] labelled) {
        return step(video, labelled, new int[0]);
    }

    /**
     * One optimiser step on a freshly sampled batch around the {@code labelled} frames; with
     * {@code carried} frames, every second pair is anchored on one of them instead, so what the flow
     * carries far from the human frames is learnt too.
     */
    StepLosses step(AnnotatedVideo video, int[] labelled, int[] carried) {
        int pairs = video.frameCount() > 1 ? settings.batchSize() / 2 : 0;
        int singles = settings.batchSize() - 2 * pairs;
        List<Integer> frames = new ArrayList<>();
        List<TrainingCrop> windows = new ArrayList<>();
        List<OpticalFlow> flows = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            boolean carriedAnchor = p % 2 == 1 && carried.length > 0;
            int anchor = carriedAnchor ? carried[random.nextInt(carried.length)]
                    : labelled[random.nextInt(labelled.length)];
            TrainingCrop window = windowAround(video, anchor, carriedAnchor);
            boolean forward = anchor == 0 || (anchor < video.frameCount() - 1 && random.nextBoolean());
            int earlier = forward ? anchor : anchor - 1;
            frames.add(earlier);
            frames.add(earlier + 1);
            windows.add(window);
            windows.add(window);
            // Without a temporal term the flow is never used: do not make the video compute it.
            flows.add(window.of(settings.temporalWeight() > 0
                    ? video.flow(earlier, earlier + 1).orElseGet(() -> noFlow(video.width(), video.height()))
                    : noFlow(video.width(), video.height())));
        }
        for (int s = 0; s < singles; s++) {
            int frame = labelled[random.nextInt(labelled.length)];
            frames.add(frame);
            windows.add(windowAround(video, frame, false));
        }
        int height = windows.get(0).height();
        int width = windows.get(0).width();

        float crossEntropyValue;
        float temporalValue = 0;
        float humanAccuracy;
        NDArray scored;
        try (NDManager scope = network.manager().newSubManager()) {
            List<RgbImage> images = new ArrayList<>();
            List<LabelImage> labels = new ArrayList<>();
            List<LabelImage> carriedLabels = new ArrayList<>();
            boolean anyCarried = false;
            for (int i = 0; i < frames.size(); i++) {
                int frame = frames.get(i);
                TrainingCrop window = windows.get(i);
                images.add(window.of(video.frame(frame)));
                LabelImage human = video.humanLabels(frame);
                labels.add(window.of(human));
                LabelImage trusted = settings.carriedLabelWeight() > 0
                        ? video.trustedLabels(frame).map(t -> window.of(withoutHuman(t, human))).orElse(null)
                        : null;
                anyCarried |= trusted != null;
                carriedLabels.add(trusted != null ? trusted : LabelImage.unlabeled(width, height));
            }
            NDArray input = FrameTensors.images(scope, images, network.normalization(), network.sizeMultiplePx());
            TrainableClasses trainable = new TrainableClasses(video.labelMap());
            NDArray targets = FrameTensors.classTargets(scope, labels, trainable);
            NDArray carriedTargets = anyCarried ? FrameTensors.classTargets(scope, carriedLabels, trainable) : null;
            NDArray[] flow = pairs > 0 ? FrameTensors.flows(scope, flows) : null;
            ParameterUpdate.clearGradients(trained);
            try (GradientCollector collector = DjlRuntime.pytorch().newGradientCollector()) {
                SegmentationNetwork.Outputs outputs = network.forward(input, SegmentationNetwork.Pass.FINE_TUNE);
                NDArray logits = FrameTensors.crop(outputs.logits(), height, width);
                NDArray crossEntropy = SegmentationLoss.crossEntropy(logits, targets, null);
                NDArray loss = crossEntropy;
                crossEntropyValue = crossEntropy.getFloat();
                scored = logits;
                if (carriedTargets != null) {
                    loss = loss.add(SegmentationLoss.crossEntropy(logits, carriedTargets, null)
                            .mul((float) settings.carriedLabelWeight()));
                }
                if (pairs > 0 && settings.temporalWeight() > 0) {
                    NDArray probabilities = logits.softmax(1);
                    long classes = probabilities.getShape().get(1);
                    NDArray paired = probabilities.get(":{}", 2 * pairs)
                            .reshape(pairs, 2, classes, height, width);
                    NDArray temporal = SegmentationLoss.temporalConsistency(paired.get(":, 0"), paired.get(":, 1"),
                            flow[0], flow[1], flow[2]);
                    temporalValue = temporal.getFloat();
                    loss = loss.add(temporal.mul((float) settings.temporalWeight()));
                }
                collector.backward(loss);
            }
            // scored outside the gradient collector: nothing of it may enter the graph
            humanAccuracy = SegmentationLoss.accuracy(scored.stopGradient(), targets);
            ParameterUpdate.apply(optimizer, trained);
        }
        network.recordFineTuningStep();
        return new StepLosses(crossEntropyValue, temporalValue, humanAccuracy);
    }

    /**
     * The window one sample trains on, placed on the pixels it learns from: the human labels of a
     * labelled anchor, the trusted carried labels of a carried one.
     */
    private TrainingCrop windowAround(AnnotatedVideo video, int frame, boolean carriedAnchor) {
        LabelImage targets = carriedAnchor ? video.trustedLabels(frame).orElseGet(() -> video.humanLabels(frame))
                : video.humanLabels(frame);
        return TrainingCrop.around(targets, cropPx, random);
    }

    /** Trusted carried labels only where no person labelled the pixel. */
    private static LabelImage withoutHuman(LabelImage trusted, LabelImage human) {
        byte[] ids = trusted.ids().clone();
        byte[] given = human.ids();
        for (int i = 0; i < ids.length; i++) {
            if (given[i] != (byte) LabelImage.UNLABELED) {
                ids[i] = (byte) LabelImage.UNLABELED;
            }
        }
        return new LabelImage(trusted.width(), trusted.height(), ids);
    }

    private static OpticalFlow noFlow(int width, int height) {
        int pixels = width * height;
        return new OpticalFlow(width, height, new float[pixels], new float[pixels], new boolean[pixels]);
    }
}
