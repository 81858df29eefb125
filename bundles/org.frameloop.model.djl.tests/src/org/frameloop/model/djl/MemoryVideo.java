package org.frameloop.model.djl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.spi.AnnotatedVideo;

/** An {@link AnnotatedVideo} held in memory: frames, the human labels given so far, and known flows. */
final class MemoryVideo implements AnnotatedVideo {

    private final List<RgbImage> frames;
    private final LabelMap labelMap;
    private final List<OpticalFlow> forwardFlows;
    private final Map<Integer, LabelImage> human = new HashMap<>();

    /** @param forwardFlows flow t to t+1 at index t, or an empty list for a video without flow */
    MemoryVideo(List<RgbImage> frames, LabelMap labelMap, List<OpticalFlow> forwardFlows) {
        this.frames = frames;
        this.labelMap = labelMap;
        this.forwardFlows = forwardFlows;
    }

    static MemoryVideo of(ProceduralVideo video) {
        return new MemoryVideo(video.frames, ProceduralVideo.LABEL_MAP, video.forwardFlows);
    }

    void label(int frameIndex, LabelImage labels) {
        human.put(frameIndex, labels);
    }

    @Override
    public int frameCount() {
        return frames.size();
    }

    @Override
    public int width() {
        return frames.get(0).width();
    }

    @Override
    public int height() {
        return frames.get(0).height();
    }

    @Override
    public LabelMap labelMap() {
        return labelMap;
    }

    @Override
    public RgbImage frame(int frameIndex) {
        return frames.get(frameIndex);
    }

    @Override
    public LabelImage humanLabels(int frameIndex) {
        LabelImage labels = human.get(frameIndex);
        return labels != null ? labels : LabelImage.unlabeled(width(), height());
    }

    @Override
    public boolean hasHumanLabels(int frameIndex) {
        return human.containsKey(frameIndex);
    }

    /** How often {@link #flow} was asked (a real video computes flow on first request). */
    int flowRequests;

    @Override
    public Optional<OpticalFlow> flow(int from, int to) {
        flowRequests++;
        if (to == from + 1 && from >= 0 && from < forwardFlows.size()) {
            return Optional.of(forwardFlows.get(from));
        }
        return Optional.empty();
    }
}
