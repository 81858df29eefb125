package org.frameloop.video.ffmpeg;

import java.io.IOException;
import java.nio.file.Path;

import org.frameloop.core.spi.VideoReader;
import org.frameloop.core.video.Video;

/** The {@code ffmpeg} contribution to {@code org.frameloop.core.videoReaders}: opens an {@link FfmpegVideo}. */
public final class FfmpegVideoReader implements VideoReader {

    @Override
    public Video open(Path file) throws IOException {
        return FfmpegVideo.open(file);
    }
}
