package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.core.image.Downscale;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.metrics.ConfusionMatrix;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.video.ImageSequenceLabels;
import org.frameloop.core.video.ImageSequenceVideo;
import org.frameloop.core.video.LabelledVideoFolder;
import org.junit.jupiter.api.Test;

/**
 * Test-time adaptation on real footage: the checkpoint pretrained on CamVid 0001TP + 0006R0 (shipped in this
 * fragment under {@code checkpoints/camvid-loo/}, made by the command in docs/model.md), fine-tuned on three
 * labelled frames of the held-out sequence Seq05VD, labels that sequence's other frames better than before.
 * Frames are downscaled to keep the suite fast, which also shifts the scale away from the pretraining's:
 * one more reason to adapt. Reads {@code ../shared/data/camvid} beside the repository; skipped where it is
 * absent.
 */
class RealFootageAdaptationTest {

    private static final int CAMVID_VOID = 11;
    private static final int SCALE = 3; // 480x360 -> 160x120
    private static final int FIRST_FRAME = 0;
    private static final int FRAMES = 40;
    private static final int[] LABELLED = { 5, 20, 35 };

    @Test
    void fineTuningOnThreeFramesOfAHeldOutSequenceBeatsThePretrainedModelOnItsOtherFrames() throws Exception {
        Path sequence = sharedCamVid().resolve("Seq05VD");
        assumeTrue(Files.isDirectory(sequence), "CamVid not found at " + sequence);
        LabelMap labelMap = LabelMapJson.read(Path.of("checkpoints/camvid-loo").resolve(CheckpointFolder.LABEL_MAP));
        LabelledVideoFolder layout = LabelledVideoFolder.of(sequence);
        ImageSequenceVideo frames = ImageSequenceVideo.open(layout.frames());
        ImageSequenceLabels truth = ImageSequenceLabels.open(layout.groundTruth(), frames,
                new LabelMap(labelMap.classes(), OptionalInt.of(CAMVID_VOID)));
        List<RgbImage> images = new ArrayList<>();
        List<LabelImage> labels = new ArrayList<>();
        for (int f = FIRST_FRAME; f < FIRST_FRAME + FRAMES; f++) {
            images.add(Downscale.rgb(frames.frame(f), SCALE));
            labels.add(Downscale.labels(truth.labels(f), SCALE));
        }
        MemoryVideo video = new MemoryVideo(images, labelMap, List.of());

        double before;
        double after;
        try (FineTunedSegmentationModel model = (FineTunedSegmentationModel) PluginRegistry.ofPlatform()
                .find(ExtensionPoint.MODELS, "unet").orElseThrow()
                .create(Map.of("checkpoint", Path.of("checkpoints/camvid-loo").toAbsolutePath().toString(),
                        "stepsPerRound", "30", "seed", "3"))) {
            before = unlabelledQuality(model, video, labels, labelMap);
            for (int frame : LABELLED) {
                video.label(frame, labels.get(frame));
            }
            model.fineTune(video, new NullProgressMonitor());
            after = unlabelledQuality(model, video, labels, labelMap);
        }

        System.out.printf("Seq05VD frames %d-%d at %dx%d, mIoU on the %d unlabelled frames: pretrained (0001TP + 0006R0) "
                + "%.3f, fine-tuned on %d frames %.3f%n", FIRST_FRAME, FIRST_FRAME + FRAMES - 1, images.get(0).width(),
                images.get(0).height(), FRAMES - LABELLED.length, before, LABELLED.length, after);
        assertTrue(after > before + 0.05, "fine-tuning on three frames must help on the held-out sequence: " + before
                + " -> " + after);
    }

    /** mIoU over the frames nobody labelled, CamVid's void ignored. */
    private static double unlabelledQuality(FineTunedSegmentationModel model, MemoryVideo video, List<LabelImage> truth,
            LabelMap labelMap) {
        List<Integer> frames = new ArrayList<>();
        for (int f = 0; f < video.frameCount(); f++) {
            int frame = f;
            if (!video.hasHumanLabels(frame) && Arrays.stream(LABELLED).noneMatch(l -> l == frame)) {
                frames.add(f);
            }
        }
        List<FramePrediction> predictions = model.predictBatch(video, frames.stream().mapToInt(Integer::intValue).toArray());
        ConfusionMatrix matrix = new ConfusionMatrix(labelMap.idSpan(), CAMVID_VOID);
        for (int i = 0; i < frames.size(); i++) {
            matrix.add(truth.get(frames.get(i)), predictions.get(i).labels());
        }
        return matrix.meanIou();
    }

    /** Tests run in their bundle's folder; the shared data lies beside the repository. */
    private static Path sharedCamVid() throws IOException {
        Path folder = Path.of("").toAbsolutePath();
        while (folder.getParent() != null && !Files.exists(folder.resolve("mvnw"))) {
            folder = folder.getParent();
        }
        return folder.resolve("../shared/data/camvid").normalize();
    }
}
