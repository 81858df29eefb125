package org.frameloop.video.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.frameloop.core.image.RgbImage;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.video.Video;
import org.frameloop.core.video.VideoFileException;
import org.frameloop.io.video.VideoFiles;
import org.frameloop.lib.opencv.OpenCvRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * MJPEG AVI through OpenCV's built-in reader, found by import as the {@code mjpeg-avi} contribution: frames in
 * order, random access, exact count, clear errors.
 */
class MjpegAviVideoTest {

    private static final int FRAMES = 7;
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    @TempDir
    Path temp;

    /** Frame f is a flat grey of 30 * f (BGR), which JPEG keeps within a few levels. */
    private Path writeAvi() {
        OpenCvRuntime.load();
        Path file = temp.resolve("clip.avi");
        VideoWriter writer = new VideoWriter(file.toString(), Videoio.CAP_OPENCV_MJPEG,
                VideoWriter.fourcc('M', 'J', 'P', 'G'), 10, new Size(WIDTH, HEIGHT), true);
        assertTrue(writer.isOpened(), "OpenCV's MJPEG writer is available");
        for (int f = 0; f < FRAMES; f++) {
            Mat frame = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3, new org.opencv.core.Scalar(30 * f, 30 * f, 30 * f));
            writer.write(frame);
            frame.release();
        }
        writer.release();
        return file;
    }

    @Test
    void framesAreReadInAnyOrderWithTheExactCountAndSize() throws IOException {
        Path file = writeAvi();

        try (MjpegAviVideo video = (MjpegAviVideo) VideoFiles.open(file)) {
            assertEquals(FRAMES, video.frameCount());
            assertEquals(WIDTH, video.width());
            assertEquals(HEIGHT, video.height());
            for (int f : new int[] { 0, 1, 5, 2, 6, 3 }) {
                RgbImage frame = video.frame(f);
                assertEquals(30 * f, frame.channel(WIDTH / 2, HEIGHT / 2, 1), 4.0, "frame " + f);
            }
        }
    }

    @Test
    void aFileThatIsNotMjpegAviIsRefusedByName() throws IOException {
        Path file = Files.write(temp.resolve("broken.avi"), new byte[] { 'R', 'I', 'F', 'F', 1, 2, 3 });

        VideoFileException e = assertThrows(VideoFileException.class, () -> {
            Video video = VideoFiles.open(file);
            video.frameCount();
        });

        assertTrue(e.getMessage().contains("broken.avi"), e.getMessage());
    }

    @Test
    void theReaderIsContributedForAviFiles() {
        var readers = PluginRegistry.ofPlatform().contributions(ExtensionPoint.VIDEO_READERS);
        var avi = readers.stream().filter(r -> r.id().equals("mjpeg-avi")).findFirst().orElseThrow();
        assertEquals("org.frameloop.video.opencv", avi.bundleName());
        assertEquals("avi", avi.attribute("extensions").orElseThrow());
    }
}
