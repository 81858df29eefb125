package org.frameloop.core.internal.flow;

import java.nio.ByteBuffer;

import org.frameloop.core.image.OpticalFlow;

/**
 * One direction of a pair as the cache keeps it: motion quantised to 1/{@value #SCALE} px in shorts and the
 * consistency check as bits, 4.1 bytes a pixel instead of the 9 of floats and booleans, at an error far below
 * what flow estimation achieves.
 */
final class PackedFlow {

    static final float SCALE = 32f;
    /** Bytes of one pixel in the file format: dx and dy as shorts, then the check as a byte. */
    static final int FILE_BYTES_PER_PIXEL = 5;

    private final int width;
    private final int height;
    private final short[] dx;
    private final short[] dy;
    private final long[] valid;

    private PackedFlow(int width, int height, short[] dx, short[] dy, long[] valid) {
        this.width = width;
        this.height = height;
        this.dx = dx;
        this.dy = dy;
        this.valid = valid;
    }

    static PackedFlow of(OpticalFlow flow) {
        int n = flow.dx().length;
        short[] dx = new short[n];
        short[] dy = new short[n];
        long[] valid = new long[(n + 63) >>> 6];
        for (int i = 0; i < n; i++) {
            dx[i] = quantise(flow.dx()[i]);
            dy[i] = quantise(flow.dy()[i]);
            if (flow.valid()[i]) {
                valid[i >>> 6] |= 1L << i;
            }
        }
        return new PackedFlow(flow.width(), flow.height(), dx, dy, valid);
    }

    private static short quantise(float value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value * SCALE)));
    }

    OpticalFlow decoded() {
        int n = dx.length;
        float[] fx = new float[n];
        float[] fy = new float[n];
        boolean[] ok = new boolean[n];
        for (int i = 0; i < n; i++) {
            fx[i] = dx[i] / SCALE;
            fy[i] = dy[i] / SCALE;
            ok[i] = (valid[i >>> 6] & (1L << i)) != 0;
        }
        return new OpticalFlow(width, height, fx, fy, ok);
    }

    /** Heap bytes of the arrays, for the cache's budget. */
    long bytes() {
        return 4L * dx.length + 8L * valid.length;
    }

    static int fileBytes(int width, int height) {
        return 8 + FILE_BYTES_PER_PIXEL * width * height;
    }

    /** Writes width, height, then per pixel dx, dy (shorts) and the check (a byte), big-endian. */
    void writeTo(ByteBuffer out) {
        out.putInt(width).putInt(height);
        for (int i = 0; i < dx.length; i++) {
            out.putShort(dx[i]).putShort(dy[i]).put((byte) ((valid[i >>> 6] >>> i) & 1L));
        }
    }

    /** Reads what {@link #writeTo} wrote; null when the size is not {@code width}×{@code height}. */
    static PackedFlow readFrom(ByteBuffer in, int width, int height) {
        if (in.getInt() != width || in.getInt() != height) {
            return null;
        }
        int n = width * height;
        short[] dx = new short[n];
        short[] dy = new short[n];
        long[] valid = new long[(n + 63) >>> 6];
        for (int i = 0; i < n; i++) {
            dx[i] = in.getShort();
            dy[i] = in.getShort();
            if (in.get() != 0) {
                valid[i >>> 6] |= 1L << i;
            }
        }
        return new PackedFlow(width, height, dx, dy, valid);
    }
}
