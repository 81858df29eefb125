package org.frameloop.core.image;

import java.util.Arrays;

import org.frameloop.core.video.Video;

/**
 * Videos and labels at 1/factor of their size, for runs where speed matters more than detail (benchmarks
 * on two CPU cores, fast tests on real footage): frames are box-filtered, labels take the most frequent id
 * of each block (ties to the smaller id), so a label is never blended and thin classes survive where they
 * dominate their block. Sizes are rounded down; the right and bottom remainder is dropped.
 */
public final class Downscale {

    private Downscale() {
    }

    public static RgbImage rgb(RgbImage image, int factor) {
        check(factor, image.width(), image.height());
        int width = image.width() / factor;
        int height = image.height() / factor;
        byte[] in = image.rgb();
        byte[] out = new byte[width * height * 3];
        int n = factor * factor;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < factor; dy++) {
                    int row = ((y * factor + dy) * image.width() + x * factor) * 3;
                    for (int dx = 0; dx < factor; dx++) {
                        r += in[row + dx * 3] & 0xFF;
                        g += in[row + dx * 3 + 1] & 0xFF;
                        b += in[row + dx * 3 + 2] & 0xFF;
                    }
                }
                int o = (y * width + x) * 3;
                out[o] = (byte) ((r + n / 2) / n);
                out[o + 1] = (byte) ((g + n / 2) / n);
                out[o + 2] = (byte) ((b + n / 2) / n);
            }
        }
        return new RgbImage(width, height, out);
    }

    public static LabelImage labels(LabelImage labels, int factor) {
        check(factor, labels.width(), labels.height());
        int width = labels.width() / factor;
        int height = labels.height() / factor;
        LabelImage out = LabelImage.unlabeled(width, height);
        int[] votes = new int[256];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Arrays.fill(votes, 0);
                int best = -1;
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        int id = labels.id(x * factor + dx, y * factor + dy);
                        votes[id]++;
                        if (best < 0 || votes[id] > votes[best] || (votes[id] == votes[best] && id < best)) {
                            best = id;
                        }
                    }
                }
                out.set(x, y, best);
            }
        }
        return out;
    }

    /** {@code video} at 1/factor of its size, each frame computed when asked for. */
    public static Video video(Video video, int factor) {
        check(factor, video.width(), video.height());
        return Video.of(video.name(), video.frameCount(), video.width() / factor, video.height() / factor,
                frame -> rgb(video.frame(frame), factor));
    }

    public static LabelSequence labels(LabelSequence labels, int factor) {
        check(factor, labels.width(), labels.height());
        return LabelSequence.of(labels.frameCount(), labels.width() / factor, labels.height() / factor,
                frame -> labels(labels.labels(frame), factor));
    }

    private static void check(int factor, int width, int height) {
        if (factor < 1 || width / factor < 1 || height / factor < 1) {
            throw new IllegalArgumentException("cannot downscale " + width + "x" + height + " by " + factor);
        }
    }
}
