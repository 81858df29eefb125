package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.FramePrediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {

    @TempDir
    Path temporary;

    @Test
    void aFolderWithoutManifestIsReportedByTheFileItLacks() {
        IOException missing = assertThrows(IOException.class,
                () -> FineTunedSegmentationModel.openCheckpointFolder(temporary));

        assertTrue(missing.getMessage().contains("checkpoint.json"), missing.getMessage());
        IOException noFolder = assertThrows(IOException.class, () -> new FineTunedSegmentationModel().load(temporary.resolve("gone")));
        assertTrue(noFolder.getMessage().contains("gone"), noFolder.getMessage());
    }

    @Test
    void truncatedWeightsAreReportedByFileName() throws IOException {
        Path folder = temporary.resolve("model");
        try (UNetNetwork network = UNetNetwork.randomlyInitialised(ProceduralVideo.LABEL_MAP, InputNormalization.IMAGENET, 16, 1)) {
            network.save(folder);
        }
        Path weights = folder.resolve(UNetNetwork.WEIGHTS);
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        IOException corrupt = assertThrows(IOException.class, () -> UNetNetwork.load(folder));

        assertTrue(corrupt.getMessage().contains(weights.toString()) && corrupt.getMessage().contains("corrupt"),
                corrupt.getMessage());
    }

    @Test
    void aSaveThatFailsHalfwayLeavesThePreviousCheckpointIntact() throws IOException {
        Path folder = temporary.resolve("model");
        try (UNetNetwork network = UNetNetwork.randomlyInitialised(ProceduralVideo.LABEL_MAP, InputNormalization.IMAGENET, 16, 1)) {
            network.save(folder);
        }
        byte[] manifest = Files.readAllBytes(folder.resolve(CheckpointFolder.MANIFEST));

        assertThrows(IOException.class, () -> CheckpointFolder.writeAtomically(folder, partial -> {
            Files.writeString(partial.resolve(CheckpointFolder.MANIFEST), "{");
            throw new IOException("disk full");
        }));

        assertArrayEquals(manifest, Files.readAllBytes(folder.resolve(CheckpointFolder.MANIFEST)));
        try (var entries = Files.list(temporary)) {
            assertEquals(List.of(folder), entries.toList(), "the half-written folder is removed");
        }
        UNetNetwork.load(folder).close();
    }

    @Test
    void aCheckpointForOtherClassesKeepsItsFeaturesAndGetsANewHead() throws Exception {
        Path folder = temporary.resolve("three-classes");
        float[] firstLayer;
        try (UNetNetwork network = UNetNetwork.randomlyInitialised(ProceduralVideo.LABEL_MAP, InputNormalization.IMAGENET,
                UNetArchitecture.DEFAULT_BASE_CHANNELS, 8)) {
            network.save(folder);
            firstLayer = network.unet().firstConvolutionWeight().getArray().toFloatArray();
        }
        LabelMap fiveClasses = new LabelMap(List.of(new LabelClass(0, "ground", 0), new LabelClass(1, "disc", 1),
                new LabelClass(2, "box", 2), new LabelClass(4, "sky", 4)), OptionalInt.of(3));
        ProceduralVideo scene = new ProceduralVideo(ProceduralVideo.Style.SOURCE, 2, 32, 16, 1, 0);
        MemoryVideo video = new MemoryVideo(scene.frames, fiveClasses, scene.forwardFlows);

        try (FineTunedSegmentationModel model = (FineTunedSegmentationModel) PluginRegistry.ofPlatform()
                .find(ExtensionPoint.MODELS, "unet").orElseThrow().create(Map.of("checkpoint", folder.toString()))) {
            FramePrediction prediction = model.predict(video, 0);

            assertEquals(5, model.network().classCount());
            assertArrayEquals(firstLayer, ((UNetNetwork) model.network()).unet().firstConvolutionWeight().getArray()
                    .toFloatArray());
            for (byte id : prediction.labels().ids()) {
                assertTrue((id & 0xFF) < 5);
            }
            model.fineTune(video, new NullProgressMonitor()); // no labels: nothing to learn, nothing breaks
            assertEquals(0, model.lastRound().steps());
        }
    }
}
