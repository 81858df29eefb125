package org.frameloop.core.carry;

import java.util.Arrays;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.spi.AnnotatedVideo;

/**
 * Human labels carried along optical flow through a whole video, in both directions: the forward sweep
 * takes every pixel's label from where the flow says it was in the previous frame, starting from the
 * human-labelled pixels; the backward sweep does the same from the next frame. Each carried label has an
 * age: the number of frames it travelled, plus {@code occlusionPenaltyFrames} for every step through a
 * pixel that failed the flow provider's forward-backward check (occlusions, borders). A pixel a person
 * labelled has age 0 in both directions; a pixel no label reaches is {@link LabelImage#UNLABELED}.
 * <p>
 * Works for any kind of human label (whole frames, rectangles, superpixels): only labelled pixels are
 * sources. Memory: 6 bytes per pixel and frame (labels, and ages in 1/16 frame in shorts).
 */
public final class CarriedLabels {

    /** Age of a pixel no label reaches. */
    public static final float NEVER = Float.POSITIVE_INFINITY;

    private static final byte UNLABELED = (byte) LabelImage.UNLABELED;
    private static final float AGE_SCALE = 16f;
    private static final short NEVER_STORED = Short.MAX_VALUE;

    /** The labels reaching one frame from both directions. */
    public record Frame(byte[] forwardLabels, float[] forwardAge, byte[] backwardLabels, float[] backwardAge) {

        /** The label of pixel {@code i} from the direction whose source is nearer, or unlabeled. */
        public byte nearestLabel(int i) {
            if (forwardLabels[i] == UNLABELED) {
                return backwardLabels[i];
            }
            if (backwardLabels[i] == UNLABELED) {
                return forwardLabels[i];
            }
            return forwardAge[i] <= backwardAge[i] ? forwardLabels[i] : backwardLabels[i];
        }

        /** The age of {@link #nearestLabel}, or {@link CarriedLabels#NEVER}. */
        public float nearestAge(int i) {
            return Math.min(forwardAge[i], backwardAge[i]);
        }
    }

    private final int width;
    private final int height;
    private final byte[][] forwardLabels;
    private final short[][] forwardAge;
    private final byte[][] backwardLabels;
    private final short[][] backwardAge;

    private CarriedLabels(int frames, int width, int height) {
        this.width = width;
        this.height = height;
        forwardLabels = new byte[frames][];
        forwardAge = new short[frames][];
        backwardLabels = new byte[frames][];
        backwardAge = new short[frames][];
    }

    /**
     * Carries the current human labels of {@code video} along its flow, both ways. Frames whose flow is
     * missing (no provider) stop a sweep: labels then reach only the frames that hold them.
     *
     * @param occlusionPenaltyFrames extra age for each step through a pixel that failed the flow check
     */
    public static CarriedLabels carry(AnnotatedVideo video, double occlusionPenaltyFrames, IProgressMonitor monitor) {
        int frames = video.frameCount();
        SubMonitor progress = SubMonitor.convert(monitor, "Carrying human labels along optical flow", 2 * frames);
        progress.subTask("Carrying human labels along optical flow");
        CarriedLabels carried = new CarriedLabels(frames, video.width(), video.height());
        carried.sweep(video, 0, frames, 1, carried.forwardLabels, carried.forwardAge, (float) occlusionPenaltyFrames,
                progress);
        carried.sweep(video, frames - 1, -1, -1, carried.backwardLabels, carried.backwardAge,
                (float) occlusionPenaltyFrames, progress);
        return carried;
    }

    public int frameCount() {
        return forwardLabels.length;
    }

    /** Both directions' labels and ages for one frame (decoded copies). */
    public Frame frame(int frameIndex) {
        return new Frame(forwardLabels[frameIndex].clone(), decode(forwardAge[frameIndex]),
                backwardLabels[frameIndex].clone(), decode(backwardAge[frameIndex]));
    }

    private static float[] decode(short[] stored) {
        float[] ages = new float[stored.length];
        for (int i = 0; i < stored.length; i++) {
            ages[i] = stored[i] == NEVER_STORED ? NEVER : stored[i] / AGE_SCALE;
        }
        return ages;
    }

    private static short encode(float age) {
        return age == NEVER || age * AGE_SCALE >= NEVER_STORED ? NEVER_STORED : (short) Math.round(age * AGE_SCALE);
    }

