package org.frameloop.model.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** The two terms of test-time fine-tuning (and the class-weighted variant used in pretraining). */
final class SegmentationLoss {

    private SegmentationLoss() {
    }

    /**
     * Mean cross-entropy over the pixels whose target is a class.
     *
     * @param logits       (N, C, H, W)
     * @param targets      (N, H, W) int64 class ids, {@link FrameTensors#IGNORED} where there is no label
     * @param classWeights (C) per-class weights, or null for an unweighted mean
     * @return a scalar; 0 when no pixel is labelled
     */
    static NDArray crossEntropy(NDArray logits, NDArray targets, NDArray classWeights) {
        long classes = logits.getShape().get(1);
        NDArray labelled = targets.gte(0L).toType(DataType.FLOAT32, false);
        NDArray safeTargets = targets.clip(0L, classes - 1);
        NDArray logProbability = logits.logSoftmax(1).gather(safeTargets.expandDims(1), 1).squeeze(1);
        NDArray weights = classWeights == null ? labelled : labelled.mul(classWeights.take(safeTargets));
        return logProbability.mul(weights).sum().neg().div(weights.sum().maximum(1e-6f));
    }

    /** Share of the labelled pixels ({@code targets >= 0}) whose most likely class is the target. */
    static float accuracy(NDArray logits, NDArray targets) {
        NDArray labelled = targets.gte(0L);
        NDArray right = logits.argMax(1).eq(targets).logicalAnd(labelled);
        float count = labelled.toType(DataType.FLOAT32, false).sum().getFloat();
        return count == 0 ? 1f : right.toType(DataType.FLOAT32, false).sum().getFloat() / count;
    }

    /**
     * Temporal consistency between frames t and t+1: the softmax of t+1, warped onto t by bilinear
     * sampling at p + flow(p) (flow t to t+1), is compared with the softmax of t by the L1 distance
     * summed over classes (0 when equal, 2 when the two frames disagree completely), averaged over the
     * pixels whose flow is valid (forward-backward check passed) and whose sampling point lies inside
     * the frame.
     * <p>
     * L1 rather than KL: it is bounded, so a pixel where the flow is wrong (thin objects, motion
     * boundaries the occlusion check misses) costs at most 2 and cannot dominate the batch, and it is
     * symmetric, so neither frame is privileged as "the truth". For the same reason the warped target is
     * <em>not</em> detached: gradients reach both frames, and an unlabelled frame is pulled toward its
     * labelled neighbour as much as the other way round; cross-entropy on the human pixels keeps both
     * from agreeing on something wrong.
     *
     * @param probabilitiesT    (N, C, H, W) softmax of frames t
     * @param probabilitiesNext (N, C, H, W) softmax of frames t+1
     * @param flowX             (N, H, W) flow t to t+1, x component in pixels
     * @param flowY             (N, H, W) y component
     * @param valid             (N, H, W) 1 where the flow passed its forward-backward check, else 0
     * @return a scalar; 0 when no pixel is valid
     */
    static NDArray temporalConsistency(NDArray probabilitiesT, NDArray probabilitiesNext, NDArray flowX,
            NDArray flowY, NDArray valid) {
        FlowWarp.Sampled warped = FlowWarp.sample(probabilitiesNext, flowX, flowY);
        NDArray mask = valid.expandDims(1).mul(warped.insideFrame());
        NDArray distance = probabilitiesT.sub(warped.values()).abs().sum(new int[] { 1 }, true).mul(mask);
        return distance.sum().div(mask.sum().maximum(1f));
    }
}
