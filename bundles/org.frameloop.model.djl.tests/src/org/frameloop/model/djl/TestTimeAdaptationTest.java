package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.FramePrediction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's central claim on a small scale: a model pretrained on one colour style, fine-tuned
 * at test time on a few labelled frames of a video in another style, labels that video's other
 * frames much better than the pretrained model does.
 */
class TestTimeAdaptationTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 32;
    private static final int[] LABELLED_FRAMES = { 2, 11, 20 };

    @TempDir
    static Path workspace;

    private static Path pretrained;
    private static Pretrainer.Result pretraining;

    @BeforeAll
    static void pretrainOnTheSourceStyle() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (int variant = 1; variant <= 2; variant++) {
            folders.add(writeSyntheticVideo(workspace.resolve("source-" + variant),
                    new ProceduralVideo(ProceduralVideo.Style.SOURCE, 12, WIDTH, HEIGHT, 20 + variant, variant)));
        }
        // The shipped width on small crops keeps the suite fast; the architecture is recorded in the checkpoint.
        Pretrainer.Options options = new Pretrainer.Options(160, 8, WIDTH, HEIGHT, 4e-3, 5, 1000, 16,
                new Augmentation(0.8, 1.25, 0.1));
        pretraining = new Pretrainer(options).train(folders, workspace.resolve("pretrained"), new NullProgressMonitor());
        pretrained = pretraining.checkpoint();
    }

    @Test
    void fineTuningOnAFewTargetStyleFramesBeatsThePretrainedModelOnTheOtherFrames() throws Exception {
        ProceduralVideo target = new ProceduralVideo(ProceduralVideo.Style.TARGET, 24, WIDTH, HEIGHT, 7, 0);
        MemoryVideo video = MemoryVideo.of(target);
        ProceduralVideo heldOutSource = new ProceduralVideo(ProceduralVideo.Style.SOURCE, 24, WIDTH, HEIGHT, 7, 0);

        double sourceQuality;
        double before;
        double after;
        try (FineTunedSegmentationModel model = create(Map.of("checkpoint", pretrained.toString(), "stepsPerRound", "40",
                "fitAccuracy", "1.01",
                "seed", "3"))) {
            sourceQuality = unlabelledQuality(model, MemoryVideo.of(heldOutSource), heldOutSource);
            before = unlabelledQuality(model, video, target);
            for (int frame : LABELLED_FRAMES) {
                video.label(frame, target.truth.get(frame));
            }
            model.fineTune(video, new NullProgressMonitor());
            model.fineTune(video, new NullProgressMonitor());
            after = unlabelledQuality(model, video, target);
            assertEquals(40, model.lastRound().steps());
        }

        System.out.printf("mIoU on unlabelled frames: source style %.3f; target style pretrained %.3f, "
                + "fine-tuned on %d frames %.3f (pretraining loss %.3f)%n", sourceQuality, before, LABELLED_FRAMES.length,
                after, pretraining.meanLossOfLastSteps());
        assertTrue(sourceQuality > 0.8, "pretraining must work on its own style: " + sourceQuality);
        assertTrue(after > before + 0.2, "fine-tuning must help on the target style: " + before + " -> " + after);
        assertTrue(after > 0.9, "three labelled frames suffice for this scene: " + after);
    }

    /** mIoU over the frames nobody labelled. */
    private static double unlabelledQuality(FineTunedSegmentationModel model, MemoryVideo video, ProceduralVideo scene) {
        List<Integer> frames = new ArrayList<>();
        for (int f = 0; f < video.frameCount(); f++) {
            if (!video.hasHumanLabels(f) && !contains(LABELLED_FRAMES, f)) {
                frames.add(f);
            }
        }
        List<FramePrediction> predictions = model.predictBatch(video, frames.stream().mapToInt(Integer::intValue).toArray());
        List<LabelImage> truth = new ArrayList<>();
        List<LabelImage> predicted = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            truth.add(scene.truth.get(frames.get(i)));
            predicted.add(predictions.get(i).labels());
        }
        return SegmentationQuality.meanIntersectionOverUnion(truth, predicted, 3);
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** The synthetic-video layout: frames, gt/ label PNGs of the same names, labelmap.json. */
    static Path writeSyntheticVideo(Path folder, ProceduralVideo video) throws IOException {
        Files.createDirectories(folder.resolve("gt"));
        for (int t = 0; t < video.frames.size(); t++) {
            String name = String.format("frame_%04d.png", t);
            ImageCodec.writeRgb(folder.resolve(name), video.frames.get(t));
            ImageCodec.writeLabels(folder.resolve("gt").resolve(name), video.truth.get(t), ProceduralVideo.LABEL_MAP);
        }
        LabelMapJson.write(folder.resolve("labelmap.json"), ProceduralVideo.LABEL_MAP);
        return folder;
    }

    private static FineTunedSegmentationModel create(Map<String, String> parameters) throws Exception {
        return (FineTunedSegmentationModel) PluginRegistry.ofPlatform().find(ExtensionPoint.MODELS, "unet").orElseThrow()
                .create(parameters);
    }
}
