package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.frameloop.core.image.RgbImage;
import org.frameloop.lib.djl.DjlRuntime;
import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

class TemporalConsistencyTest {

    private static final int WIDTH = 12;
    private static final int HEIGHT = 8;

    @Test
    void bilinearWarpMovesABrightPixelByASubPixelFlow() {
        try (NDManager manager = DjlRuntime.pytorch().newBaseManager()) {
            float[] image = new float[HEIGHT * WIDTH];
            image[3 * WIDTH + 5] = 1f; // bright pixel at (5, 3)
            NDArray images = manager.create(image, new Shape(1, 1, HEIGHT, WIDTH));
            // Sample at p + (0.5, 0.25): output (4, 3) reads (4.5, 3.25), between (4,3),(5,3),(4,4),(5,4).
            NDArray flowX = manager.full(new Shape(1, HEIGHT, WIDTH), 0.5f);
            NDArray flowY = manager.full(new Shape(1, HEIGHT, WIDTH), 0.25f);

            FlowWarp.Sampled warped = FlowWarp.sample(images, flowX, flowY);
            float[] values = warped.values().toFloatArray();

            assertEquals(0.5f * 0.75f, values[3 * WIDTH + 4], 1e-6f, "weight of (5,3) seen from (4,3)");
            assertEquals(0.5f * 0.75f, values[3 * WIDTH + 5], 1e-6f, "(5,3) reads (5.5,3.25): left-top neighbour");
            assertEquals(0.5f * 0.25f, values[2 * WIDTH + 4], 1e-6f, "(4,2) reads (4.5,2.25): bottom-right neighbour");
            assertEquals(0f, values[3 * WIDTH + 6], 1e-6f, "(6,3) reads (6.5,3.25): past the bright pixel");
            float total = 0;
            for (float v : values) {
                total += v;
            }
            assertEquals(1f, total, 1e-5f, "bilinear weights of one source pixel add up to one");
            float[] inside = warped.insideFrame().toFloatArray();
            assertEquals(0f, inside[3 * WIDTH + WIDTH - 1], "the last column samples beyond the right border");
            assertEquals(1f, inside[3 * WIDTH + WIDTH - 2]);
        }
    }

    @Test
    void bilinearWarpOfARampAddsTheFlow() {
        try (NDManager manager = DjlRuntime.pytorch().newBaseManager()) {
            float[] ramp = new float[HEIGHT * WIDTH];
            for (int i = 0; i < ramp.length; i++) {
                ramp[i] = (i % WIDTH) + 10 * (i / WIDTH); // value = x + 10 y
            }
            NDArray images = manager.create(ramp, new Shape(1, 1, HEIGHT, WIDTH));

            float[] values = FlowWarp.sample(images, manager.full(new Shape(1, HEIGHT, WIDTH), 1.3f),
                    manager.full(new Shape(1, HEIGHT, WIDTH), -0.6f)).values().toFloatArray();

            // A linear function is reproduced exactly: (x + 1.3) + 10 (y - 0.6).
            assertEquals(2 + 1.3f + 10 * (4 - 0.6f), values[4 * WIDTH + 2], 1e-4f);
            assertEquals(7 + 1.3f + 10 * (1 - 0.6f), values[WIDTH + 7], 1e-4f);
        }
    }

    @Test
    void temporalTermIsZeroForIdenticalFramesAndZeroFlow() {
        try (NDManager manager = DjlRuntime.pytorch().newBaseManager()) {
            NDArray probabilities = stripes(manager, 0);
            NDArray zero = manager.zeros(new Shape(1, HEIGHT, WIDTH));
            NDArray valid = manager.ones(new Shape(1, HEIGHT, WIDTH));

            float loss = SegmentationLoss.temporalConsistency(probabilities, probabilities, zero, zero, valid).getFloat();

            assertEquals(0f, loss, 1e-7f);
        }
    }

    @Test
    void temporalTermIsPositiveWhenThePredictionMovesAgainstTheFlow() {
        try (NDManager manager = DjlRuntime.pytorch().newBaseManager()) {
            NDArray now = stripes(manager, 0);
            NDArray movedRight = stripes(manager, 2); // the pattern moved 2 px right between t and t+1
            NDArray rightFlow = manager.full(new Shape(1, HEIGHT, WIDTH), 2f);
            NDArray leftFlow = manager.full(new Shape(1, HEIGHT, WIDTH), -2f);
            NDArray noFlow = manager.zeros(new Shape(1, HEIGHT, WIDTH));
            NDArray valid = manager.ones(new Shape(1, HEIGHT, WIDTH));

            float along = SegmentationLoss.temporalConsistency(now, movedRight, rightFlow, noFlow, valid).getFloat();
            float against = SegmentationLoss.temporalConsistency(now, movedRight, leftFlow, noFlow, valid).getFloat();

            assertEquals(0f, along, 1e-6f, "prediction moved with the flow: consistent");
            assertTrue(against > 0.5f, "prediction moved against the flow: " + against);
        }
    }

    @Test
    void temporalTermIgnoresPixelsWhoseFlowIsInvalid() {
        try (NDManager manager = DjlRuntime.pytorch().newBaseManager()) {
            NDArray now = stripes(manager, 0);
            NDArray later = stripes(manager, 3);
            NDArray noFlow = manager.zeros(new Shape(1, HEIGHT, WIDTH));

            float loss = SegmentationLoss.temporalConsistency(now, later, noFlow, noFlow,
                    manager.zeros(new Shape(1, HEIGHT, WIDTH))).getFloat();

            assertEquals(0f, loss);
        }
    }

