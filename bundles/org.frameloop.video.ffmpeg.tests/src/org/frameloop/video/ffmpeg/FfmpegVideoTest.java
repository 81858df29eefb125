package org.frameloop.video.ffmpeg;

import static org.frameloop.video.ffmpeg.SyntheticClip.FRAMES;
import static org.frameloop.video.ffmpeg.SyntheticClip.HEIGHT;
import static org.frameloop.video.ffmpeg.SyntheticClip.WIDTH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.frameloop.core.image.RgbImage;
import org.frameloop.core.video.Video;
import org.frameloop.core.video.VideoFileException;
import org.frameloop.io.ProjectException;
import org.frameloop.io.video.VideoFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Compressed videos, encoded here with the bundled FFmpeg, open through {@link VideoFiles} (so through
 * the {@code videoReaders} extension point) with the exact count, size, order and pixels, and random
 * access gives the very frames a sequential read gives.
 */
class FfmpegVideoTest {

    /** Mean absolute error per channel value that a lossy codec at high quality stays under here (about 2.7 measured). */
    private static final double CODEC_TOLERANCE = 5.0;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({ "mp4, mpeg4", "mkv, libopenh264", "webm, libvpx", "webm, libvpx-vp9", "mov, mpeg4" })
    void aCompressedVideoOpensWithItsExactFramesInOrder(String container, String encoder) throws IOException {
        Path file = SyntheticClip.encodeScene(temp.resolve("clip." + container), encoder);

        try (FfmpegVideo video = (FfmpegVideo) VideoFiles.open(file)) {
            assertEquals(FRAMES, video.frameCount());
            assertEquals(WIDTH, video.width());
            assertEquals(HEIGHT, video.height());
            assertEquals("clip", video.name());
            for (int f = 0; f < FRAMES; f++) {
                RgbImage frame = video.frame(f);
                assertEquals(f, SyntheticClip.markerIndex(frame), "marker of frame " + f);
                double error = SyntheticClip.meanAbsoluteError(frame, SyntheticClip.scene(f));
                assertTrue(error < CODEC_TOLERANCE, "frame " + f + " differs by " + error + " on average");
            }
            assertEquals(0, video.seekCount(), "a sequential read decodes on without seeking");
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({ "mp4, mpeg4", "mkv, libopenh264", "webm, libvpx" })
    void randomAccessGivesTheFramesOfASequentialRead(String container, String encoder) throws IOException {
        Path file = SyntheticClip.encodeScene(temp.resolve("clip." + container), encoder);
        byte[][] sequential = new byte[FRAMES][];
        try (FfmpegVideo video = (FfmpegVideo) VideoFiles.open(file)) {
            for (int f = 0; f < FRAMES; f++) {
                sequential[f] = video.frame(f).rgb();
            }
        }

        try (FfmpegVideo video = (FfmpegVideo) VideoFiles.open(file)) {
            for (int f : new int[] { 17, 3, 20, 21, 0, 23 }) {
                assertArrayEquals(sequential[f], video.frame(f).rgb(), "frame " + f);
            }
            // Key frames every 8: 17, 3 and 20 need a seek each (20 lies past the key frame 16 from 4);
            // 21 decodes on from 20; 0 and 23 seek again.
            assertEquals(5, video.seekCount());
        }
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({ "mp4, mpeg4", "mkv, libopenh264", "webm, libvpx", "mov, mpeg4" })
    void aFileCutInHalfIsRefusedByName(String container, String encoder) throws IOException {
        Path whole = SyntheticClip.encodeScene(temp.resolve("whole." + container), encoder);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(temp.resolve("cut." + container), Arrays.copyOf(bytes, bytes.length / 2));

        VideoFileException e = assertThrows(VideoFileException.class, () -> openAndReadEveryFrame(cut));

        assertTrue(e.getMessage().contains(cut.toString()), e.getMessage());
    }

    @Test
    void aGarbageFileIsRefusedByName() throws IOException {
        byte[] noise = new byte[20_000];
        new Random(42).nextBytes(noise);
        Path garbage = Files.write(temp.resolve("holiday.mp4"), noise);

        VideoFileException e = assertThrows(VideoFileException.class, () -> openAndReadEveryFrame(garbage));

        assertTrue(e.getMessage().contains(garbage.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a video"), e.getMessage());
    }

    @Test
    void aGarbageTailAfterAValidHeaderIsRefusedByName() throws IOException {
        Path whole = SyntheticClip.encodeScene(temp.resolve("whole.webm"), "libvpx");
        byte[] bytes = Files.readAllBytes(whole);
        byte[] noise = new byte[bytes.length - 200];
        new Random(7).nextBytes(noise);
        System.arraycopy(noise, 0, bytes, 200, noise.length);
        Path damaged = Files.write(temp.resolve("damaged.webm"), bytes);

        VideoFileException e = assertThrows(VideoFileException.class, () -> openAndReadEveryFrame(damaged));

        assertTrue(e.getMessage().contains(damaged.toString()), e.getMessage());
    }

    @Test
    void aMissingFileIsRefusedByName() {
        Path missing = temp.resolve("nowhere.mkv");

        ProjectException e = assertThrows(ProjectException.class, () -> VideoFiles.open(missing));

        assertTrue(e.getMessage().contains("nowhere.mkv") && e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void theReaderIsFoundThroughTheExtensionPointForEveryDeclaredExtension() throws IOException {
        Path mp4 = SyntheticClip.encodeScene(temp.resolve("clip.mp4"), "mpeg4");
        for (String extension : new String[] { "MP4", "m4v", "mov" }) {
            Path copy = Files.copy(mp4, temp.resolve("copy." + extension));
            Video video = VideoFiles.open(copy);
            try {
                assertInstanceOf(FfmpegVideo.class, video);
                assertEquals(FRAMES, video.frameCount());
            } finally {
                ((FfmpegVideo) video).close();
            }
        }
    }

    /** Opens and decodes every frame, unwrapping the VideoFileException a frame read carries. */
    private static void openAndReadEveryFrame(Path file) throws IOException {
        try (FfmpegVideo video = (FfmpegVideo) VideoFiles.open(file)) {
            for (int f = 0; f < video.frameCount(); f++) {
                video.frame(f);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
