package org.frameloop.core.internal.flow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.spi.FlowProvider;
import org.frameloop.core.video.Video;

/**
 * Optical flow between neighbouring frames of one video, computed once per pair (both directions in one
 * provider call) and kept packed ({@link PackedFlow}: 1/32 px in shorts, the check in bits). Without a cache
 * folder every pair stays in memory. With one, every pair is also written to disk (deflated), so a resumed
 * run or the next session reuses it, and pairs stay packed in memory up to a budget (a quarter of the heap),
 * beyond which the least recently used are read back from disk: the carrying sweeps and the temporal term read
 * every pair each round, and inflating them again cost about 6 s a round on a 171-frame 480×360 video.
 */
public final class FlowCache {

    private static final int DECODED_PAIRS = 16;

    private final Video video;
    private final FlowProvider provider;
    private final Path folder;
    private final long packedBudgetBytes;
    private long packedBytes;
    private volatile boolean allComputed;
    private final Map<Integer, Double> validShares = new HashMap<>();
    private final LinkedHashMap<Integer, PackedFlow[]> packed = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Integer, OpticalFlow[]> recent = new LinkedHashMap<>(32, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, OpticalFlow[]> eldest) {
            return size() > DECODED_PAIRS;
        }
    };

    /**
     * @param folder where to keep flow on disk, or null to keep all of it (packed) in memory
     */
    public FlowCache(Video video, FlowProvider provider, Path folder) {
        this(video, provider, folder, Runtime.getRuntime().maxMemory() / 4);
    }

    /** @param packedBudgetBytes the most heap the packed pairs may hold when they are also on disk */
    FlowCache(Video video, FlowProvider provider, Path folder, long packedBudgetBytes) {
        this.video = video;
        this.provider = provider;
        this.folder = folder;
        this.packedBudgetBytes = packedBudgetBytes;
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

    /**
     * Computes the pairs not computed yet, first to last, until {@code stop} says so or all are done; for a
     * background thread while a person labels, so that the flow is ready when the loop needs it (at 480×360 the
     * full-resolution flow of 170 pairs takes about 30 s, at 1080p minutes). Each pair is computed under the
     * cache's lock, as when the loop asks for it: the provider is never called twice at once.
     *
     * @return the pairs computed
     */
    public int computeAhead(BooleanSupplier stop) {
        int computed = 0;
        int first = 0;
        for (; first + 1 < video.frameCount() && !stop.getAsBoolean(); first++) {
            if (computeIfMissing(first)) {
                computed++;
            }
        }
        if (first + 1 >= video.frameCount()) {
            allComputed = true;
        }
        return computed;
    }

    /** Whether {@link #computeAhead} has gone through every pair. */
    public boolean allComputed() {
        return allComputed;
    }

    private synchronized boolean computeIfMissing(int first) {
        if (recent.containsKey(first) || packed.containsKey(first) || (folder != null && Files.isRegularFile(file(first)))) {
            return false;
        }
        pair(first);
        return true;
    }

    /** Pairs held packed in memory now (for tests). */
    synchronized int packedPairs() {
        return packed.size();
    }

    private synchronized OpticalFlow[] pair(int first) {
        OpticalFlow[] decoded = recent.get(first);
        if (decoded != null) {
            return decoded;
        }
        PackedFlow[] stored = packed.get(first);
        if (stored == null && folder != null) {
            stored = readFromDisk(first);
            if (stored != null) {
                keepPacked(first, stored);
            }
        }
        if (stored == null) {
            OpticalFlow[] computed = provider.flowBothWays(video.frame(first), video.frame(first + 1));
            stored = new PackedFlow[] { PackedFlow.of(computed[0]), PackedFlow.of(computed[1]) };
            if (folder != null) {
                writeToDisk(first, stored);
            }
            keepPacked(first, stored);
        }
        // decoded from the packed form in every case, so in-memory and on-disk results are identical
        decoded = new OpticalFlow[] { stored[0].decoded(), stored[1].decoded() };
        recent.put(first, decoded);
        OpticalFlow[] pair = decoded;
        // Once per pair: a pair evicted from the decoded few and read back from disk is not counted again.
        validShares.computeIfAbsent(first, key -> (pair[0].validFraction() + pair[1].validFraction()) / 2);
        return decoded;
    }

    private void keepPacked(int first, PackedFlow[] pair) {
        packed.put(first, pair);
        packedBytes += pair[0].bytes() + pair[1].bytes();
        if (folder == null) {
            return; // nowhere else to keep it
        }
        Iterator<Map.Entry<Integer, PackedFlow[]>> eldest = packed.entrySet().iterator();
        while (packedBytes > packedBudgetBytes && eldest.hasNext()) {
            Map.Entry<Integer, PackedFlow[]> entry = eldest.next();
            if (entry.getKey() == first) {
                continue; // just asked for
            }
            packedBytes -= entry.getValue()[0].bytes() + entry.getValue()[1].bytes();
            eldest.remove();
        }
    }

    private Path file(int first) {
        return folder.resolve(String.format("flow-%06d.bin", first));
    }

    private void writeToDisk(int first, PackedFlow[] pair) {
        ByteBuffer raw = ByteBuffer.allocate(2 * PackedFlow.fileBytes(video.width(), video.height()));
        pair[0].writeTo(raw);
        pair[1].writeTo(raw);
        try {
            AtomicFiles.write(file(first), out -> {
                // the fastest level: at the default level compressing a pair took longer than computing it
                Deflater level = new Deflater(Deflater.BEST_SPEED);
                try {
                    DeflaterOutputStream deflater = new DeflaterOutputStream(out, level, 1 << 16);
                    deflater.write(raw.array(), 0, raw.position());
                    deflater.finish();
                } finally {
                    level.end(); // a Deflater given to the stream is not ended by it
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the flow cache " + file(first), e);
        }
    }

    private PackedFlow[] readFromDisk(int first) {
        Path file = file(first);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        int width = video.width();
        int height = video.height();
        byte[] bytes;
        Inflater inflater = new Inflater();
        try (InputStream in = new InflaterInputStream(Files.newInputStream(file), inflater, 1 << 16)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            return null; // a truncated or corrupt cache file is rebuilt, never fatal
        } finally {
            inflater.end(); // an Inflater given to the stream is not ended by it
        }
        if (bytes.length != 2 * PackedFlow.fileBytes(width, height)) {
            return null; // another video size, or cut short: recompute
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        PackedFlow forward = PackedFlow.readFrom(in, width, height);
        PackedFlow backward = forward == null ? null : PackedFlow.readFrom(in, width, height);
        return backward == null ? null : new PackedFlow[] { forward, backward };
    }
}
