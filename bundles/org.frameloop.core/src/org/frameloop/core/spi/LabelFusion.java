package org.frameloop.core.spi;

import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.frameloop.core.image.LabelImage;

/**
 * Combines the model's prediction of a frame with the human labels of the whole video (typically carried
 * along optical flow) into the automatic labels the product delivers (contributed to
 * {@code org.frameloop.core.labelFusions}). Without a fusion, the automatic labels are the model's alone.
 * <p>
 * Per round the loop calls, in order: {@link #learn} for each new human sample <em>before</em> its labels
 * are stored (each sample is a test of the labels the product showed until then), then, after the model
 * was fine-tuned, {@link #prepare} once and {@link #fuse} for every frame. Calls come from one worker
 * thread at a time.
 */
public interface LabelFusion {

    /**
     * Recomputes what depends on the current human labels of {@code video} (for instance labels carried
     * along the flow). Reports progress on {@code monitor}; throws {@code OperationCanceledException} when
     * it is cancelled.
     */
    void prepare(AnnotatedVideo video, IProgressMonitor monitor);

    /**
     * The combined prediction of one frame: labels, calibrated confidence (the probability that the label
     * is right), entropy, margin, and the model's embedding unchanged (selectors measure diversity with it).
     * Pixels a person labelled keep their human label with confidence 1.
     */
    FramePrediction fuse(AnnotatedVideo video, int frameIndex, FramePrediction model);

    /**
     * Evidence: a person labelled {@code human} on frame {@code frameIndex}; the video's human labels do not
     * hold it yet. {@code model} is the model's current prediction of that frame. Implementations compare
     * what they would have delivered with what the person gave, to fit how much to trust each source.
     */
    void learn(AnnotatedVideo video, int frameIndex, LabelImage human, FramePrediction model);

    /**
     * Labels this fusion is confident enough about to serve as extra fine-tuning targets for frame
     * {@code frameIndex} (unlabelled where not confident), or empty. Only valid between {@link #prepare}
     * calls.
     */
    default Optional<LabelImage> confidentLabels(int frameIndex) {
        return Optional.empty();
    }
}
