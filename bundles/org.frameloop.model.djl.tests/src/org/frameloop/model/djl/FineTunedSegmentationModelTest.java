package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.ParameterSpec;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.SegmentationModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTunedSegmentationModelTest {

    private static final Map<String, String> SMALL_RUN = Map.of("stepsPerRound", "3", "seed", "11");

    @TempDir
    Path temporary;

    @Test
    void unetIsContributedWithTypedParametersThatTheRegistryChecks() throws Exception {
        Contribution<SegmentationModel> unet = PluginRegistry.ofPlatform().find(ExtensionPoint.MODELS, "unet").orElseThrow();

        assertEquals(List.of("learningRate", "stepsPerRound", "minStepsPerRound", "fitAccuracy", "carriedLabelWeight", "cropSize",
                "batchSize", "temporalWeight", "trainLayers", "seed",
                "checkpoint"), unet.parameters().stream().map(ParameterSpec::name).toList());
        ContributionException negativeRate = assertThrows(ContributionException.class,
                () -> unet.create(Map.of("learningRate", "-0.1")));
        assertTrue(negativeRate.getMessage().contains("learningRate"), negativeRate.getMessage());
        ContributionException badLayers = assertThrows(ContributionException.class,
                () -> unet.create(Map.of("trainLayers", "encoder")));
        assertTrue(badLayers.getMessage().contains("all, decoder, head"), badLayers.getMessage());
        ContributionException missingFolder = assertThrows(ContributionException.class,
                () -> unet.create(Map.of("checkpoint", temporary.resolve("nowhere").toString())));
        assertTrue(missingFolder.getMessage().contains("nowhere"), missingFolder.getMessage());
        ContributionException missingTorchScript = assertThrows(ContributionException.class,
                () -> unet.create(Map.of("checkpoint", "torchscript:" + temporary.resolve("model.pt"))));
        assertTrue(missingTorchScript.getMessage().contains("model.pt"), missingTorchScript.getMessage());
        try (SegmentationModel model = unet.create(Map.of("trainLayers", "head", "batchSize", "3"))) {
            assertTrue(model instanceof FineTunedSegmentationModel);
        }
    }

    @Test
    void predictionCoversEveryPixelWithProbabilitiesAndA16FloatEmbedding() throws Exception {
        MemoryVideo video = MemoryVideo.of(new ProceduralVideo(ProceduralVideo.Style.SOURCE, 3, 37, 21, 1, 0));
        try (FineTunedSegmentationModel model = create(SMALL_RUN)) {
            FramePrediction prediction = model.predict(video, 1);

            int pixels = 37 * 21;
            assertTrue(BundledCheckpoints.find("default").isPresent(), "the pretrained checkpoint is shipped");
            assertTrue(!model.network().history().origin().startsWith("random initialisation, seed 11"),
                    "'default' loads the shipped checkpoint (with a new head for these 3 classes) instead of "
                            + "initialising with this model's seed: " + model.network().history().origin());
            assertEquals(37, prediction.labels().width());
            assertEquals(16, prediction.embeddingDimension());
            assertEquals(pixels * 16, prediction.embedding().length);
            for (int i = 0; i < pixels; i++) {
                int id = prediction.labels().ids()[i] & 0xFF;
                assertTrue(id <= ProceduralVideo.BOX, "class id " + id);
                float confidence = prediction.confidence()[i];
                assertTrue(confidence >= 1f / 3 - 1e-5f && confidence <= 1f + 1e-6f, "confidence " + confidence);
                assertTrue(prediction.entropy()[i] >= -1e-6f && prediction.entropy()[i] <= Math.log(3) + 1e-5,
                        "entropy in nats " + prediction.entropy()[i]);
                assertTrue(prediction.margin()[i] >= 0f && prediction.margin()[i] <= confidence + 1e-6f);
            }
        }
    }

    @Test
    void batchedPredictionEqualsOneFrameAtATime() throws Exception {
        MemoryVideo video = MemoryVideo.of(new ProceduralVideo(ProceduralVideo.Style.SOURCE, 6, 32, 16, 1, 0));
        try (FineTunedSegmentationModel model = create(SMALL_RUN)) {
            List<FramePrediction> batch = model.predictBatch(video, new int[] { 5, 0, 3, 1, 2 });
            FramePrediction single = model.predict(video, 3);

            assertEquals(5, batch.size());
            assertArrayEquals(single.labels().ids(), batch.get(2).labels().ids());
            assertArrayEquals(single.confidence(), batch.get(2).confidence(), 1e-4f);
            assertArrayEquals(single.embedding(), batch.get(2).embedding(), 1e-4f);
        }
    }

    @Test
    void predictingALongVideoKeepsNothingPerFrame() throws Exception {
        MemoryVideo video = MemoryVideo.of(new ProceduralVideo(ProceduralVideo.Style.SOURCE, 2, 32, 16, 1, 0));
        try (FineTunedSegmentationModel model = create(SMALL_RUN)) {
            model.predict(video, 0);
            int nativeArraysBefore = model.network().manager().getManagedArrays().size();

            for (int round = 0; round < 50; round++) {
                model.predictBatch(video, new int[] { 0, 1, 0, 1, 0, 1 });
            }

            assertEquals(nativeArraysBefore, model.network().manager().getManagedArrays().size(),
                    "300 predicted frames must leave no tensor behind");
        }
    }

    @Test
    void savedModelPredictsIdenticallyAfterLoading() throws Exception {
        ProceduralVideo scene = new ProceduralVideo(ProceduralVideo.Style.SOURCE, 4, 32, 16, 1, 0);
        MemoryVideo video = MemoryVideo.of(scene);
        video.label(1, scene.truth.get(1));
        Path folder = temporary.resolve("checkpoint");
        FramePrediction before;
        try (FineTunedSegmentationModel model = create(SMALL_RUN)) {
            model.fineTune(video, new NullProgressMonitor());
            before = model.predict(video, 2);
            model.save(folder);
            model.save(folder); // overwriting an existing checkpoint is atomic too
        }

        try (FineTunedSegmentationModel restored = create(Map.of("seed", "99"))) {
            restored.load(folder);
            FramePrediction after = restored.predict(video, 2);

            assertArrayEquals(before.labels().ids(), after.labels().ids());
            assertArrayEquals(before.confidence(), after.confidence(), 0f);
            assertArrayEquals(before.embedding(), after.embedding(), 0f);
            assertEquals(3, restored.network().history().fineTuningSteps());
        }
        try (var leftovers = Files.list(temporary)) {
            assertEquals(List.of(folder), leftovers.toList(), "no temporary folders left beside the checkpoint");
        }
    }

    private static FineTunedSegmentationModel create(Map<String, String> parameters) throws ContributionException {
        return (FineTunedSegmentationModel) PluginRegistry.ofPlatform().find(ExtensionPoint.MODELS, "unet").orElseThrow()
                .create(parameters);
    }
}
