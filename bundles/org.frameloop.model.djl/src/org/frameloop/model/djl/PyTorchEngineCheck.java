package org.frameloop.model.djl;

import java.util.LinkedHashMap;
import java.util.Map;

import org.frameloop.core.spi.RuntimeCheck;
import org.frameloop.lib.djl.DjlRuntime;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;

/**
 * Proves the PyTorch engine works here: loads it offline, multiplies two small matrices on it, and reports
 * whether its convolutions are exact for channel widths it has to pad.
 */
public class PyTorchEngineCheck implements RuntimeCheck {

    @Override
    public Map<String, String> run() throws Exception {
        Engine engine = DjlRuntime.pytorch();
        float product;
        try (NDManager manager = engine.newBaseManager()) {
            NDArray a = manager.create(new float[] { 1, 2, 3, 4 }, new Shape(2, 2));
            product = a.matMul(a).sum().getFloat(); // [[7,10],[15,22]] sums to 54
        }
        if (Math.abs(product - 54f) > 1e-4) {
            throw new IllegalStateException("libtorch computed " + product + " for a product whose sum is 54");
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("engine", engine.getEngineName() + " " + engine.getVersion());
        facts.put("DJL", Engine.getDjlVersion());
        facts.put("libtorch", DjlRuntime.libtorchPath().map(Object::toString).orElse("(not found in the DJL cache)"));
        facts.put("offline", System.getProperty("ai.djl.offline"));
        facts.put("device", engine.defaultDevice().toString());
        facts.put("CPU cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        facts.put("convolutions of widths other than multiples of " + UNetArchitecture.CHANNEL_BLOCK,
                paddedConvolutionsAgree(engine) ? "exact"
                        : "WRONG on this CPU (libtorch's oneDNN): the built-in U-Net avoids them; a TorchScript "
                                + "model with such layer widths will give wrong labels here");
        return facts;
    }

    /**
     * A 3x3 convolution from 4 to 12 channels, forward and backward, against the same convolution with both
     * widths zero-padded to 16 by hand: oneDNN pads odd widths itself, and on some CPUs its kernels for
     * padded layouts read garbage (see {@link UNetArchitecture#CHANNEL_BLOCK}). Three tries, since the
     * garbage is whatever memory held.
     */
    static boolean paddedConvolutionsAgree(Engine engine) {
        int block = UNetArchitecture.CHANNEL_BLOCK;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (NDManager manager = engine.newBaseManager()) {
                Shape imageShape = new Shape(2, 4, 12, 20);
                NDArray image = manager.randomNormal(imageShape);
                NDArray weight = manager.randomNormal(new Shape(12, 4, 3, 3));
                NDArray paddedImage = manager.zeros(new Shape(2, block, 12, 20));
                paddedImage.set(new NDIndex(":, 0:4"), image);
                NDArray paddedWeight = manager.zeros(new Shape(block, block, 3, 3));
                paddedWeight.set(new NDIndex("0:12, 0:4"), weight);
                image.setRequiresGradient(true);
                paddedImage.setRequiresGradient(true);
                NDArray odd;
                NDArray whole;
                try (GradientCollector collector = engine.newGradientCollector()) {
                    odd = convolve(image, weight);
                    collector.backward(odd.mul(odd).sum());
                }
                try (GradientCollector collector = engine.newGradientCollector()) {
                    whole = convolve(paddedImage, paddedWeight).get(":, 0:12");
                    collector.backward(whole.mul(whole).sum());
                }
                boolean same = odd.allClose(whole, 1e-4, 1e-4, false)
                        && image.getGradient().allClose(paddedImage.getGradient().get(":, 0:4"), 1e-3, 1e-3, false);
                if (!same) {
                    return false;
                }
            }
        }
        return true;
    }

    private static NDArray convolve(NDArray image, NDArray weight) {
        return Conv2d.conv2d(image, weight, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).singletonOrThrow();
    }
}
