package org.frameloop.video.opencv;

import java.io.IOException;
import java.nio.file.Path;

import org.frameloop.core.spi.VideoReader;
import org.frameloop.core.video.Video;

/** The {@code mjpeg-avi} contribution to {@code org.frameloop.core.videoReaders}: opens an {@link MjpegAviVideo}. */
public final class MjpegAviVideoReader implements VideoReader {

    @Override
    public Video open(Path file) throws IOException {
        return MjpegAviVideo.open(file);
    }
}
