package org.frameloop.core.label;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.sample.Region;

/**
 * The labels of every frame of one video, in two layers: human labels, which are authoritative and never
 * overwritten by the model, and automatic labels from the model. {@link #merged} is what a frame's label
 * is: human where a person labelled, automatic elsewhere, {@link LabelImage#UNLABELED} where neither.
 * Thread-safe (the loop writes from a worker while the IDE reads); views subscribe through
 * {@link #addListener}.
 */
public final class LabelStore {

    /** Which layer changed. */
    public enum Layer { HUMAN, AUTO }

    /** Told after labels of a frame changed. */
    @FunctionalInterface
    public interface Listener {
        void labelsChanged(int frameIndex, Layer layer);
    }

    private static final byte UNLABELED = (byte) LabelImage.UNLABELED;

    private final int frameCount;
    private final int width;
    private final int height;
    private final byte[][] human;
    private final byte[][] auto;
    private final int[] humanPixels;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public LabelStore(int frameCount, int width, int height) {
        if (frameCount <= 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a label store needs frames and a size, got " + frameCount + " frames of "
                    + width + "x" + height);
        }
        this.frameCount = frameCount;
        this.width = width;
        this.height = height;
        this.human = new byte[frameCount][];
        this.auto = new byte[frameCount][];
        this.humanPixels = new int[frameCount];
    }

    public int frameCount() {
        return frameCount;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** A copy of the frame's human labels. */
    public synchronized LabelImage human(int frameIndex) {
        return copyOf(human[frameIndex]);
    }

    /** A copy of the frame's automatic labels. */
    public synchronized LabelImage auto(int frameIndex) {
        return copyOf(auto[frameIndex]);
    }

    /**
     * One pixel of the frame's {@code layer} ({@link LabelImage#UNLABELED} where it has none), without
     * copying the frame: what a status line under the mouse needs.
     */
    public synchronized int id(int frameIndex, Layer layer, int x, int y) {
        byte[] ids = layer == Layer.HUMAN ? human[frameIndex] : auto[frameIndex];
        return ids == null ? LabelImage.UNLABELED : ids[y * width + x] & 0xFF;
    }

    /** The frame's labels: human where present, automatic elsewhere. */
    public synchronized LabelImage merged(int frameIndex) {
        byte[] h = human[frameIndex];
        byte[] a = auto[frameIndex];
        if (h == null) {
            return copyOf(a);
        }
        byte[] merged = h.clone();
        if (a != null) {
            for (int i = 0; i < merged.length; i++) {
                if (merged[i] == UNLABELED) {
                    merged[i] = a[i];
                }
            }
        }
        return new LabelImage(width, height, merged);
    }

    /**
     * Stores what a person labelled in {@code region}: the region's pixels take their values from
     * {@code labels} (a full-frame image); pixels outside the region are untouched, and so are region
     * pixels that {@code labels} leaves {@link LabelImage#UNLABELED}.
     *
     * @return the number of pixels written
     */
    public int putHuman(int frameIndex, Region region, LabelImage labels) {
        checkSize(labels);
        int written = 0;
        synchronized (this) {
            byte[] h = human[frameIndex];
            if (h == null) {
                h = new byte[width * height];
                java.util.Arrays.fill(h, UNLABELED);
                human[frameIndex] = h;
            }
            byte[] source = labels.ids();
            for (int pixel : region.pixelIndices(width)) {
                byte value = source[pixel];
                if (value != UNLABELED) {
                    if (h[pixel] == UNLABELED) {
                        humanPixels[frameIndex]++;
                    }
                    h[pixel] = value;
                    written++;
                }
            }
        }
        fire(frameIndex, Layer.HUMAN);
        return written;
    }

    /**
     * Sets the human label of single pixels, {@link LabelImage#UNLABELED} included: what an eraser or an
     * undo needs, which {@link #putHuman} (it skips unlabeled values) cannot do.
     *
     * @param pixelIndices row-major pixel indices of the frame
     * @param ids          the new id of each pixel, same length
     * @return the ids the pixels held before, in the same order
     */
    public byte[] setHuman(int frameIndex, int[] pixelIndices, byte[] ids) {
        if (pixelIndices.length != ids.length) {
            throw new IllegalArgumentException(pixelIndices.length + " pixels but " + ids.length + " ids");
        }
        byte[] before = new byte[ids.length];
        synchronized (this) {
            byte[] h = human[frameIndex];
            if (h == null) {
                h = new byte[width * height];
                java.util.Arrays.fill(h, UNLABELED);
                human[frameIndex] = h;
            }
            for (int i = 0; i < pixelIndices.length; i++) {
                int pixel = pixelIndices[i];
                before[i] = h[pixel];
                if (h[pixel] == UNLABELED && ids[i] != UNLABELED) {
                    humanPixels[frameIndex]++;
                } else if (h[pixel] != UNLABELED && ids[i] == UNLABELED) {
                    humanPixels[frameIndex]--;
                }
                h[pixel] = ids[i];
            }
        }
        fire(frameIndex, Layer.HUMAN);
        return before;
    }

    /** Replaces the frame's automatic labels (they never hide human ones: see {@link #merged}). */
    public void putAuto(int frameIndex, LabelImage labels) {
        checkSize(labels);
        synchronized (this) {
            auto[frameIndex] = labels.ids().clone();
        }
        fire(frameIndex, Layer.AUTO);
    }

    public synchronized boolean hasHuman(int frameIndex) {
        return humanPixels[frameIndex] > 0;
    }

    /** Share of the frame's pixels a person labelled, 0..1. */
    public synchronized double humanShare(int frameIndex) {
        return humanPixels[frameIndex] / (double) (width * height);
    }

    /** Whether every pixel of {@code region} carries a human label. */
    public synchronized boolean isFullyHuman(int frameIndex, Region region) {
        byte[] h = human[frameIndex];
        if (h == null) {
            return false;
        }
        if (humanPixels[frameIndex] == width * height) {
            return true;
        }
        for (int pixel : region.pixelIndices(width)) {
            if (h[pixel] == UNLABELED) {
                return false;
            }
        }
        return true;
    }

    /** Total human-labelled pixels over the video. */
    public synchronized long humanPixelCount() {
        long total = 0;
        for (int count : humanPixels) {
            total += count;
        }
        return total;
    }

    private LabelImage copyOf(byte[] ids) {
        return ids == null ? LabelImage.unlabeled(width, height) : new LabelImage(width, height, ids.clone());
    }

    private void checkSize(LabelImage labels) {
        if (labels.width() != width || labels.height() != height) {
            throw new IllegalArgumentException("labels are " + labels.width() + "x" + labels.height()
                    + " but the video is " + width + "x" + height);
        }
    }

    private void fire(int frameIndex, Layer layer) {
        for (Listener listener : listeners) {
            listener.labelsChanged(frameIndex, layer);
        }
    }
}
