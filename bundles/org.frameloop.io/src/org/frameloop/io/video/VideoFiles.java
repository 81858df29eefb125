package org.frameloop.io.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.VideoReader;
import org.frameloop.core.video.ImageSequenceVideo;
import org.frameloop.core.video.Video;
import org.frameloop.io.ProjectException;

/**
 * Opens what a user gives as a video: a folder of frames (png, jpg, jpeg, bmp, natural order), or any file a
 * contributed {@link VideoReader} takes by its extension (the Motion-JPEG AVI reader in
 * org.frameloop.video.opencv takes avi, the FFmpeg reader in org.frameloop.video.ffmpeg mp4, m4v, mkv, webm
 * and mov). Without the FFmpeg reader those containers are refused with the command that converts them.
 */
public final class VideoFiles {

    private static final Set<String> NEEDS_FFMPEG = Set.of("mp4", "m4v", "mkv", "webm", "mov");

    private VideoFiles() {
    }

    /**
     * Opens {@code path} with the readers of the running platform. A returned video that is
     * {@link AutoCloseable} holds native resources: close it when done.
     *
     * @throws ProjectException naming the path when it is no video this installation reads
     */
    public static Video open(Path path) throws IOException {
        return open(path, platformRegistry());
    }

    /** As {@link #open(Path)}, with the video readers of {@code registry} (none when it is empty). */
    public static Video open(Path path, Optional<PluginRegistry> registry) throws IOException {
        if (Files.isDirectory(path)) {
            return ImageSequenceVideo.open(path);
        }
        String extension = extension(path);
        Optional<Contribution<VideoReader>> reader = registry.flatMap(r -> readerFor(r, extension));
        if (reader.isPresent()) {
            if (!Files.exists(path)) {
                throw new ProjectException(path, "no such file");
            }
            VideoReader created;
            try {
                created = reader.get().create();
            } catch (ContributionException e) {
                throw new ProjectException(path, "the video reader for ." + extension + " files is installed but "
                        + "broken: " + e.getMessage(), e);
            }
            return created.open(path);
        }
        if (NEEDS_FFMPEG.contains(extension)) {
            throw new ProjectException(path, "." + extension + " video needs FFmpeg, and this installation has no "
                    + "FFmpeg video reader (bundle org.frameloop.video.ffmpeg). Convert it to frames first, e.g. "
                    + "'ffmpeg -i " + path.getFileName() + " frames/%06d.png', or to Motion-JPEG AVI "
                    + "('ffmpeg -i IN -c:v mjpeg -q:v 2 -an OUT.avi'), and give that instead");
        }
        if (!Files.exists(path)) {
            throw new ProjectException(path, "no such file or folder");
        }
        List<String> contributed = extensions(registry);
        throw new ProjectException(path, "is neither a folder of frames"
                + (contributed.isEmpty() ? " nor a video file this installation has a reader for"
                        : " nor a ." + String.join(", .", contributed) + " video"));
    }

    private static Optional<Contribution<VideoReader>> readerFor(PluginRegistry registry, String extension) {
        return registry.contributions(ExtensionPoint.VIDEO_READERS).stream()
                .filter(c -> declaredExtensions(c).contains(extension)).findFirst();
    }

    private static List<String> extensions(Optional<PluginRegistry> registry) {
        return registry.map(r -> r.contributions(ExtensionPoint.VIDEO_READERS).stream()
                .flatMap(c -> declaredExtensions(c).stream()).distinct().sorted().toList()).orElse(List.of());
    }

    private static List<String> declaredExtensions(Contribution<VideoReader> reader) {
        return reader.attribute("extensions").map(text -> Arrays.stream(text.split(","))
                .map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).toList()).orElse(List.of());
    }

    private static String extension(Path path) {
        Path fileName = path.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
    }

    // Outside a running Equinox (plain unit tests) there is no registry and so no contributed reader.
    private static Optional<PluginRegistry> platformRegistry() {
        try {
            return Optional.of(PluginRegistry.ofPlatform());
        } catch (IllegalStateException | NoClassDefFoundError e) {
            return Optional.empty();
        }
    }
}