    /**
     * One direction: a frame's pixel takes its own human label when it has one, else the label its source
     * point carries. Each carried pixel remembers where it came from: the human-labelled frame of its source
     * and the sub-pixel point there. Stepping to the next frame moves that point by the flow's fraction of a
     * pixel too, and the label is read at the point, so slow motion is followed instead of rounded away (a
     * warp that reads the nearest pixel of the previous frame each step never moves a label whose motion is
     * under half a pixel a frame, and every step rounds anew).
     */
    private void sweep(AnnotatedVideo video, int start, int end, int step, byte[][] outLabels, short[][] outAge,
            float penalty, SubMonitor progress) {
        int n = width * height;
        Trail previous = null;
        // each labelled frame's human labels, by frame: looked up for every carried pixel, so no boxed map
        byte[][] sources = new byte[video.frameCount()][];
        for (int f = start; f != end; f += step) {
            progress.checkCanceled();
            Trail trail = new Trail(n);
            if (previous != null) {
                // where did pixel p of frame f come from in the previous frame of the sweep?
                Optional<OpticalFlow> flow = video.flow(f, f - step);
                if (flow.isPresent()) {
                    follow(flow.get(), previous, trail, penalty, sources);
                }
            }
            if (video.hasHumanLabels(f)) {
                byte[] human = video.humanLabels(f).ids();
                sources[f] = human;
                for (int y = 0, i = 0; y < height; y++) {
                    for (int x = 0; x < width; x++, i++) {
                        if (human[i] != UNLABELED) {
                            trail.set(i, human[i], 0, f, x, y);
                        }
                    }
                }
            }
            short[] stored = new short[n];
            boolean anyLabel = false;
            for (int i = 0; i < n; i++) {
                stored[i] = encode(trail.age[i]);
                anyLabel |= trail.label[i] != UNLABELED;
            }
            outLabels[f] = trail.label;
            outAge[f] = stored;
            previous = anyLabel ? trail : null;
            progress.worked(1);
        }
    }

    /** One frame of a sweep: each pixel's label, age, and the frame and sub-pixel point its label comes from. */
    private static final class Trail {
        final byte[] label;
        final float[] age;
        final int[] sourceFrame;
        final float[] sourceX;
        final float[] sourceY;

        Trail(int n) {
            label = new byte[n];
            age = new float[n];
            sourceFrame = new int[n];
            sourceX = new float[n];
            sourceY = new float[n];
            Arrays.fill(label, UNLABELED);
            Arrays.fill(age, NEVER);
        }

        void set(int i, byte value, float valueAge, int frame, float x, float y) {
            label[i] = value;
            age[i] = valueAge;
            sourceFrame[i] = frame;
            sourceX[i] = x;
            sourceY[i] = y;
        }
    }

    private void follow(OpticalFlow flow, Trail previous, Trail trail, float penalty, byte[][] sources) {
        float[] dx = flow.dx();
        float[] dy = flow.dy();
        boolean[] valid = flow.valid();
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                float px = x + dx[i];
                float py = y + dy[i];
                int sx = Math.round(px);
                int sy = Math.round(py);
                if (sx < 0 || sy < 0 || sx >= width || sy >= height) {
                    continue;
                }
                int s = sy * width + sx;
                if (previous.label[s] == UNLABELED) {
                    continue;
                }
                // the nearest pixel's source point, moved by what rounding to that pixel left over
                int frame = previous.sourceFrame[s];
                float ox = previous.sourceX[s] + (px - sx);
                float oy = previous.sourceY[s] + (py - sy);
                byte value = labelAt(sources[frame], ox, oy, previous.label[s]);
                trail.set(i, value, previous.age[s] + 1 + (valid[i] ? 0 : penalty), frame, ox, oy);
            }
        }
    }

    /** The source frame's human label at a sub-pixel point, or {@code fallback} where it has none there. */
    private byte labelAt(byte[] source, float x, float y, byte fallback) {
        int ix = Math.round(x);
        int iy = Math.round(y);
        if (source == null || ix < 0 || iy < 0 || ix >= width || iy >= height) {
            return fallback;
        }
        byte value = source[iy * width + ix];
        return value == UNLABELED ? fallback : value;
    }
}
