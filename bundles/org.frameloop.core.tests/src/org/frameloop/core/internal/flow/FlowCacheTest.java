package org.frameloop.core.internal.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.spi.FlowProvider;
import org.frameloop.core.video.Video;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowCacheTest {

    private static final int WIDTH = 48;
    private static final int HEIGHT = 32;

    /** Noisy sub-pixel flow with some invalid pixels, different for each pair and direction. */
    private static final class CountingProvider implements FlowProvider {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public OpticalFlow flow(RgbImage from, RgbImage to) {
            calls.incrementAndGet();
            Random random = new Random(from.rgb()[0] * 31L + to.rgb()[0]);
            int n = WIDTH * HEIGHT;
            float[] dx = new float[n];
            float[] dy = new float[n];
            boolean[] valid = new boolean[n];
            for (int i = 0; i < n; i++) {
                dx[i] = (float) (random.nextGaussian() * 7);
                dy[i] = (float) (random.nextGaussian() * 3);
                valid[i] = random.nextInt(4) != 0;
            }
            return new OpticalFlow(WIDTH, HEIGHT, dx, dy, valid);
        }
    }

    private static Video video() {
        return Video.of("flow-test", 4, WIDTH, HEIGHT, f -> {
            RgbImage image = RgbImage.blank(WIDTH, HEIGHT);
            image.rgb()[0] = (byte) (f + 1);
            return image;
        });
    }

    @Test
    void flowKeptOnDiskIsTheSameAsFlowKeptInMemoryAndComputedOncePerPair(@TempDir Path folder) {
        CountingProvider inMemoryProvider = new CountingProvider();
        CountingProvider onDiskProvider = new CountingProvider();
        FlowCache inMemory = new FlowCache(video(), inMemoryProvider, null);
        FlowCache onDisk = new FlowCache(video(), onDiskProvider, folder);

        for (int f = 0; f < 3; f++) {
            assertSame(inMemory.flow(f, f + 1).orElseThrow(), onDisk.flow(f, f + 1).orElseThrow());
            assertSame(inMemory.flow(f + 1, f).orElseThrow(), onDisk.flow(f + 1, f).orElseThrow());
        }
        // a second cache on the same folder reads every pair back instead of computing it
        CountingProvider rereadProvider = new CountingProvider();
        FlowCache reread = new FlowCache(video(), rereadProvider, folder);
        for (int f = 0; f < 3; f++) {
            assertSame(inMemory.flow(f, f + 1).orElseThrow(), reread.flow(f, f + 1).orElseThrow());
        }
        assertEquals(3, onDiskProvider.calls.get() / 2, "one provider call (both ways) per pair");
        assertEquals(0, rereadProvider.calls.get());
        assertTrue(inMemory.flow(3, 4).isEmpty());
    }

    @Test
    void pairsBeyondTheMemoryBudgetAreReadBackFromDiskNotComputedAgain(@TempDir Path folder) {
        CountingProvider provider = new CountingProvider();
        long onePair = 2 * (4L * WIDTH * HEIGHT + 8L * ((WIDTH * HEIGHT + 63) / 64));
        FlowCache small = new FlowCache(video(), provider, folder, onePair + onePair / 2);
        FlowCache reference = new FlowCache(video(), new CountingProvider(), null);

        for (int f = 0; f < 3; f++) {
            assertSame(reference.flow(f + 1, f).orElseThrow(), small.flow(f + 1, f).orElseThrow());
            assertTrue(small.packedPairs() <= 1, "the budget holds one pair, not " + small.packedPairs());
        }
        // a second cache on the folder reads the pairs back, in another order, within the same budget
        FlowCache reread = new FlowCache(video(), provider, folder, onePair + onePair / 2);
        for (int f = 2; f >= 0; f--) {
            assertSame(reference.flow(f, f + 1).orElseThrow(), reread.flow(f, f + 1).orElseThrow());
            assertTrue(reread.packedPairs() <= 1);
        }
        assertEquals(3, provider.calls.get() / 2, "computed once per pair, then read back");
        assertEquals(3, reference.packedPairs(), "without a folder every pair stays in memory");
    }

    @Test
    void aTruncatedCacheFileIsComputedAgain(@TempDir Path folder) throws IOException {
        new FlowCache(video(), new CountingProvider(), folder).flow(0, 1);
        Path file = folder.resolve("flow-000000.bin");
        byte[] written = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(written, written.length / 2));

        CountingProvider provider = new CountingProvider();
        OpticalFlow flow = new FlowCache(video(), provider, folder).flow(0, 1).orElseThrow();

        assertEquals(2, provider.calls.get());
        assertSame(new FlowCache(video(), new CountingProvider(), null).flow(0, 1).orElseThrow(), flow);
    }

    private static void assertSame(OpticalFlow expected, OpticalFlow actual) {
        assertArrayEquals(expected.dx(), actual.dx());
        assertArrayEquals(expected.dy(), actual.dy());
        assertArrayEquals(expected.valid(), actual.valid());
    }
}
