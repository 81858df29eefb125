package org.frameloop.video.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_DISCARD;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_flush_buffers;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_FLAG_BACKWARD;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_seek_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.video.RecentFrames;
import org.frameloop.core.video.Video;
import org.frameloop.core.video.VideoFileException;
import org.frameloop.lib.ffmpeg.FfmpegRuntime;

/**
 * A compressed video file (mp4, mkv, webm, mov, ...) read through FFmpeg's demuxers and decoders.
 * <p>
 * Opening walks the file's packets once without decoding them: one video packet is one frame in every
 * codec these containers carry, so this gives the exact frame count (also where the container does not
 * state one, as in mkv/webm), every frame's presentation time and the key frames, and it finds a file
 * that is cut short before the user starts work on it. Frames are then decoded when asked for: the next
 * frame by decoding on (a sequential read never seeks), any other by seeking to the key frame at or
 * before it and decoding forward; frame {@code i} is the frame with the {@code i}-th smallest
 * presentation time, so variable frame rates index correctly. A few recent frames are kept.
 * <p>
 * Rotation metadata (portrait phone videos) is not applied: frames come as stored.
 */
public final class FfmpegVideo implements Video, AutoCloseable {

    private static final int CACHED_FRAMES = 8;
    /** AVERROR(EAGAIN) on Linux, the only platform whose natives are bundled. */
    private static final int AVERROR_EAGAIN = -11;

    private final Path file;
    private final AVFormatContext format;
    private final AVCodecContext decoder;
    private final int streamIndex;
    private final AVPacket packet;
    private final AVFrame decoded;
    private final long[] framePts;
    private final int[] keyFrames;
    private final int width;
    private final int height;
    private final RecentFrames recent = new RecentFrames(CACHED_FRAMES);

    private SwsContext toRgb;
    private BytePointer rgbBuffer;
    private int rgbStride;
    /** Index of the frame the decoder yields next, or -1 right after a seek. */
    private int nextIndex;
    private boolean draining;
    private int seeks;
    private boolean closed;

    private FfmpegVideo(Path file, AVFormatContext format, AVCodecContext decoder, int streamIndex, long[] framePts,
            int[] keyFrames, int width, int height) {
        this.file = file;
        this.format = format;
        this.decoder = decoder;
        this.streamIndex = streamIndex;
        this.framePts = framePts;
        this.keyFrames = keyFrames;
        this.width = width;
        this.height = height;
        this.packet = av_packet_alloc();
        this.decoded = av_frame_alloc();
        this.nextIndex = 0;
    }

