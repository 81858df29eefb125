package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;

class FineTunerTest {

    @Test
    void headOnlyFineTuningChangesTheHeadAndNothingElse() throws Exception {
        MemoryVideo video = labelledVideo();
        try (FineTunedSegmentationModel model = create(Map.of("trainLayers", "head", "stepsPerRound", "4"))) {
            model.predict(video, 0);
            UNet unet = ((UNetNetwork) model.network()).unet();
            float[] encoderBefore = unet.firstConvolutionWeight().getArray().toFloatArray();
            float[] headBefore = unet.headParameters().get(0).getArray().toFloatArray();

            model.fineTune(video, new NullProgressMonitor());

            assertArrayEquals(encoderBefore, unet.firstConvolutionWeight().getArray().toFloatArray(), 0f);
            assertFalse(Arrays.equals(headBefore, unet.headParameters().get(0).getArray().toFloatArray()));
        }
    }

    @Test
    void unlabelledNeighboursContributeThroughTheTemporalTerm() throws Exception {
        MemoryVideo video = labelledVideo();
        try (FineTunedSegmentationModel model = create(Map.of("stepsPerRound", "3", "batchSize", "4"))) {
            model.fineTune(video, new NullProgressMonitor());

            FineTuningRound round = model.lastRound();
            assertEquals(3, round.steps());
            assertEquals(1, round.labelledFrames());
            assertTrue(round.meanTemporalConsistency() > 0, "pairs with unlabelled frames were compared: " + round);
            assertTrue(round.meanCrossEntropy() > 0);
        }
    }

    @Test
    void withoutATemporalTermNoFlowIsAskedFor() throws Exception {
        MemoryVideo video = labelledVideo();
        try (FineTunedSegmentationModel model = create(Map.of("stepsPerRound", "3", "batchSize", "4",
                "temporalWeight", "0"))) {
            model.fineTune(video, new NullProgressMonitor());
        }
        assertEquals(0, video.flowRequests);

        MemoryVideo withTerm = labelledVideo();
        try (FineTunedSegmentationModel model = create(Map.of("stepsPerRound", "3", "batchSize", "4"))) {
            model.fineTune(withTerm, new NullProgressMonitor());
        }
        assertEquals(3 * 2, withTerm.flowRequests, "two pairs per step of four frames");
    }

    @Test
    void cancellationStopsBetweenStepsAndLeavesAUsableModel() throws Exception {
        MemoryVideo video = labelledVideo();
        try (FineTunedSegmentationModel model = create(Map.of("stepsPerRound", "50"))) {
            model.fineTune(video, PretrainerTest.cancelledBeforeStep(3));

            assertEquals(2, model.lastRound().steps());
            assertEquals(2, model.network().history().fineTuningSteps());
            for (float confidence : model.predict(video, 3).confidence()) {
                assertTrue(confidence > 0 && confidence <= 1, "finite probabilities after cancelling");
            }
        }
    }

    @Test
    void roundsContinueOneOptimisation() throws Exception {
        MemoryVideo video = labelledVideo();
        try (FineTunedSegmentationModel model = create(Map.of("stepsPerRound", "5", "learningRate", "0.01"))) {
            model.fineTune(video, new NullProgressMonitor());
            double first = model.lastRound().meanCrossEntropy();
            model.fineTune(video, new NullProgressMonitor());
            model.fineTune(video, new NullProgressMonitor());

            assertEquals(15, model.network().history().fineTuningSteps());
            assertTrue(model.lastRound().meanCrossEntropy() < first,
                    "later rounds start where earlier ones ended: " + first + " -> " + model.lastRound().meanCrossEntropy());
        }
    }

    @Test
    void theSameSeedGivesTheSameFineTunedModel() throws Exception {
        float[][] confidences = new float[2][];
        for (int run = 0; run < 2; run++) {
            MemoryVideo video = labelledVideo();
            try (FineTunedSegmentationModel model = create(Map.of("stepsPerRound", "4", "seed", "21"))) {
                model.fineTune(video, new NullProgressMonitor());
                confidences[run] = model.predict(video, 4).confidence();
            }
        }

        assertArrayEquals(confidences[0], confidences[1], 1e-5f);
    }

    @Test
    void trainingOnWindowsLearnsTheLabelledFrame() throws Exception {
        ProceduralVideo scene = new ProceduralVideo(ProceduralVideo.Style.TARGET, 4, 96, 64, 4, 0);
        MemoryVideo video = MemoryVideo.of(scene);
        video.label(1, scene.truth.get(1));
        try (FineTunedSegmentationModel model = create(Map.of("stepsPerRound", "40", "cropSize", "32",
                "learningRate", "0.01", "fitAccuracy", "1.01"))) {
            double before = frameQuality(model, video, scene);
            model.fineTune(video, new NullProgressMonitor());
            double after = frameQuality(model, video, scene);

            assertEquals(40, model.lastRound().steps());
            assertTrue(after > Math.max(0.9, before + 0.1),
                    "32x32 windows of a 96x64 frame teach the whole frame (mIoU): " + before + " -> " + after);
        }
    }

    private static double frameQuality(FineTunedSegmentationModel model, MemoryVideo video, ProceduralVideo scene) {
        return SegmentationQuality.meanIntersectionOverUnion(List.of(scene.truth.get(1)),
                List.of(model.predict(video, 1).labels()), 3);
    }

    private static MemoryVideo labelledVideo() {
        ProceduralVideo scene = new ProceduralVideo(ProceduralVideo.Style.TARGET, 6, 32, 16, 4, 0);
        MemoryVideo video = MemoryVideo.of(scene);
        video.label(2, scene.truth.get(2));
        return video;
    }

    private static FineTunedSegmentationModel create(Map<String, String> parameters) throws Exception {
        return (FineTunedSegmentationModel) PluginRegistry.ofPlatform().find(ExtensionPoint.MODELS, "unet").orElseThrow()
                .create(parameters);
    }
}
