package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.frameloop.lib.djl.DjlRuntime;
import org.junit.jupiter.api.Test;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

class DjlInsideOsgiTest {

    private static final int CLASSES = 3;

    @Test
    void pytorchEngineLoadsOfflineFromTheEmbeddedNativeJar() throws Exception {
        Engine engine = DjlRuntime.pytorch();

        assertEquals("PyTorch", engine.getEngineName());
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertTrue(DjlRuntime.libtorchPath().isPresent(), "libtorch.so unpacked into " + DjlRuntime.cacheDirectory());
        Map<String, String> facts = new PyTorchEngineCheck().run();
        assertTrue(facts.get("engine").startsWith("PyTorch 2.7.1"), facts.toString());
        String padded = facts.get("convolutions of widths other than multiples of 16");
        assertTrue("exact".equals(padded) || padded.startsWith("WRONG on this CPU"), facts.toString());
    }

    @Test
    void smallConvNetLearnsAFixedBatchAndGradientsReachTheFirstLayer() {
        Engine engine = DjlRuntime.pytorch();
        engine.setRandomSeed(42);
        SequentialBlock net = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(16).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(CLASSES).build());
        DefaultTrainingConfig config = new DefaultTrainingConfig(new PixelCrossEntropy())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.05f)).build());

        List<Float> losses = new ArrayList<>();
        float firstLayerGradient;
        try (Model model = Model.newInstance("tiny-segmenter", DjlRuntime.ENGINE_NAME)) {
            model.setBlock(net);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(4, 3, 16, 16));
                NDManager manager = trainer.getManager();
                NDArray images = fixedImages(manager);
                // Each pixel's class is its brightest channel: learnable by a 1x1 conv, so loss must fall.
                NDArray labels = images.argMax(1);
                for (int step = 0; step < 12; step++) {
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList predictions = trainer.forward(new NDList(images));
                        NDArray loss = trainer.getLoss().evaluate(new NDList(labels), predictions);
                        collector.backward(loss);
                        losses.add(loss.getFloat());
                    }
                    trainer.step();
                }
                Parameter firstWeight = net.getChildren().get(0).getValue().getParameters().get("weight");
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray loss = trainer.getLoss().evaluate(new NDList(labels), trainer.forward(new NDList(images)));
                    collector.backward(loss);
                }
                firstLayerGradient = firstWeight.getArray().getGradient().abs().sum().getFloat();
            }
        }

        assertTrue(losses.get(losses.size() - 1) < 0.6f * losses.get(0), "loss should drop: " + losses);
        assertTrue(firstLayerGradient > 0f, "backward must reach the first convolution");
    }

    private static NDArray fixedImages(NDManager manager) {
        Random random = new Random(7);
        float[] values = new float[4 * 3 * 16 * 16];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return manager.create(values, new Shape(4, 3, 16, 16));
    }

    /** Per-pixel softmax cross-entropy: logits (N, C, H, W), labels (N, H, W) of class ids. */
    private static final class PixelCrossEntropy extends Loss {
        PixelCrossEntropy() {
            super("pixel-cross-entropy");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray logProbabilities = predictions.singletonOrThrow().logSoftmax(1);
            NDArray oneHot = labels.singletonOrThrow().oneHot(CLASSES).transpose(0, 3, 1, 2);
            return logProbabilities.mul(oneHot).sum(new int[] { 1 }).neg().mean();
        }
    }
}
