package org.frameloop.video.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_QSCALE;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.FF_QP2LAMBDA;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntFunction;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.frameloop.core.image.RgbImage;
import org.frameloop.lib.ffmpeg.FfmpegRuntime;

/**
 * Test videos made with the same FFmpeg: a deterministic moving scene, and an encoder writing any
 * sequence of frames into any container FFmpeg muxes. Frame f of the scene carries its index in a flat
 * 16x16 marker block at the top left (red = 10 f, green = 240 - 10 f), so frame order survives lossy
 * codecs and can be read back.
 */
final class SyntheticClip {

    static final int FRAMES = 24;
    static final int WIDTH = 96;
    static final int HEIGHT = 64;
    static final int MARKER = 16;

    private SyntheticClip() {
    }

    static RgbImage scene(int f) {
        RgbImage image = RgbImage.blank(WIDTH, HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.set(x, y, 40 + x, 50 + y, 90);
            }
        }
        fill(image, 0, 0, MARKER, MARKER, 10 * f, 240 - 10 * f, 128);
        fill(image, 20 + 2 * f, 24, 20, 14, 220, 30, 30);
        fill(image, 60, 4 + 2 * f, 12, 12, 30, 40, 230);
        return image;
    }

    /** The frame index whose marker colour is nearest to the marker block of {@code image}. */
    static int markerIndex(RgbImage image) {
        double red = mean(image, 0);
        double green = mean(image, 1);
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int f = 0; f < FRAMES; f++) {
            double distance = Math.abs(red - 10 * f) + Math.abs(green - (240 - 10 * f));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = f;
            }
        }
        return best;
    }

    /** Mean absolute difference per channel value between two images of the same size. */
    static double meanAbsoluteError(RgbImage a, RgbImage b) {
        long sum = 0;
        for (int i = 0; i < a.rgb().length; i++) {
            sum += Math.abs((a.rgb()[i] & 0xFF) - (b.rgb()[i] & 0xFF));
        }
        return (double) sum / a.rgb().length;
    }

    private static double mean(RgbImage image, int channel) {
        double sum = 0;
        int inset = 4;
        for (int y = inset; y < MARKER - inset; y++) {
            for (int x = inset; x < MARKER - inset; x++) {
                sum += image.channel(x, y, channel);
            }
        }
        return sum / ((MARKER - 2 * inset) * (MARKER - 2 * inset));
    }

    private static void fill(RgbImage image, int x0, int y0, int w, int h, int r, int g, int b) {
        for (int y = y0; y < Math.min(y0 + h, HEIGHT); y++) {
            for (int x = x0; x < Math.min(x0 + w, WIDTH); x++) {
                image.set(x, y, r, g, b);
            }
        }
    }

    /** Encodes the scene: {@link #FRAMES} frames at 24 fps, a key frame every 8 frames. */
    static Path encodeScene(Path file, String encoder) throws IOException {
        return encode(file, encoder, FRAMES, 24, 8, SyntheticClip::scene);
    }

    /**
     * Encodes {@code frameCount} frames with the FFmpeg encoder {@code encoder} (e.g. mpeg4, libvpx,
     * libopenh264) into {@code file}, the container chosen by its extension; no B-frames.
     */
    static Path encode(Path file, String encoder, int frameCount, int fps, int keyFrameInterval,
            IntFunction<RgbImage> frames) throws IOException {
        FfmpegRuntime.load();
        RgbImage first = frames.apply(0);
        int width = first.width();
        int height = first.height();
        AVFormatContext out = new AVFormatContext(null);
        check(avformat_alloc_output_context2(out, null, null, file.toString()), "choose a muxer for " + file);
        AVCodec codec = avcodec_find_encoder_by_name(encoder);
        if (codec == null || codec.isNull()) {
            throw new IOException("this FFmpeg build has no encoder " + encoder);
        }
        AVCodecContext context = avcodec_alloc_context3(codec);
        AVPacket packet = av_packet_alloc();
        AVFrame yuv = av_frame_alloc();
        SwsContext toYuv = sws_getContext(width, height, AV_PIX_FMT_RGB24, width, height, AV_PIX_FMT_YUV420P,
                SWS_BILINEAR, null, null, (DoublePointer) null);
        try {
            AVStream stream = avformat_new_stream(out, null);
            context.width(width);
            context.height(height);
            context.pix_fmt(AV_PIX_FMT_YUV420P);
            context.time_base(av_make_q(1, fps));
            context.framerate(av_make_q(fps, 1));
            context.gop_size(keyFrameInterval);
            context.max_b_frames(0);
            context.bit_rate(4_000_000);
            if (encoder.equals("mpeg4")) {
                context.flags(context.flags() | AV_CODEC_FLAG_QSCALE);
                context.global_quality(2 * FF_QP2LAMBDA);
            }
            if ((out.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
                context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
            }
            check(avcodec_open2(context, codec, (PointerPointer<?>) null), "open encoder " + encoder);
            check(avcodec_parameters_from_context(stream.codecpar(), context), "copy encoder parameters");
            stream.time_base(context.time_base());
            AVIOContext io = new AVIOContext(null);
            check(avio_open(io, file.toString(), AVIO_FLAG_WRITE), "create " + file);
            out.pb(io);
            check(avformat_write_header(out, (PointerPointer<?>) null), "write the header of " + file);

            yuv.format(AV_PIX_FMT_YUV420P);
            yuv.width(width);
            yuv.height(height);
            check(av_frame_get_buffer(yuv, 0), "allocate a frame");
            for (int f = 0; f < frameCount; f++) {
                check(av_frame_make_writable(yuv), "reuse the frame");
                try (BytePointer rgb = new BytePointer(frames.apply(f).rgb());
                        PointerPointer<BytePointer> planes = new PointerPointer<>(rgb, null, null, null);
                        IntPointer strides = new IntPointer(new int[] { width * 3, 0, 0, 0 })) {
                    sws_scale(toYuv, planes, strides, 0, height, yuv.data(), yuv.linesize());
                }
                yuv.pts(f);
                check(avcodec_send_frame(context, yuv), "encode frame " + f);
                writePackets(out, context, stream, packet);
            }
            check(avcodec_send_frame(context, null), "flush the encoder");
            writePackets(out, context, stream, packet);
            check(av_write_trailer(out), "finish " + file);
            avio_closep(out.pb());
            return file;
        } finally {
            sws_freeContext(toYuv);
            av_frame_free(yuv);
            av_packet_free(packet);
            avcodec_free_context(context);
            avformat_free_context(out);
        }
    }

    private static void writePackets(AVFormatContext out, AVCodecContext context, AVStream stream, AVPacket packet)
            throws IOException {
        int status;
        while ((status = avcodec_receive_packet(context, packet)) >= 0) {
            av_packet_rescale_ts(packet, context.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(out, packet), "write a packet");
        }
        if (status != AVERROR_EOF && status != -11) {
            check(status, "receive a packet");
        }
    }

    private static void check(int status, String what) throws IOException {
        if (status < 0) {
            throw new IOException("cannot " + what + ": " + FfmpegVideo.describe(status));
        }
    }
}
