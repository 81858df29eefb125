package org.frameloop.core.loop;

import java.util.Objects;
import java.util.function.IntFunction;
import java.util.Optional;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.ledger.ClickLedger;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.video.Video;

/**
 * One video being annotated: its frames, label map, labels (human and automatic), the click ledger,
 * cached optical flow, and — for benchmarks and demos — the ground truth. This is the
 * {@link AnnotatedVideo} models see.
 */
public final class VideoSession implements AnnotatedVideo {

    private final Video video;
    private final LabelMap labelMap;
    private final LabelStore labels;
    private final ClickLedger ledger;
    private final FlowCache flow;
    private final LabelSequence groundTruth;
    private volatile IntFunction<Optional<LabelImage>> trustedLabels = frameIndex -> Optional.empty();

    /**
     * @param flow        cached flow, or null when no flow provider is used
     * @param groundTruth true labels for evaluation and the simulated annotator, or null
     */
    public VideoSession(Video video, LabelMap labelMap, LabelStore labels, ClickLedger ledger, FlowCache flow,
            LabelSequence groundTruth) {
        this.video = Objects.requireNonNull(video, "video");
        this.labelMap = Objects.requireNonNull(labelMap, "labelMap");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.flow = flow;
        this.groundTruth = groundTruth;
        if (labels.frameCount() != video.frameCount() || labels.width() != video.width()
                || labels.height() != video.height()) {
            throw new IllegalArgumentException("label store does not match the video " + video.name());
        }
        if (groundTruth != null && (groundTruth.frameCount() != video.frameCount()
                || groundTruth.width() != video.width() || groundTruth.height() != video.height())) {
            throw new IllegalArgumentException("ground truth has " + groundTruth.frameCount() + " frames of "
                    + groundTruth.width() + "x" + groundTruth.height() + " but the video " + video.name() + " has "
                    + video.frameCount() + " of " + video.width() + "x" + video.height());
        }
    }

    /** A fresh session with empty labels and ledger. */
    public static VideoSession start(Video video, LabelMap labelMap, FlowCache flow, LabelSequence groundTruth) {
        return new VideoSession(video, labelMap, new LabelStore(video.frameCount(), video.width(), video.height()),
                new ClickLedger(), flow, groundTruth);
    }

    public Video video() {
        return video;
    }

    public LabelStore labels() {
        return labels;
    }

    public ClickLedger ledger() {
        return ledger;
    }

    public Optional<LabelSequence> groundTruth() {
        return Optional.ofNullable(groundTruth);
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
        return labelMap;
    }

    @Override
    public RgbImage frame(int frameIndex) {
        return video.frame(frameIndex);
    }

    @Override
    public LabelImage humanLabels(int frameIndex) {
        return labels.human(frameIndex);
    }

    @Override
    public LabelImage automaticLabels(int frameIndex) {
        return labels.auto(frameIndex);
    }

    @Override
    public boolean hasHumanLabels(int frameIndex) {
        return labels.hasHuman(frameIndex);
    }

    /** The cached flow of the video, empty when the session has no flow provider. */
    public Optional<FlowCache> flowCache() {
        return Optional.ofNullable(flow);
    }

    @Override
    public Optional<OpticalFlow> flow(int from, int to) {
        return flow == null ? Optional.empty() : flow.flow(from, to);
    }

    @Override
    public Optional<LabelImage> trustedLabels(int frameIndex) {
        return trustedLabels.apply(frameIndex);
    }

    /** Where {@link #trustedLabels} come from: the loop's label fusion. */
    public void useTrustedLabels(IntFunction<Optional<LabelImage>> source) {
        this.trustedLabels = Objects.requireNonNull(source, "source");
    }

    /** The label map's ignore id, or -1. */
    public int ignoreId() {
        return labelMap.ignoreId().orElse(-1);
    }
}
