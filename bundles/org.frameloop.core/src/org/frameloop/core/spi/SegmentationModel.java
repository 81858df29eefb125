package org.frameloop.core.spi;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A model that labels every frame of a video and adapts to that video's human labels at test time
 * (contributed to {@code org.frameloop.core.models}). It may be a neural network fine-tuned on the
 * labels, or a label propagator that carries them along optical flow: both see the whole
 * {@link AnnotatedVideo}. Instances may hold native resources: callers close them.
 * <p>
 * The loop calls {@link #fineTune} once per round after new human labels arrived, then
 * {@link #predict} for every frame. Calls come from one worker thread at a time.
 */
public interface SegmentationModel extends AutoCloseable {

    /**
     * Adapts to the current human labels of {@code video} (the first call may also load pretrained
     * weights sized for {@code video.labelMap()}). Continues from the previous call's state. Reports
     * progress on {@code monitor} and returns early, in a consistent state, when it is cancelled.
     */
    void fineTune(AnnotatedVideo video, IProgressMonitor monitor);

    /** Predicts frame {@code frameIndex} of {@code video}, at the video's full resolution. */
    FramePrediction predict(AnnotatedVideo video, int frameIndex);

    /** Writes the model's state (weights, architecture, label map) into {@code directory}. */
    void save(Path directory) throws IOException;

    /** Restores a state written by {@link #save}. */
    void load(Path directory) throws IOException;

    /**
     * Whether {@link #load} restores everything {@link #fineTune} learnt: then a project reopened with a
     * checkpoint saved after its latest labels needs no fine-tuning before the person can go on. False for
     * a model whose state is rebuilt from the labels (flow propagation) or not saved whole.
     */
    default boolean checkpointKeepsAdaptation() {
        return false;
    }

    @Override
    default void close() {
        // nothing to release by default
    }
}
