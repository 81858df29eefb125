package org.frameloop.testkit;

import static org.frameloop.testkit.Checks.check;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.FlowProvider;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.SegmentationModel;
import org.junit.jupiter.api.DynamicTest;

/**
 * What {@link SegmentationModel} promises, on the {@link ContractVideo}: it survives fine-tuning on a video
 * nobody labelled yet, predicts every frame at the video's size with classes of the label map (or
 * {@link LabelImage#UNLABELED} where it has no answer, as a propagator before the first label) and
 * probabilities in [0, 1], learns something from a labelled frame, stays usable after a cancelled
 * fine-tune, and restores what it saved. Each check fine-tunes a fresh instance up to three times, so
 * a network's run costs what its fine-tuning costs; keep those runs out of the quick test suite.
 */
public final class ModelContract implements Contract<SegmentationModel> {

    private final FlowProvider videoFlow;

    private ModelContract(FlowProvider videoFlow) {
        this.videoFlow = videoFlow;
    }

    /** The contract on a video without optical flow (the loop's case when no flow provider is chosen). */
    public static ModelContract contract() {
        return new ModelContract(null);
    }

    /** The contract on a video whose flow {@code flowProvider} computes: for models that carry labels along it. */
    public static ModelContract withVideoFlow(FlowProvider flowProvider) {
        return new ModelContract(flowProvider);
    }

    @Override
    public Stream<DynamicTest> checks(String name, InstanceFactory<SegmentationModel> factory) {
        return Stream.of(
                check(name, "fine-tunes on a video without human labels and predicts every frame", () -> {
                    VideoSession video = ContractVideo.session(videoFlow);
                    try (SegmentationModel model = factory.create()) {
                        model.fineTune(video, new NullProgressMonitor());
                        assertPredictsEveryFrame(name, model, video);
                    }
                }),
                check(name, "labels a frame it learnt from", () -> {
                    VideoSession video = ContractVideo.session(videoFlow);
                    ContractVideo.labelWholeFrame(video, 0);
                    try (SegmentationModel model = factory.create()) {
                        model.fineTune(video, new NullProgressMonitor());
                        assertPredictsEveryFrame(name, model, video);
                        assertTrue(labelledPixels(model.predict(video, 0).labels()) > 0,
                                name + " leaves every pixel of the frame it was given labels for unlabelled");
                    }
                }),
                check(name, "stays usable after a cancelled fine-tune", () -> {
                    VideoSession video = ContractVideo.session(videoFlow);
                    ContractVideo.labelWholeFrame(video, 0);
                    NullProgressMonitor cancelled = new NullProgressMonitor();
                    cancelled.setCanceled(true);
                    try (SegmentationModel model = factory.create()) {
                        try {
                            model.fineTune(video, cancelled);
                        } catch (OperationCanceledException expected) {
                            // returning early and throwing (SubMonitor's way) are both a cancelled fine-tune
                        }
                        assertPredictsEveryFrame(name + " after a cancelled fine-tune", model, video);
                    }
                }),
                check(name, "restores a saved state into a fresh instance", () -> {
                    VideoSession video = ContractVideo.session(videoFlow);
                    ContractVideo.labelWholeFrame(video, 0);
                    Path directory = Files.createTempDirectory("frameloop-model-contract");
                    try (SegmentationModel model = factory.create(); SegmentationModel restored = factory.create()) {
                        model.fineTune(video, new NullProgressMonitor());
                        FramePrediction before = model.predict(video, 2);
                        model.save(directory);
                        try (Stream<Path> written = Files.list(directory)) {
                            assertTrue(written.findAny().isPresent(), name + " saved nothing into " + directory);
                        }
                        restored.load(directory);
                        if (model.checkpointKeepsAdaptation()) {
                            assertArrayEquals(before.labels().ids(), restored.predict(video, 2).labels().ids(),
                                    name + " keeps its adaptation in a checkpoint but predicts differently after load");
                        } else {
                            restored.fineTune(video, new NullProgressMonitor());
                        }
                        assertPredictsEveryFrame(name + " after load", restored, video);
                    } finally {
                        deleteRecursively(directory);
                    }
                }));
    }

    /** {@link #assertValidPrediction} for every frame of {@code video}. */
    public static void assertPredictsEveryFrame(String name, SegmentationModel model, AnnotatedVideo video) {
        for (int frame = 0; frame < video.frameCount(); frame++) {
            assertValidPrediction(name, video, frame, model.predict(video, frame));
        }
    }

    /**
     * The shape every prediction has, for a plugin's own tests too: the video's size, ids that are classes
     * of its label map or {@link LabelImage#UNLABELED}, confidence and margin in [0, 1], entropy finite and
     * not negative, a finite embedding.
     */
    public static void assertValidPrediction(String name, AnnotatedVideo video, int frameIndex,
            FramePrediction prediction) {
        String where = name + " on frame " + frameIndex;
        assertNotNull(prediction, where + " returned null instead of a prediction");
        LabelImage labels = prediction.labels();
        assertTrue(labels.width() == video.width() && labels.height() == video.height(), where + " predicted "
                + labels.width() + "x" + labels.height() + " labels for a " + video.width() + "x" + video.height()
                + " video");
        boolean[] allowed = allowedIds(video.labelMap());
        byte[] ids = labels.ids();
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i] & 0xFF;
            if (!allowed[id]) {
                fail(where + " predicts id " + id + " at pixel " + pixel(i, labels.width())
                        + ", which is no class of the label map");
            }
            assertInRange(where, "confidence", prediction.confidence()[i], i, labels.width());
            assertInRange(where, "margin", prediction.margin()[i], i, labels.width());
            float entropy = prediction.entropy()[i];
            if (!(Float.isFinite(entropy) && entropy >= 0)) {
                fail(where + " has entropy " + entropy + " at pixel " + pixel(i, labels.width()));
            }
        }
        for (float value : prediction.embedding()) {
            if (!Float.isFinite(value)) {
                fail(where + " has a non-finite embedding value " + value);
            }
        }
    }

    private static void assertInRange(String where, String what, float value, int pixel, int width) {
        if (!(value >= 0 && value <= 1)) {
            fail(where + " has " + what + " " + value + " at pixel " + pixel(pixel, width) + "; it must lie in [0, 1]");
        }
    }

    private static boolean[] allowedIds(LabelMap labelMap) {
        boolean[] allowed = new boolean[256];
        labelMap.classes().forEach(c -> allowed[c.id()] = true);
        allowed[LabelImage.UNLABELED] = true;
        return allowed;
    }

    private static String pixel(int index, int width) {
        return "(" + index % width + ", " + index / width + ")";
    }

    private static int labelledPixels(LabelImage labels) {
        int count = 0;
        for (byte id : labels.ids()) {
            count += (id & 0xFF) == LabelImage.UNLABELED ? 0 : 1;
        }
        return count;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
