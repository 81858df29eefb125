package org.frameloop.core.internal.flow;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.spi.FlowProvider;
import org.frameloop.core.video.Video;

/**
 * Optical flow between neighbouring frames of one video, computed once per pair (both directions in one
 * provider call) and kept quantised to 1/32 px in shorts, which halves the memory of floats at an error
 * far below what flow estimation achieves. With a cache folder, pairs are also written to disk (deflated)
 * and only a few recent ones stay decoded in memory, so long videos fit; the folder is deletable.
 */
public final class FlowCache {

    private static final float SCALE = 32f;
    private static final int DECODED_PAIRS = 16;

    private final Video video;
    private final FlowProvider provider;
    private final Path folder;
    private final Map<Integer, OpticalFlow[]> inMemory = new HashMap<>();
    private final Map<Integer, Double> validShares = new HashMap<>();
    private final Map<Integer, OpticalFlow[]> recent = new LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, OpticalFlow[]> eldest) {
            return size() > DECODED_PAIRS;
        }
    };

    /**
     * @param folder where to keep flow on disk, or null to keep all of it (quantised) in memory
     */
    public FlowCache(Video video, FlowProvider provider, Path folder) {
        this.video = video;
        this.provider = provider;
        this.folder = folder;
    }

    /**
     * Flow from frame {@code from} to its neighbour {@code to}; empty when {@code to} is outside the video.
     *
     * @throws IllegalArgumentException unless the frames are neighbours
     */
    public Optional<OpticalFlow> flow(int from, int to) {
        if (Math.abs(from - to) != 1) {
            throw new IllegalArgumentException("flow is cached between neighbouring frames only, not " + from + "->" + to);
        }
        if (from < 0 || to < 0 || from >= video.frameCount() || to >= video.frameCount()) {
            return Optional.empty();
        }
        int first = Math.min(from, to);
        OpticalFlow[] pair = pair(first);
        return Optional.of(from < to ? pair[0] : pair[1]);
    }

    /**
     * The share of pixels that passed the provider's consistency check (forward-backward on DIS), averaged over
     * both directions of every pair this cache has served; empty before the first. Tells how much the
     * temporal term can use: near 1 at video rate, far lower on footage sampled at 1 frame per second.
     */
    public synchronized OptionalDouble validShare() {
        return validShares.values().stream().mapToDouble(Double::doubleValue).average();
    }

    private synchronized OpticalFlow[] pair(int first) {
        OpticalFlow[] cached = recent.get(first);
        if (cached != null) {
            return cached;
        }
        if (folder == null) {
            cached = inMemory.get(first);
        } else {
            cached = readFromDisk(first);
        }
        if (cached == null) {
            OpticalFlow[] computed = provider.flowBothWays(video.frame(first), video.frame(first + 1));
            cached = new OpticalFlow[] { quantised(computed[0]), quantised(computed[1]) };
            if (folder == null) {
                inMemory.put(first, cached);
            } else {
                writeToDisk(first, cached);
            }
        }
        recent.put(first, cached);
        OpticalFlow[] pair = cached;
        // Once per pair: a pair evicted from the decoded few and read back from disk is not counted again.
        validShares.computeIfAbsent(first, key -> (pair[0].validFraction() + pair[1].validFraction()) / 2);
        return cached;
    }

    // Round-tripping through the quantised form here keeps in-memory and on-disk results identical.
    private static OpticalFlow quantised(OpticalFlow flow) {
        int n = flow.dx().length;
        float[] dx = new float[n];
        float[] dy = new float[n];
        for (int i = 0; i < n; i++) {
            dx[i] = quantise(flow.dx()[i]) / SCALE;
            dy[i] = quantise(flow.dy()[i]) / SCALE;
        }
        return new OpticalFlow(flow.width(), flow.height(), dx, dy, flow.valid().clone());
    }

    private static short quantise(float value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value * SCALE)));
    }

    private Path file(int first) {
        return folder.resolve(String.format("flow-%06d.bin", first));
    }

    private void writeToDisk(int first, OpticalFlow[] pair) {
        try {
            AtomicFiles.write(file(first), raw -> {
                // the fastest level: at the default level compressing a pair took longer than computing it
                Deflater level = new Deflater(Deflater.BEST_SPEED);
                try {
                    DeflaterOutputStream deflater = new DeflaterOutputStream(raw, level, 1 << 16);
                    DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(deflater, 1 << 16));
                    for (OpticalFlow flow : pair) {
                        out.writeInt(flow.width());
                        out.writeInt(flow.height());
                        for (int i = 0; i < flow.dx().length; i++) {
                            out.writeShort(quantise(flow.dx()[i]));
                            out.writeShort(quantise(flow.dy()[i]));
                            out.writeBoolean(flow.valid()[i]);
                        }
                    }
                    out.flush();
                    deflater.finish();
                } finally {
                    level.end(); // a Deflater given to the stream is not ended by it
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the flow cache " + file(first), e);
        }
    }

    private OpticalFlow[] readFromDisk(int first) {
        Path file = file(first);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
                new InflaterInputStream(Files.newInputStream(file))))) {
            OpticalFlow[] pair = new OpticalFlow[2];
            for (int k = 0; k < 2; k++) {
                int width = in.readInt();
                int height = in.readInt();
                if (width != video.width() || height != video.height()) {
                    return null; // stale cache from another video size: recompute
                }
                int n = width * height;
                float[] dx = new float[n];
                float[] dy = new float[n];
                boolean[] valid = new boolean[n];
                for (int i = 0; i < n; i++) {
                    dx[i] = in.readShort() / SCALE;
                    dy[i] = in.readShort() / SCALE;
                    valid[i] = in.readBoolean();
                }
                pair[k] = new OpticalFlow(width, height, dx, dy, valid);
            }
            return pair;
        } catch (IOException e) {
            return null; // a truncated or corrupt cache file is rebuilt, never fatal
        }
    }
}
