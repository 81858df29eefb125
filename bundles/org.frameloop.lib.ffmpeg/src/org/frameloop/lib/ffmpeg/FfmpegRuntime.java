package org.frameloop.lib.ffmpeg;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

/**
 * The one place where FFmpeg's native libraries are loaded inside OSGi. JavaCPP's {@link Loader} finds
 * them as resources of this bundle's class loader (API and linux-x86_64 native jars are embedded side by
 * side) and unpacks them once into its cache, {@code ~/.javacpp/cache} unless the system property
 * {@code org.bytedeco.javacpp.cachedir} says otherwise; nothing is written into the installation.
 * <p>
 * Call {@link #load()} before any other use of {@code org.bytedeco.ffmpeg}.
 */
public final class FfmpegRuntime {

    /** The only platform whose natives this bundle carries. */
    public static final String PLATFORM = "linux-x86_64";

    private static volatile String version;

    private FfmpegRuntime() {
    }

    /**
     * Loads libavutil, libavcodec, libavformat and libswscale (a second or two the very first time, when
     * they are unpacked) and quiets FFmpeg's own logging to errors.
     *
     * @return FFmpeg's version, e.g. "7.1.1"
     * @throws IllegalStateException saying so when this is not linux-x86_64 or the libraries do not load
     */
    public static String load() {
        String loaded = version;
        if (loaded == null) {
            synchronized (FfmpegRuntime.class) {
                loaded = version;
                if (loaded == null) {
                    loaded = loadNatives();
                    version = loaded;
                }
            }
        }
        return loaded;
    }

    /** The platform JavaCPP detected, e.g. "linux-x86_64". */
    public static String platform() {
        return Loader.getPlatform();
    }

    /** Folder the shared libraries were unpacked into, once {@link #load()} has run. */
    public static Path cacheDirectory() {
        try {
            return Loader.getCacheDir().toPath();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("JavaCPP has no usable cache folder: " + e.getMessage(), e);
        }
    }

    private static String loadNatives() {
        String platform = Loader.getPlatform();
        if (!PLATFORM.equals(platform)) {
            throw new IllegalStateException("FFmpeg video import is bundled for " + PLATFORM + " only, this is "
                    + platform + "; convert the video to a folder of frames ('ffmpeg -i IN frames/%06d.png') instead");
        }
        try {
            Loader.load(avutil.class);
            Loader.load(avcodec.class);
            Loader.load(avformat.class);
            Loader.load(swscale.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IllegalStateException("FFmpeg's native libraries did not load (" + e.getMessage()
                    + "); JavaCPP unpacks them into " + describeCache(), e);
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        return avutil.av_version_info().getString();
    }

    private static String describeCache() {
        try {
            return Loader.getCacheDir().toString();
        } catch (java.io.IOException | RuntimeException e) {
            return "~/.javacpp/cache (not usable: " + e.getMessage() + ")";
        }
    }
}
