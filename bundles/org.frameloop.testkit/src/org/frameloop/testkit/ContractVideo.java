package org.frameloop.testkit;

import java.util.List;
import java.util.OptionalInt;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.FlowProvider;
import org.frameloop.core.video.Video;

/**
 * The small video the model contract runs on: 5 frames of 64×48 (whole 16-pixel blocks, as a U-Net needs)
 * in which the camera pans 2 px per frame over three classes (road below, building left, sky right), each
 * tinted its own colour over a shared texture; ground truth is exact. Sessions are what the loop hands a
 * model: {@link VideoSession} with its label store and, when a flow provider is given, its flow cache.
 */
public final class ContractVideo {

    public static final int FRAMES = 5;
    public static final int WIDTH = 64;
    public static final int HEIGHT = 48;
    public static final LabelMap LABEL_MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080),
            new LabelClass(1, "building", 0x464646), new LabelClass(2, "sky", 0x4682b4)), OptionalInt.empty());

    private static final int PAN_PX_PER_FRAME = 2;
    private static final int[][] TINT = { { 120, 60, 120 }, { 70, 70, 70 }, { 70, 130, 180 } };

    private ContractVideo() {
    }

    /** A fresh session without human labels; {@code flowProvider} may be null (then the video has no flow). */
    public static VideoSession session(FlowProvider flowProvider) {
        SyntheticFrames texture = new SyntheticFrames(41);
        Video video = Video.of("contract-video", FRAMES, WIDTH, HEIGHT, t -> frame(texture, t));
        FlowCache flow = flowProvider == null ? null : new FlowCache(video, flowProvider, null);
        return VideoSession.start(video, LABEL_MAP, flow, truth());
    }

    /** Gives frame {@code frameIndex} of {@code session} its true labels, as an annotator labelling it whole. */
    public static void labelWholeFrame(VideoSession session, int frameIndex) {
        session.labels().putHuman(frameIndex, new Region.WholeFrame(WIDTH, HEIGHT),
                session.groundTruth().orElseThrow().labels(frameIndex));
    }

    /** The true class of pixel (x, y) of frame {@code t}. */
    public static int classAt(int x, int y, int t) {
        if (y >= HEIGHT * 2 / 3) {
            return 0;
        }
        return x + PAN_PX_PER_FRAME * t < WIDTH / 2 + 8 ? 1 : 2;
    }

    private static LabelSequence truth() {
        return LabelSequence.of(FRAMES, WIDTH, HEIGHT, t -> {
            LabelImage labels = LabelImage.unlabeled(WIDTH, HEIGHT);
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    labels.set(x, y, classAt(x, y, t));
                }
            }
            return labels;
        });
    }

    private static RgbImage frame(SyntheticFrames texture, int t) {
        RgbImage shared = texture.shifted(WIDTH, HEIGHT, -PAN_PX_PER_FRAME * t, 0);
        RgbImage frame = RgbImage.blank(WIDTH, HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int[] tint = TINT[classAt(x, y, t)];
                frame.set(x, y, (tint[0] + shared.channel(x, y, 0)) / 2, (tint[1] + shared.channel(x, y, 1)) / 2,
                        (tint[2] + shared.channel(x, y, 2)) / 2);
            }
        }
        return frame;
    }
}
