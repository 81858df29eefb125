package org.frameloop.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.frameloop.core.label.LabelMap;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.video.ImageSequenceLabels;
import org.frameloop.core.video.ImageSequenceVideo;
import org.frameloop.core.video.LabelledVideoFolder;
import org.frameloop.core.video.Video;
import org.frameloop.io.LabelMaps;
import org.frameloop.io.Project;
import org.frameloop.run.ProjectLocations;
import org.frameloop.io.video.VideoFiles;
import org.frameloop.run.RunPlugins;

import com.google.gson.JsonObject;

/**
 * {@code ./frameloop run}: the loop on a video (folder of frames, MJPEG AVI, or a compressed file through an
 * installed video reader) with ground truth, simulated annotator.
 */
final class RunCommand implements CliCommand {

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run the annotation loop on a video with ground truth (simulated annotator)";
    }

    static Options options(String command) {
        Options options = new Options(command)
                .option("video", "DIR|FILE", "folder of frames (png/jpg, natural order) with gt/ inside, a dataset "
                        + "sequence with images/ and labels/ (CamVid), Motion-JPEG .avi, or .mp4/.m4v/.mkv/.webm/.mov (FFmpeg)")
                .option("gt", "DIR", "folder of label PNGs, one per frame (default: VIDEO/gt or VIDEO/labels for a "
                        + "folder; required for a file)")
                .option("labels", "MAP.json", "label map [{id, name, color}], a class list, or camvid / cityscapes "
                        + "(default: labelmap.json in or beside VIDEO, or in the parent of an images/ + labels/ sequence)")
                .option("project", "DIR|ADDRESS", "project folder (default: OUT/project), or a project on a PostgreSQL "
                        + "server: postgresql://HOST[:PORT]/DB?project=NAME (password from PGPASSWORD or ~/.pgpass)")
                .flag("resume", "continue the project in --project where it stopped (its recorded video and settings)");
        LoopRunner.declarePluginOptions(options);
        return options;
    }

    private static int resume(Options options, PrintStream out) throws IOException {
        for (String given : List.of("video", "gt", "labels", "model", "granularity", "selector", "flow", "budget",
                "rounds", "target", "seed")) {
            if (options.has(given)) {
                throw new UsageException("--resume takes the video and settings recorded in the project; drop --" + given);
            }
        }
        String location = options.existingProject("project", options.require("project"));
        JsonObject settings;
        Path videoPath;
        LabelMap labelMap;
        // opened for writing here too: a held project or a journal that disagrees with the labels stops it now
        try (Project project = ProjectLocations.open(location, "cli run --resume")) {
            settings = project.settings();
            labelMap = project.labelMap();
            videoPath = project.videoPath().orElseThrow(() -> new UsageException(location
                    + ": the project does not record where its video is (made by an older Frameloop); it cannot be "
                    + "resumed from the command line"));
        }
        if (!settings.has("groundTruth")) {
            throw new UsageException(location + ": the project records no ground truth, which the simulated annotator needs");
        }
        Path out_ = OutputFolder.prepare("out", Path.of(options.get("out", ProjectLocations.isAddress(location)
                ? "frameloop-run" : Path.of(location).toAbsolutePath().getParent().toString())));
        Video frames = VideoFiles.open(videoPath);
        try {
            ImageSequenceLabels truth = ImageSequenceLabels.open(Path.of(settings.get("groundTruth").getAsString()),
                    frames, labelMap);
            new LoopRunner(PluginRegistry.ofPlatform(), out).run(frames, truth, labelMap,
                    LoopRunner.recordedPlugins(settings), LoopRunner.recordedSettings(settings), out_,
                    new LoopRunner.ProjectPlan(location, videoPath, null, true));
        } finally {
            close(frames);
        }
        return 0;
    }

    /** An empty folder is "no frames", said before any ground truth or label map is looked for in it. */
    private static void requireFrames(Path folder) throws IOException {
        if (ImageSequenceVideo.imageFiles(folder).isEmpty() && !Files.isDirectory(folder.resolve("images"))) {
            throw new UsageException("--video " + folder + ": no frames: the folder holds no .png, .jpg, .jpeg or .bmp "
                    + "images and no images/ folder");
        }
    }

    private static Path existingVideo(String value) {
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new UsageException("--video " + value + ": no such folder or file");
        }
        return path;
    }

    // Compressed-video readers hold native decoders; folders of frames hold nothing.
    private static void close(Video video) {
        if (video instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close " + video.name() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Options options = options(name());
        try {
            options.parse(arguments);
            if (options.has("help")) {
                out.print(options.help("--video DIR|FILE [--gt DIR] [--labels MAP.json] [options]  |  --project DIR --resume",
                        "Runs the annotation loop on a video with the simulated annotator (ground truth + click model),\n"
                                + "writes a project folder and report.html into --out, and prints a table per round.\n"
                                + "--resume continues a project after a crash or Ctrl-C at the round and sample it\n"
                                + "stopped at, with the video, label map and settings recorded in the project.")
                        + ContributionHelp.ofOneRun().describe(PluginRegistry.ofPlatform()));
                return 0;
            }
            if (options.has("resume")) {
                return resume(options, out);
            }
            Path given = existingVideo(options.require("video"));
            boolean folder = Files.isDirectory(given);
            if (!folder && !options.has("gt")) {
                throw new UsageException("--video " + given + " is a file: give its ground truth with --gt DIR");
            }
            if (folder) {
                requireFrames(given);
            }
            // A folder: a dataset sequence (images/ + labels/, CamVid) or frames with gt/ inside.
            Optional<LabelledVideoFolder> layout = Optional.empty();
            if (folder && !options.has("gt")) {
                try {
                    layout = Optional.of(LabelledVideoFolder.of(given));
                } catch (FileNotFoundException e) {
                    throw new UsageException(e.getMessage() + "; or give --gt DIR");
                }
            }
            Path video = layout.map(LabelledVideoFolder::frames).orElse(given);
            Path gt = layout.isPresent() ? layout.get().groundTruth() : options.existingFolder("gt", options.get("gt", null));
            Path besideVideo = folder ? given.resolve(LabelledVideoFolder.LABEL_MAP_FILE)
                    : given.resolveSibling(LabelledVideoFolder.LABEL_MAP_FILE);
            String labels = options.get("labels",
                    layout.flatMap(LabelledVideoFolder::labelMapFile).orElse(besideVideo).toString());
            LoopSettings settings = LoopRunner.settings(options);
            LabelMap labelMap = labelMap(options, labels);
            PluginRegistry registry = PluginRegistry.ofPlatform();
            RunPlugins plugins = LoopRunner.plugins(options, registry);
            String projectGiven = options.has("project") ? options.projectLocation("project", options.get("project", null))
                    : null;
            Video frames = VideoFiles.open(video);
            try {
                ImageSequenceLabels truth = ImageSequenceLabels.open(gt, frames, labelMap);
                // the output folder last: an input refused above leaves nothing behind
                Path out_ = OutputFolder.prepare("out", Path.of(options.get("out", "frameloop-run")));
                String project = projectGiven != null ? projectGiven : out_.resolve("project").toString();
                new LoopRunner(registry, out).run(frames, truth, labelMap, plugins, settings, out_,
                        new LoopRunner.ProjectPlan(project, video, gt, false));
            } finally {
                close(frames);
            }
            return 0;
        } catch (UsageException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (IOException | UncheckedIOException e) {
            err.println("frameloop " + name() + ": " + FileErrors.describe(e));
            return 1;
        }
    }

    /** --labels: a preset name (camvid, cityscapes) or a label-map file, which must exist. */
    static LabelMap labelMap(Options options, String value) throws IOException {
        if (!LabelMaps.presetNames().contains(value)) {
            options.existingFile("labels", value);
        }
        return LabelMaps.named(value);
    }
}