    @Test
    void gradientsOfBothLossTermsReachTheEncodersFirstLayer() {
        ProceduralVideo scene = new ProceduralVideo(ProceduralVideo.Style.SOURCE, 2, 32, 16, 3, 0);
        try (UNetNetwork network = UNetNetwork.randomlyInitialised(ProceduralVideo.LABEL_MAP,
                InputNormalization.IMAGENET, 16, 5); NDManager scope = network.manager().newSubManager()) {
            NDArray weight = network.unet().firstConvolutionWeight().getArray();
            weight.setRequiresGradient(true);
            NDArray input = FrameTensors.images(scope, List.<RgbImage>of(scene.frames.get(0), scene.frames.get(1)),
                    network.normalization(), network.sizeMultiplePx());
            NDArray[] flow = FrameTensors.flows(scope, List.of(scene.forwardFlows.get(0)));

            float temporalGradient;
            try (GradientCollector collector = DjlRuntime.pytorch().newGradientCollector()) {
                NDArray probabilities = network.forward(input, SegmentationNetwork.Pass.FINE_TUNE).logits().softmax(1);
                NDArray loss = SegmentationLoss.temporalConsistency(probabilities.get("0:1"), probabilities.get("1:2"),
                        flow[0], flow[1], flow[2]);
                collector.backward(loss);
            }
            try (NDArray gradient = weight.getGradient()) {
                temporalGradient = gradient.abs().sum().getFloat();
                gradient.subi(gradient);
            }
            float crossEntropyGradient;
            try (GradientCollector collector = DjlRuntime.pytorch().newGradientCollector()) {
                NDArray logits = network.forward(input, SegmentationNetwork.Pass.FINE_TUNE).logits();
                NDArray targets = FrameTensors.classTargets(scope, List.of(scene.truth.get(0), scene.truth.get(1)),
                        new TrainableClasses(ProceduralVideo.LABEL_MAP));
                collector.backward(SegmentationLoss.crossEntropy(logits, targets, null));
            }
            try (NDArray gradient = weight.getGradient()) {
                crossEntropyGradient = gradient.abs().sum().getFloat();
            }

            assertTrue(temporalGradient > 0f, "temporal term: gradient through the warp into the encoder");
            assertTrue(crossEntropyGradient > 0f, "cross-entropy: gradient into the encoder");
        }
    }

    /**
     * The same weights and frames give the same gradient, bit for bit, and no NaN. Guards against
     * libtorch kernels that read uninitialised memory (oneDNN's padded channel layouts did on an AVX-512
     * CPU: see {@link UNetArchitecture#CHANNEL_BLOCK}).
     */
    @Test
    void backPropagationIsReproducible() {
        float[] first = firstLayerGradient();
        float[] second = firstLayerGradient();
        for (float value : first) {
            assertTrue(Float.isFinite(value), "gradient " + value);
        }
        assertArrayEquals(first, second);
    }

    @Test
    void widthsThatAreNotWholeChannelBlocksAreRefusedWithTheReason() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new UNetArchitecture(8, 3));
        assertTrue(refused.getMessage().contains("multiple of 16"), refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Pretrainer.Options(10, 2, 32, 16, 1e-3, 1, 5, 12,
                new Augmentation(1, 1, 0)));
    }

    private static float[] firstLayerGradient() {
        ProceduralVideo scene = new ProceduralVideo(ProceduralVideo.Style.SOURCE, 2, 48, 32, 3, 0);
        try (UNetNetwork network = UNetNetwork.randomlyInitialised(ProceduralVideo.LABEL_MAP,
                InputNormalization.IMAGENET, UNetArchitecture.DEFAULT_BASE_CHANNELS, 9);
                NDManager scope = network.manager().newSubManager()) {
            NDArray weight = network.unet().firstConvolutionWeight().getArray();
            weight.setRequiresGradient(true);
            NDArray input = FrameTensors.images(scope, List.<RgbImage>of(scene.frames.get(0), scene.frames.get(1)),
                    network.normalization(), network.sizeMultiplePx());
            try (GradientCollector collector = DjlRuntime.pytorch().newGradientCollector()) {
                NDArray logits = network.forward(input, SegmentationNetwork.Pass.FINE_TUNE).logits();
                NDArray targets = FrameTensors.classTargets(scope, List.of(scene.truth.get(0), scene.truth.get(1)),
                        new TrainableClasses(ProceduralVideo.LABEL_MAP));
                collector.backward(SegmentationLoss.crossEntropy(logits, targets, null));
            }
            try (NDArray gradient = weight.getGradient()) {
                return gradient.toFloatArray();
            }
        }
    }

    /** Two-class probabilities (1, 2, H, W): class 0 on vertical stripes 3 px wide, shifted right by {@code shiftPx}. */
    private static NDArray stripes(NDManager manager, int shiftPx) {
        float[] values = new float[2 * HEIGHT * WIDTH];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                boolean first = Math.floorMod(x - shiftPx, 6) < 3;
                values[y * WIDTH + x] = first ? 0.9f : 0.1f;
                values[HEIGHT * WIDTH + y * WIDTH + x] = first ? 0.1f : 0.9f;
            }
        }
        return manager.create(values, new Shape(1, 2, HEIGHT, WIDTH));
    }
}
