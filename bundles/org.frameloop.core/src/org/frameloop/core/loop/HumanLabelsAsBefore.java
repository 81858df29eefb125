package org.frameloop.core.loop;

import java.util.Optional;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.spi.AnnotatedVideo;

/**
 * The video as it was before a sample of one frame was labelled: that frame's human labels are the ones
 * remembered when the sample was chosen, everything else is the live video. What
 * {@link org.frameloop.core.spi.LabelFusion#learn} is promised ("the video's human labels do not hold it
 * yet"), also when a person painted the answer straight into the session.
 */
final class HumanLabelsAsBefore implements AnnotatedVideo {

    private final AnnotatedVideo video;
    private final int frame;
    private final LabelImage before;

    /** @param before the frame's human labels before the sample, or null when it had none */
    HumanLabelsAsBefore(AnnotatedVideo video, int frame, LabelImage before) {
        this.video = video;
        this.frame = frame;
        this.before = before;
    }

    @Override
    public int frameCount() {
        return video.frameCount();
    }

    @Override
    public int width() {
        return video.width();
    }

    @Override
    public int height() {
        return video.height();
    }

    @Override
    public LabelMap labelMap() {
        return video.labelMap();
    }

    @Override
    public RgbImage frame(int frameIndex) {
        return video.frame(frameIndex);
    }

    @Override
    public LabelImage humanLabels(int frameIndex) {
        if (frameIndex != frame) {
            return video.humanLabels(frameIndex);
        }
        return before == null ? LabelImage.unlabeled(width(), height())
                : new LabelImage(before.width(), before.height(), before.ids().clone());
    }

    @Override
    public boolean hasHumanLabels(int frameIndex) {
        return frameIndex == frame ? before != null : video.hasHumanLabels(frameIndex);
    }

    @Override
    public LabelImage automaticLabels(int frameIndex) {
        return video.automaticLabels(frameIndex);
    }

    @Override
    public Optional<OpticalFlow> flow(int from, int to) {
        return video.flow(from, to);
    }

    @Override
    public Optional<LabelImage> trustedLabels(int frameIndex) {
        return video.trustedLabels(frameIndex);
    }
}
