package org.frameloop.editor.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.SegmentationModel;

/**
 * Remembers the model's mean uncertainty per frame (1 − mean confidence of the winning class, 0..1) as
 * the loop predicts, so the timeline can show the weakest frames. It wraps the project's model and passes
 * every call through; NaN marks frames not predicted yet.
 */
public final class FrameUncertainty implements SegmentationModel {

    private final SegmentationModel model;
    private final float[] uncertainty;
    private final CopyOnWriteArrayList<IntConsumer> listeners = new CopyOnWriteArrayList<>();

    public FrameUncertainty(SegmentationModel model, int frameCount) {
        this.model = Objects.requireNonNull(model, "model");
        this.uncertainty = new float[frameCount];
        Arrays.fill(uncertainty, Float.NaN);
    }

    /** Told with the frame index after each prediction (on the loop's thread). */
    public void addListener(IntConsumer listener) {
        listeners.add(listener);
    }

    /** Mean uncertainty of frame {@code frameIndex}, 0..1, or NaN before its first prediction. */
    public synchronized float of(int frameIndex) {
        return uncertainty[frameIndex];
    }

    public synchronized float[] all() {
        return uncertainty.clone();
    }

    @Override
    public void fineTune(AnnotatedVideo video, IProgressMonitor monitor) {
        model.fineTune(video, monitor);
    }

    @Override
    public FramePrediction predict(AnnotatedVideo video, int frameIndex) {
        FramePrediction prediction = model.predict(video, frameIndex);
        float[] confidence = prediction.confidence();
        double sum = 0;
        for (float c : confidence) {
            sum += c;
        }
        synchronized (this) {
            uncertainty[frameIndex] = (float) (1 - sum / confidence.length);
        }
        listeners.forEach(l -> l.accept(frameIndex));
        return prediction;
    }

    @Override
    public void save(Path directory) throws IOException {
        model.save(directory);
    }

    @Override
    public void load(Path directory) throws IOException {
        model.load(directory);
    }

    @Override
    public boolean checkpointKeepsAdaptation() {
        return model.checkpointKeepsAdaptation();
    }

    @Override
    public void close() {
        model.close();
    }
}
