package org.frameloop.core.video;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A video file that a {@link org.frameloop.core.spi.VideoReader} cannot open or decode: missing, in a format
 * the reader does not take, or damaged. The message names the file and says what is wrong and, where there
 * is one, what to do.
 */
public final class VideoFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public VideoFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public VideoFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
