package org.frameloop.video.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.frameloop.core.spi.RuntimeCheck;
import org.frameloop.lib.ffmpeg.FfmpegRuntime;

/** {@code frameloop doctor}: loads FFmpeg's natives and lists the video decoders import relies on. */
public final class FfmpegCheck implements RuntimeCheck {

    private static final List<String> DECODERS = List.of("h264", "hevc", "vp8", "vp9", "av1", "mpeg4", "mjpeg");

    @Override
    public Map<String, String> run() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("FFmpeg version", FfmpegRuntime.load());
        facts.put("platform", FfmpegRuntime.platform());
        facts.put("natives unpacked in", FfmpegRuntime.cacheDirectory().toString());
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : DECODERS) {
            AVCodec codec = avcodec_find_decoder_by_name(name);
            (codec != null && !codec.isNull() ? present : missing).add(name);
        }
        facts.put("video decoders", String.join(", ", present) + (missing.isEmpty() ? "" : "; missing: " + missing));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("FFmpeg " + facts.get("FFmpeg version") + " lacks the decoders " + missing);
        }
        return facts;
    }
}
