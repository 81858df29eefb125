package org.frameloop.testkit;

import java.util.SplittableRandom;

import org.frameloop.core.image.RgbImage;

/**
 * Seeded frames for contract checks: a smooth texture made of a few sinusoids with random frequencies and
 * phases, so that every neighbourhood is distinct (a flow provider can track it, a superpixel method finds
 * edges) yet nothing is random per pixel (a shifted copy is exactly the same content moved).
 */
public final class SyntheticFrames {

    private static final int WAVES = 6;

    private final double[] frequencyX = new double[WAVES];
    private final double[] frequencyY = new double[WAVES];
    private final double[] phase = new double[WAVES * 3];

    /** The texture of {@code seed}; the same seed always gives the same pictures. */
    public SyntheticFrames(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int w = 0; w < WAVES; w++) {
            // periods of about 8 to 40 px in random directions: detail at the scale flow methods look at
            double period = 8 + 32 * random.nextDouble();
            double angle = Math.PI * random.nextDouble();
            frequencyX[w] = 2 * Math.PI / period * Math.cos(angle);
            frequencyY[w] = 2 * Math.PI / period * Math.sin(angle);
        }
        for (int i = 0; i < phase.length; i++) {
            phase[i] = 2 * Math.PI * random.nextDouble();
        }
    }

    /** The texture as seen through a {@code width}×{@code height} window. */
    public RgbImage frame(int width, int height) {
        return shifted(width, height, 0, 0);
    }

    /**
     * The texture moved by ({@code dxPx}, {@code dyPx}): what is at (x, y) in {@link #frame} is at
     * (x + dxPx, y + dyPx) here, which is the flow convention of {@code OpticalFlow}.
     */
    public RgbImage shifted(int width, int height, double dxPx, double dyPx) {
        RgbImage image = RgbImage.blank(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = x - dxPx;
                double v = y - dyPx;
                image.set(x, y, channel(u, v, 0), channel(u, v, 1), channel(u, v, 2));
            }
        }
        return image;
    }

    private int channel(double u, double v, int channel) {
        double sum = 0;
        for (int w = 0; w < WAVES; w++) {
            sum += Math.sin(frequencyX[w] * u + frequencyY[w] * v + phase[w * 3 + channel]);
        }
        return (int) Math.max(0, Math.min(255, Math.round(128 + 35 * sum)));
    }
}
