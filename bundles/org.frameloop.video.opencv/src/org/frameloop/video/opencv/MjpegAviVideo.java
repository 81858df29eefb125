package org.frameloop.video.opencv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.frameloop.core.image.RgbImage;
import org.frameloop.core.video.RecentFrames;
import org.frameloop.core.video.Video;
import org.frameloop.core.video.VideoFileException;
import org.frameloop.lib.opencv.OpenCvRuntime;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * A Motion-JPEG AVI file read through OpenCV's own MJPEG demuxer and decoder (no FFmpeg). Every MJPEG
 * frame is a key frame, so seeking is exact; frames are decoded when asked for, reading on sequentially
 * when the next frame is wanted and seeking otherwise, and a few recent ones are kept. The frame count is
 * established on opening by walking the file once without decoding.
 */
public final class MjpegAviVideo implements Video, AutoCloseable {

    private static final int CACHED_FRAMES = 8;

    private final Path file;
    private final VideoCapture capture;
    private final int frameCount;
    private final int width;
    private final int height;
    private int nextPosition;
    private final RecentFrames recent = new RecentFrames(CACHED_FRAMES);

    private MjpegAviVideo(Path file, VideoCapture capture, int frameCount, int width, int height) {
        this.file = file;
        this.capture = capture;
        this.frameCount = frameCount;
        this.width = width;
        this.height = height;
    }

    /**
     * @throws VideoFileException naming the file when it is missing, not an MJPEG AVI OpenCV can read, or
     *                          has no frames
     */
    public static MjpegAviVideo open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new VideoFileException(file, "no such file");
        }
        OpenCvRuntime.load();
        VideoCapture capture = new VideoCapture(file.toString(), Videoio.CAP_OPENCV_MJPEG);
        if (!capture.isOpened()) {
            capture.release();
            throw new VideoFileException(file, "is not a Motion-JPEG AVI that OpenCV's built-in reader can open "
                    + "(other codecs need FFmpeg, see docs/projects-and-formats.md)");
        }
        int frames = 0;
        while (capture.grab()) {
            frames++;
        }
        int width = (int) capture.get(Videoio.CAP_PROP_FRAME_WIDTH);
        int height = (int) capture.get(Videoio.CAP_PROP_FRAME_HEIGHT);
        if (frames == 0 || width <= 0 || height <= 0) {
            capture.release();
            throw new VideoFileException(file, "holds no readable frames");
        }
        capture.set(Videoio.CAP_PROP_POS_FRAMES, 0);
        return new MjpegAviVideo(file, capture, frames, width, height);
    }

    @Override
    public String name() {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    public Path file() {
        return file;
    }

    @Override
    public int frameCount() {
        return frameCount;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /**
     * @throws UncheckedIOException naming the file and frame when the frame cannot be decoded
     */
    @Override
    public synchronized RgbImage frame(int frameIndex) {
        RgbImage cached = recent.get(frameIndex);
        if (cached != null) {
            return cached;
        }
        if (frameIndex < 0 || frameIndex >= frameCount) {
            throw new IndexOutOfBoundsException("frame " + frameIndex + " of " + frameCount);
        }
        if (frameIndex != nextPosition) {
            capture.set(Videoio.CAP_PROP_POS_FRAMES, frameIndex);
        }
        Mat bgr = new Mat();
        Mat rgb = new Mat();
        try {
            if (!capture.read(bgr) || bgr.empty()) {
                nextPosition = -1;
                throw new UncheckedIOException(new VideoFileException(file, "frame " + frameIndex
                        + " cannot be decoded (corrupt or truncated file?)"));
            }
            nextPosition = frameIndex + 1;
            if (bgr.cols() != width || bgr.rows() != height) {
                throw new UncheckedIOException(new VideoFileException(file, "frame " + frameIndex + " is " + bgr.cols()
                        + "x" + bgr.rows() + " but the video is " + width + "x" + height));
            }
            Imgproc.cvtColor(bgr, rgb, Imgproc.COLOR_BGR2RGB);
            byte[] bytes = new byte[width * height * 3];
            rgb.get(0, 0, bytes);
            RgbImage frame = new RgbImage(width, height, bytes);
            recent.put(frameIndex, frame);
            return frame;
        } finally {
            bgr.release();
            rgb.release();
        }
    }

    @Override
    public synchronized void close() {
        capture.release();
    }
}
