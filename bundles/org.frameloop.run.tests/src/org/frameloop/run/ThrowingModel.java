package org.frameloop.run;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.SegmentationModel;

/** A model with a bug: every prediction throws (contributed by this fragment's fragment.xml). */
public class ThrowingModel implements SegmentationModel {

    @Override
    public void fineTune(AnnotatedVideo video, IProgressMonitor monitor) {
        // nothing to learn
    }

    @Override
    public FramePrediction predict(AnnotatedVideo video, int frameIndex) {
        throw new IllegalStateException("deliberately broken");
    }

    @Override
    public void save(Path directory) {
        // no state
    }

    @Override
    public void load(Path directory) {
        // no state
    }
}
