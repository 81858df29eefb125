package org.frameloop.model.djl;

import java.util.Random;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;

/**
 * A window of a frame that one fine-tuning sample trains on. Training on windows instead of whole
 * frames makes a step cost in proportion to the window (a 192x192 window of a 480x360 frame: a fifth),
 * while the windows are placed on labelled pixels, so the human labels are still what the step learns
 * from. Frames of one pair share a window, so the flow between them keeps its meaning: offsets are
 * relative, and a point that flows out of the window is masked like one that flows out of the frame.
 *
 * @param x      left column in the frame
 * @param y      top row in the frame
 * @param width  window width, at most the frame's
 * @param height window height, at most the frame's
 */
record TrainingCrop(int x, int y, int width, int height) {

    /**
     * A window of at most {@code size} x {@code size} (the whole frame where it is smaller, or when
     * {@code size} is 0) centred on a pixel drawn at random among those {@code labels} label (anywhere
     * when none), shifted to lie inside the frame. {@code size} is a multiple of the network's size
     * multiple, so the window needs no padding.
     */
    static TrainingCrop around(LabelImage labels, int size, Random random) {
        int frameWidth = labels.width();
        int frameHeight = labels.height();
        int width = size <= 0 ? frameWidth : Math.min(size, frameWidth);
        int height = size <= 0 ? frameHeight : Math.min(size, frameHeight);
        if (width == frameWidth && height == frameHeight) {
            return new TrainingCrop(0, 0, width, height);
        }
        int centre = randomLabelledPixel(labels, random);
        int left = Math.max(0, Math.min(frameWidth - width, centre % frameWidth - width / 2));
        int top = Math.max(0, Math.min(frameHeight - height, centre / frameWidth - height / 2));
        return new TrainingCrop(left, top, width, height);
    }

    private static int randomLabelledPixel(LabelImage labels, Random random) {
        byte[] ids = labels.ids();
        int labelled = 0;
        for (byte id : ids) {
            if (id != (byte) LabelImage.UNLABELED) {
                labelled++;
            }
        }
        if (labelled == 0) {
            return random.nextInt(ids.length);
        }
        int wanted = random.nextInt(labelled);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != (byte) LabelImage.UNLABELED && wanted-- == 0) {
                return i;
            }
        }
        throw new AssertionError("counted labelled pixels vanished");
    }

    boolean wholeFrame(int frameWidth, int frameHeight) {
        return x == 0 && y == 0 && width == frameWidth && height == frameHeight;
    }

    RgbImage of(RgbImage image) {
        if (wholeFrame(image.width(), image.height())) {
            return image;
        }
        byte[] rgb = new byte[width * height * 3];
        for (int row = 0; row < height; row++) {
            System.arraycopy(image.rgb(), ((y + row) * image.width() + x) * 3, rgb, row * width * 3, width * 3);
        }
        return new RgbImage(width, height, rgb);
    }

    LabelImage of(LabelImage labels) {
        if (wholeFrame(labels.width(), labels.height())) {
            return labels;
        }
        byte[] ids = new byte[width * height];
        for (int row = 0; row < height; row++) {
            System.arraycopy(labels.ids(), (y + row) * labels.width() + x, ids, row * width, width);
        }
        return new LabelImage(width, height, ids);
    }

    OpticalFlow of(OpticalFlow flow) {
        if (wholeFrame(flow.width(), flow.height())) {
            return flow;
        }
        float[] dx = new float[width * height];
        float[] dy = new float[dx.length];
        boolean[] valid = new boolean[dx.length];
        for (int row = 0; row < height; row++) {
            int from = (y + row) * flow.width() + x;
            System.arraycopy(flow.dx(), from, dx, row * width, width);
            System.arraycopy(flow.dy(), from, dy, row * width, width);
            System.arraycopy(flow.valid(), from, valid, row * width, width);
        }
        return new OpticalFlow(width, height, dx, dy, valid);
    }
}
