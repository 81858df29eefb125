package org.frameloop.core.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.frameloop.core.image.RgbImage;
import org.frameloop.core.internal.io.NaturalOrder;
import org.frameloop.core.io.ImageCodec;

/**
 * A video stored as a folder of images (png, jpg, jpeg, bmp), in natural file-name order. Frames are
 * decoded on demand and a few recent ones are kept, so memory stays flat however long the video is.
 */
public final class ImageSequenceVideo implements Video {

    private static final int CACHED_FRAMES = 8;

    private final Path folder;
    private final List<Path> files;
    private final int width;
    private final int height;
    private final RecentFrames recent = new RecentFrames(CACHED_FRAMES);

    private ImageSequenceVideo(Path folder, List<Path> files, RgbImage first) {
        this.folder = folder;
        this.files = files;
        this.width = first.width();
        this.height = first.height();
        recent.put(0, first);
    }

    /**
     * @throws IOException naming the folder when it has no images, or the first frame when it is unreadable
     */
    public static ImageSequenceVideo open(Path folder) throws IOException {
        List<Path> files = imageFiles(folder);
        if (files.isEmpty()) {
            throw new IOException(folder + ": no frames found (expected .png, .jpg, .jpeg or .bmp files)");
        }
        return new ImageSequenceVideo(folder, files, ImageCodec.readRgb(files.get(0)));
    }

    /** Image files of {@code folder} in natural order (non-recursive). */
    public static List<Path> imageFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + ": not a folder");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).filter(ImageSequenceVideo::isImage)
                    .sorted((a, b) -> NaturalOrder.INSTANCE.compare(a.getFileName().toString(), b.getFileName().toString()))
                    .toList();
        }
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")
                || name.endsWith(".bmp"));
    }

    @Override
    public String name() {
        return folder.getFileName().toString();
    }

    public Path folder() {
        return folder;
    }

    /** The file frame {@code frameIndex} is read from. */
    public Path file(int frameIndex) {
        return files.get(frameIndex);
    }

    @Override
    public int frameCount() {
        return files.size();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public synchronized RgbImage frame(int frameIndex) {
        RgbImage cached = recent.get(frameIndex);
        if (cached != null) {
            return cached;
        }
        Path file = files.get(frameIndex);
        RgbImage frame;
        try {
            frame = ImageCodec.readRgb(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        if (frame.width() != width || frame.height() != height) {
            throw new UncheckedIOException(new IOException(file + ": frame is " + frame.width() + "x" + frame.height()
                    + " but the video's first frame is " + width + "x" + height));
        }
        recent.put(frameIndex, frame);
        return frame;
    }
}
