package org.frameloop.editor.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.video.ImageSequenceLabels;
import org.frameloop.core.video.LabelledVideoFolder;
import org.frameloop.core.video.Video;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.frameloop.io.video.VideoFiles;

import com.google.gson.JsonParseException;

/**
 * The one place where the IDE creates and opens project folders. The session is restored as the command
 * line's {@code --resume} restores it ({@link org.frameloop.run.RunAssembly#openProject}). Videos are opened through
 * {@link VideoFiles}: a folder of frames, a Motion-JPEG AVI, or a file a contributed reader takes (mp4, mkv,
 * webm, mov with the FFmpeg bundle).
 */
public final class ProjectFolders {

    /** What the IDE is called in a project's lock, for the message another writer gets. */
    static final String WRITER = "ide";

    /** The folder of a dataset sequence (CamVid layout) that holds its frames. */
    public static final String DATASET_FRAMES = "images";
    /** The folder of a dataset sequence that holds its label PNGs. */
    public static final String DATASET_LABELS = "labels";

    /**
     * What a path a person chose as "the video" holds.
     *
     * @param video        the frames to open: a folder of images or a video file
     * @param groundTruth  label PNGs that came with the frames ({@code gt/} beside them, or a dataset's
     *                     {@code labels/}), offered as optional ground truth
     * @param labelMapFile a {@code labelmap.json} that came with them
     */
    public record VideoSource(Path video, Optional<Path> groundTruth, Optional<Path> labelMapFile) {
    }

    private ProjectFolders() {
    }

    /** The IDE's workspace folder (its instance location), or {@code frameloop/} in the temporary folder without one. */
    public static Path workspaceFolder() {
        var location = Platform.getInstanceLocation();
        if (location != null && location.getURL() != null) {
            return Path.of(location.getURL().getPath());
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "frameloop");
    }

    /**
     * Where a new project on {@code chosen} (a video file or a folder of frames) goes unless the person says
     * otherwise: {@code projects/NAME-project} in the IDE's workspace, since the footage's own folder may be a
     * read-only or shared dataset; numbered ({@code -2}, {@code -3}, ...) when that folder is taken.
     */
    public static Path proposedProjectFolder(Path chosen) {
        Path name = chosen.toAbsolutePath().normalize().getFileName();
        String stem = name == null ? "video"
                : Files.isDirectory(chosen) ? name.toString() : name.toString().replaceFirst("\\.[^.]*$", "");
        Path projects = workspaceFolder().resolve("projects");
        Path proposed = projects.resolve(stem + "-project");
        for (int n = 2; Files.exists(proposed); n++) {
            proposed = projects.resolve(stem + "-project-" + n);
        }
        return proposed;
    }

    /**
     * Finds the frames and any labels in what a person chose: a video file (a {@code labelmap.json} beside
     * it is offered), a folder of frames (with {@code gt/}), or a dataset sequence whose frames are in
     * {@code images/} and, when present, labels in {@code labels/}. Reads no frame.
     */
    public static VideoSource source(Path chosen) {
        if (!Files.isDirectory(chosen)) {
            return new VideoSource(chosen, Optional.empty(), existing(chosen.resolveSibling(LabelledVideoFolder.LABEL_MAP_FILE)));
        }
        Path images = chosen.resolve(DATASET_FRAMES);
        if (Files.isDirectory(images) && !Files.isDirectory(chosen.resolve(DATASET_LABELS))) {
            return new VideoSource(images, Optional.empty(), existing(chosen.resolve(LabelledVideoFolder.LABEL_MAP_FILE)));
        }
        try {
            LabelledVideoFolder layout = LabelledVideoFolder.of(chosen);
            return new VideoSource(layout.frames(), Optional.of(layout.groundTruth()), layout.labelMapFile());
        } catch (IOException e) {
            // a plain folder of frames, without labels
            return new VideoSource(chosen, Optional.empty(), existing(chosen.resolve(LabelledVideoFolder.LABEL_MAP_FILE)));
        }
    }