    /**
     * @throws VideoFileException naming the file when it is missing, not a video FFmpeg can read, has no
     *                          video stream or one in a codec this build cannot decode, or is cut short
     */
    public static FfmpegVideo open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new VideoFileException(file, "no such file");
        }
        try {
            FfmpegRuntime.load();
        } catch (IllegalStateException e) {
            throw new VideoFileException(file, e.getMessage(), e);
        }
        AVFormatContext format = new AVFormatContext(null);
        int status = avformat_open_input(format, file.toAbsolutePath().toString(), null, null);
        if (status < 0) {
            throw new VideoFileException(file, "is not a video FFmpeg can read (" + describe(status) + ")");
        }
        AVCodecContext decoder = null;
        try {
            status = avformat_find_stream_info(format, (PointerPointer<?>) null);
            if (status < 0) {
                throw new VideoFileException(file, "is damaged: FFmpeg cannot find its streams (" + describe(status) + ")");
            }
            int streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
            if (streamIndex < 0) {
                throw new VideoFileException(file, "holds no video stream");
            }
            AVStream stream = format.streams(streamIndex);
            AVCodecParameters parameters = stream.codecpar();
            String codecName = avcodec_get_name(parameters.codec_id()).getString();
            AVCodec codec = avcodec_find_decoder(parameters.codec_id());
            if (codec == null || codec.isNull()) {
                throw new VideoFileException(file, "uses the " + codecName + " codec, which this FFmpeg build cannot "
                        + "decode; convert it to frames ('ffmpeg -i " + file.getFileName() + " frames/%06d.png')");
            }
            decoder = avcodec_alloc_context3(codec);
            status = avcodec_parameters_to_context(decoder, parameters);
            if (status >= 0) {
                decoder.thread_count(0);
                status = avcodec_open2(decoder, codec, (PointerPointer<?>) null);
            }
            if (status < 0) {
                throw new VideoFileException(file, "cannot start the " + codecName + " decoder (" + describe(status) + ")");
            }
            int width = parameters.width();
            int height = parameters.height();
            if (width <= 0 || height <= 0) {
                throw new VideoFileException(file, "does not state its frame size; the file may be damaged");
            }
            PacketIndex index = PacketIndex.read(file, format, streamIndex);
            status = av_seek_frame(format, streamIndex, index.framePts()[0], AVSEEK_FLAG_BACKWARD);
            if (status < 0) {
                throw new VideoFileException(file, "cannot seek back to its first frame (" + describe(status) + ")");
            }
            return new FfmpegVideo(file, format, decoder, streamIndex, index.framePts(), index.keyFrames(), width,
                    height);
        } catch (IOException | RuntimeException e) {
            if (decoder != null) {
                avcodec_free_context(decoder);
            }
            avformat_close_input(format);
            throw e;
        }
    }

    /**
     * Every frame's presentation time (sorted, so position = frame index) and the indices of the key
     * frames, from one pass over the packets without decoding.
     */
    private record PacketIndex(long[] framePts, int[] keyFrames) {

        static PacketIndex read(Path file, AVFormatContext format, int streamIndex) throws VideoFileException {
            AVStream stream = format.streams(streamIndex);
            long[] pts = new long[1024];
            long[] keyPts = new long[64];
            int frames = 0;
            int keys = 0;
            long packetsInStream = 0;
            AVPacket packet = av_packet_alloc();
            try {
                int status;
                while ((status = av_read_frame(format, packet)) >= 0) {
                    try {
                        if (packet.stream_index() != streamIndex) {
                            continue;
                        }
                        packetsInStream++;
                        // Packets an edit list trims are demuxed but never shown.
                        if ((packet.flags() & AV_PKT_FLAG_DISCARD) != 0) {
                            continue;
                        }
                        long time = packet.pts() != AV_NOPTS_VALUE ? packet.pts() : packet.dts();
                        if (time == AV_NOPTS_VALUE) {
                            throw new VideoFileException(file, "has video packets without timestamps, which this "
                                    + "reader cannot seek in; convert it to frames ('ffmpeg -i " + file.getFileName()
                                    + " frames/%06d.png')");
                        }
                        if (frames == pts.length) {
                            pts = Arrays.copyOf(pts, 2 * frames);
                        }
                        pts[frames++] = time;
                        if ((packet.flags() & AV_PKT_FLAG_KEY) != 0) {
                            if (keys == keyPts.length) {
                                keyPts = Arrays.copyOf(keyPts, 2 * keys);
                            }
                            keyPts[keys++] = time;
                        }
                    } finally {
                        av_packet_unref(packet);
                    }
                }
                if (status != AVERROR_EOF) {
                    throw new VideoFileException(file, "is damaged or cut short: reading stops after " + frames
                            + " frames (" + describe(status) + ")");
                }
            } finally {
                av_packet_free(packet);
            }
            long statedFrames = stream.nb_frames();
            if (statedFrames > 0 && packetsInStream < statedFrames) {
                throw new VideoFileException(file, "is cut short: the container lists " + statedFrames
                        + " frames but only " + packetsInStream + " are in the file");
            }
            if (frames == 0) {
                throw new VideoFileException(file, "holds no video frames");
            }
            long[] framePts = Arrays.copyOf(pts, frames);
            Arrays.sort(framePts);
            checkNotCutShort(file, format, stream, framePts);
            int[] keyFrames = new int[keys];
            for (int k = 0; k < keys; k++) {
                keyFrames[k] = Math.max(0, Arrays.binarySearch(framePts, keyPts[k]));
            }
            Arrays.sort(keyFrames);
            if (keys == 0 || keyFrames[0] != 0) {
                // Without a key frame at the start, seeking to "before frame 0" still lands on the first packet.
                keyFrames = prepend(0, keyFrames);
            }
            return new PacketIndex(framePts, keyFrames);
        }

        /**
         * Matroska/WebM cut short still demuxes cleanly up to the cut, so compare the last frame's time with
         * the duration the container states for the video stream (or for the file, when it holds nothing
         * else); allow two frame intervals and 2 % for muxers that round or count the last frame's length.
         */
        private static void checkNotCutShort(Path file, AVFormatContext format, AVStream stream, long[] framePts)
                throws VideoFileException {
            double timeBase = av_q2d(stream.time_base());
            double stated = statedSeconds(format, stream);
            if (stated <= 0 || timeBase <= 0) {
                return;
            }
            long start = stream.start_time() != AV_NOPTS_VALUE ? stream.start_time() : framePts[0];
            double lastFrame = (framePts[framePts.length - 1] - start) * timeBase;
            double interval = framePts.length > 1 ? (framePts[framePts.length - 1] - framePts[0]) * timeBase
                    / (framePts.length - 1) : 0;
            if (lastFrame < stated - Math.max(2 * interval, 0.02 * stated)) {
                throw new VideoFileException(file, String.format(Locale.ROOT, "is cut short: its video should last "
                        + "%.2f s but the frames end at %.2f s (%d frames)", stated, lastFrame, framePts.length));
            }
        }

        private static double statedSeconds(AVFormatContext format, AVStream stream) {
            if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
                return stream.duration() * av_q2d(stream.time_base());
            }
            // FFmpeg's Matroska muxer (and mkvmerge) state each track's length as a tag.
            AVDictionaryEntry tag = av_dict_get(stream.metadata(), "DURATION", null, 0);
            if (tag != null && !tag.isNull()) {
                double seconds = parseClock(tag.value().getString());
                if (seconds > 0) {
                    return seconds;
                }
            }
            boolean onlyStream = format.nb_streams() == 1;
            boolean fromBitrate = format.duration_estimation_method() == AVFMT_DURATION_FROM_BITRATE;
            if (onlyStream && !fromBitrate && format.duration() != AV_NOPTS_VALUE && format.duration() > 0) {
                return format.duration() / (double) AV_TIME_BASE;
            }
            return -1;
        }

        /** "HH:MM:SS.fraction" in seconds, or -1. */
        private static double parseClock(String text) {
            String[] parts = text.trim().split(":");
            if (parts.length != 3) {
                return -1;
            }
            try {
                return Integer.parseInt(parts[0]) * 3600.0 + Integer.parseInt(parts[1]) * 60.0
                        + Double.parseDouble(parts[2]);
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static int[] prepend(int value, int[] values) {
            int[] all = new int[values.length + 1];
            all[0] = value;
            System.arraycopy(values, 0, all, 1, values.length);
            return all;
        }
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
        return framePts.length;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** How often the reader has repositioned the file (not counting opening): for tests of sequential reads. */
    synchronized int seekCount() {
        return seeks;
    }

    /**
     * @throws UncheckedIOException wrapping a {@link VideoFileException} naming the file and frame when the
     *                              frame cannot be decoded
     */
    @Override
    public synchronized RgbImage frame(int frameIndex) {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        RgbImage cached = recent.get(frameIndex);
        if (cached != null) {
            return cached;
        }
        if (frameIndex < 0 || frameIndex >= framePts.length) {
            throw new IndexOutOfBoundsException("frame " + frameIndex + " of " + framePts.length);
        }
        try {
            RgbImage frame = decode(frameIndex);
            recent.put(frameIndex, frame);
            return frame;
        } catch (VideoFileException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RgbImage decode(int target) throws VideoFileException {
        if (!canDecodeOnTo(target)) {
            seekToKeyFrameBefore(target);
            seeks++;
        }
        boolean restarted = false;
        while (true) {
            if (!decodeNext()) {
                nextIndex = -1;
                throw new VideoFileException(file, "frame " + target + " cannot be decoded: the video ends before it "
                        + "(damaged file?)");
            }
            int index = indexOf(decoded.best_effort_timestamp());
            nextIndex = index + 1;
            if (index == target) {
                return toRgb(target);
            }
            if (index > target) {
                // The demuxer landed after the target (an imprecise index): start from the beginning once.
                if (restarted) {
                    throw new VideoFileException(file, "frame " + target + " cannot be reached by seeking (damaged index?)");
                }
                restarted = true;
                seekToKeyFrameBefore(0);
            }
        }
    }

    /** True when decoding on from the current position reaches {@code target} no later than a seek would. */
    private boolean canDecodeOnTo(int target) {
        if (nextIndex < 0 || nextIndex > target) {
            return false;
        }
        int keyAtOrBefore = keyFrameAtOrBefore(target);
        return keyAtOrBefore <= nextIndex;
    }

    private int keyFrameAtOrBefore(int frameIndex) {
        int k = Arrays.binarySearch(keyFrames, frameIndex);
        return k >= 0 ? keyFrames[k] : keyFrames[Math.max(0, -k - 2)];
    }

    private void seekToKeyFrameBefore(int frameIndex) throws VideoFileException {
        long time = framePts[keyFrameAtOrBefore(frameIndex)];
        int status = av_seek_frame(format, streamIndex, time, AVSEEK_FLAG_BACKWARD);
        if (status < 0) {
            throw new VideoFileException(file, "cannot seek to frame " + frameIndex + " (" + describe(status) + ")");
        }
        avcodec_flush_buffers(decoder);
        draining = false;
        nextIndex = -1;
    }

    /** Decodes the next frame in presentation order into {@link #decoded}; false at the end of the video. */
    private boolean decodeNext() throws VideoFileException {
        while (true) {
            int status = avcodec_receive_frame(decoder, decoded);
            if (status >= 0) {
                return true;
            }
            if (status == AVERROR_EOF) {
                return false;
            }
            if (status != AVERROR_EAGAIN) {
                throw new VideoFileException(file, "a frame cannot be decoded (" + describe(status) + "); the file "
                        + "may be damaged");
            }
            if (draining) {
                return false;
            }
            status = av_read_frame(format, packet);
            if (status < 0) {
                // End of file (or an unreadable tail): let the decoder return what it still holds.
                draining = true;
                avcodec_send_packet(decoder, null);
                continue;
            }
            try {
                if (packet.stream_index() == streamIndex) {
                    status = avcodec_send_packet(decoder, packet);
                    if (status < 0 && status != AVERROR_EAGAIN) {
                        throw new VideoFileException(file, "a frame cannot be decoded (" + describe(status)
                                + "); the file may be damaged");
                    }
                }
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private int indexOf(long timestamp) {
        if (timestamp == AV_NOPTS_VALUE) {
            return Math.max(nextIndex, 0);
        }
        int k = Arrays.binarySearch(framePts, timestamp);
        if (k >= 0) {
            return k;
        }
        int after = Math.min(-k - 1, framePts.length - 1);
        int before = Math.max(after - 1, 0);
        return timestamp - framePts[before] <= framePts[after] - timestamp ? before : after;
    }

    private RgbImage toRgb(int frameIndex) throws VideoFileException {
        if (decoded.width() != width || decoded.height() != height) {
            throw new VideoFileException(file, "frame " + frameIndex + " is " + decoded.width() + "x" + decoded.height()
                    + " but the video is " + width + "x" + height + "; size changes inside a video are not supported");
        }
        toRgb = sws_getCachedContext(toRgb, width, height, decoded.format(), width, height, AV_PIX_FMT_RGB24,
                SWS_BILINEAR, null, null, (DoublePointer) null);
        if (toRgb == null || toRgb.isNull()) {
            throw new VideoFileException(file, "frame " + frameIndex + " has a pixel format swscale cannot convert ("
                    + decoded.format() + ")");
        }
        if (rgbBuffer == null) {
            // Rows padded to 64 bytes: swscale's vector code may write a little past a row.
            rgbStride = (width * 3 + 63) & ~63;
            rgbBuffer = new BytePointer((long) rgbStride * height + 64);
        }
        try (PointerPointer<BytePointer> planes = new PointerPointer<>(rgbBuffer, null, null, null);
                IntPointer strides = new IntPointer(new int[] { rgbStride, 0, 0, 0 })) {
            sws_scale(toRgb, decoded.data(), decoded.linesize(), 0, height, planes, strides);
        }
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            rgbBuffer.position((long) y * rgbStride).get(rgb, y * width * 3, width * 3);
        }
        rgbBuffer.position(0);
        return new RgbImage(width, height, rgb);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        av_frame_free(decoded);
        av_packet_free(packet);
        avcodec_free_context(decoder);
        avformat_close_input(format);
        if (toRgb != null) {
            sws_freeContext(toRgb);
        }
        if (rgbBuffer != null) {
            rgbBuffer.close();
        }
    }

    static String describe(int status) {
        byte[] text = new byte[256];
        if (av_strerror(status, text, text.length) < 0) {
            return "FFmpeg error " + status;
        }
        int length = 0;
        while (length < text.length && text[length] != 0) {
            length++;
        }
        return new String(text, 0, length, StandardCharsets.UTF_8);
    }
}
