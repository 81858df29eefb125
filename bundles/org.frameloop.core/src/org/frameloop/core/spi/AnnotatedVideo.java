package org.frameloop.core.spi;

import java.util.Optional;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.label.LabelMap;

/**
 * What a model sees of the video it is adapted to: frames (loaded lazily), the human labels so far, the
 * label map, and optical flow between neighbouring frames (computed once and cached by the caller).
 */
public interface AnnotatedVideo {

    int frameCount();

    int width();

    int height();

    LabelMap labelMap();

    RgbImage frame(int frameIndex);

    /** Human labels of the frame; pixels nobody labelled hold {@link LabelImage#UNLABELED}. */
    LabelImage humanLabels(int frameIndex);

    /**
     * The frame's automatic labels: what a person is shown as a proposal before they label a sample of it
     * (the model's labels, or the loop's combined labels); {@link LabelImage#UNLABELED} where there are
     * none. The default has none.
     */
    default LabelImage automaticLabels(int frameIndex) {
        return LabelImage.unlabeled(width(), height());
    }

    /** Whether any pixel of the frame carries a human label (cheap; no image is built). */
    boolean hasHumanLabels(int frameIndex);

    /**
     * Flow from frame {@code from} to its neighbour {@code to} ({@code |from - to| == 1}); empty when
     * {@code to} lies outside the video or no flow provider is configured.
     */
    Optional<OpticalFlow> flow(int from, int to);

    /**
     * Labels carried along the video from human labels that the loop's label fusion trusts (pixels it does
     * not trust are {@link LabelImage#UNLABELED}), or empty: models may fine-tune on them as extra targets,
     * with less weight than human labels. Empty without a fusion.
     */
    default Optional<LabelImage> trustedLabels(int frameIndex) {
        return Optional.empty();
    }
}