    private static Optional<Path> existing(Path file) {
        return Optional.of(file).filter(Files::isRegularFile);
    }

    /** As {@link #create(Path, ProjectSettings, LabelMap, PluginRegistry, IProgressMonitor)}, without progress. */
    public static AnnotationProject create(Path folder, ProjectSettings settings, LabelMap labelMap,
            PluginRegistry registry) throws IOException {
        return create(folder, settings, labelMap, registry, null);
    }

    /**
     * Creates a project in {@code folder} for the video in {@code settings} and opens it. Opening a video
     * file can take a while (its frames are indexed), so call this off the UI thread.
     *
     * @throws IOException naming the file when the video or ground truth cannot be read, or the folder
     *                     cannot be written
     */
    public static AnnotationProject create(Path folder, ProjectSettings settings, LabelMap labelMap,
            PluginRegistry registry, IProgressMonitor monitor) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, "Creating " + folder.getFileName(), 3);
        progress.subTask("Reading " + settings.video().getFileName());
        Video video = VideoFiles.open(settings.video());
        progress.split(1);
        try {
            progress.subTask("Checking the ground truth");
            ImageSequenceLabels truth = groundTruth(settings, video, labelMap);
            progress.split(1);
            boolean folderExisted = Files.exists(folder);
            ProjectStore store = ProjectStore.create(folder, videoInfo(settings, video), labelMap, settings.toMap(),
                    WRITER);
            try {
                progress.split(1);
                return new AnnotationProject(folder, settings, store, video, truth, registry);
            } catch (IOException | RuntimeException e) {
                // Cancelled or failed right after creation: nothing of the person's is in it yet, so
                // leave no half-made project behind (a folder that existed stays, emptied).
                try {
                    store.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
                deleteCreated(folder, folderExisted);
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(video);
            throw e;
        }
    }

    /** What a new project records of its video. */
    static VideoInfo videoInfo(ProjectSettings settings, Video video) {
        return new VideoInfo(video.name(), settings.video().toAbsolutePath().toString(), video.frameCount(),
                video.width(), video.height());
    }

    private static void deleteCreated(Path folder, boolean keepFolder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!keepFolder || !path.equals(folder)) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: the project is unusable either way, and the error that got us here is reported
        }
    }

    /**
     * Opens an existing project for writing (it is held until closed: one writer per project): its video,
     * label map and the labels saved so far.
     *
     * @throws IOException naming the file that is missing or malformed, or the process that holds the project
     */
    public static AnnotationProject open(Path folder, PluginRegistry registry) throws IOException {
        // The store checks the format (migrating older ones), the journal and every human label file.
        ProjectStore store = ProjectStore.open(folder, WRITER);
        ProjectSettings settings;
        try {
            settings = ProjectSettings.fromJson(store.settings());
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException e) {
            store.close();
            throw new IOException(folder.resolve(ProjectStore.PROJECT_FILE) + ": the project does not record the "
                    + "settings the IDE needs (" + e.getMessage() + ")", e);
        }
        LabelMap labelMap = store.labelMap();
        Video video;
        try {
            video = VideoFiles.open(settings.video());
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        try {
            ImageSequenceLabels truth = groundTruth(settings, video, labelMap);
            return new AnnotationProject(folder, settings, store, video, truth, registry);
        } catch (IOException | RuntimeException e) {
            store.close();
            closeQuietly(video);
            throw e;
        }
    }

    private static ImageSequenceLabels groundTruth(ProjectSettings settings, Video video, LabelMap labelMap)
            throws IOException {
        if (settings.groundTruth() == null) {
            return null;
        }
        ImageSequenceLabels truth = ImageSequenceLabels.open(settings.groundTruth(), video, labelMap);
        try {
            truth.labels(0);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return truth;
    }

    static void closeQuietly(Video video) {
        if (video instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // only read from: nothing to lose
            }
        }
    }
}
