package org.frameloop.core.spi;

import java.io.IOException;
import java.nio.file.Path;

import org.frameloop.core.video.Video;

/**
 * Opens video files of the kinds its contribution to {@code org.frameloop.core.videoReaders} declares in
 * its {@code extensions} attribute (mp4, mkv, ...). Import finds a reader by the file's extension, so
 * the reader's classes and native libraries load only when such a file is opened.
 */
public interface VideoReader {

    /**
     * Opens {@code file} for random access to its frames; the frame count and size are known on return.
     * The returned video holds native resources when it is {@link AutoCloseable}: the caller closes it.
     *
     * @throws IOException naming the file, and saying what is wrong, when it is missing, not a video this
     *                     reader understands, or damaged
     */
    Video open(Path file) throws IOException;
}
