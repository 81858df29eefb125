package org.frameloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.video.ImageSequenceLabels;
import org.frameloop.core.video.ImageSequenceVideo;
import org.frameloop.synth.SyntheticVideo;
import org.frameloop.synth.SyntheticVideoSpec;
import org.frameloop.synth.SyntheticVideoWriter;

/**
 * {@code ./frameloop demo}: generates a target-style synthetic driving video with exact ground truth,
 * then runs the loop on it exactly as {@code run} would, from the written files.
 */
final class DemoCommand implements CliCommand {

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "generate a synthetic video and run the whole loop on it, with a report";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Options options = new Options(name())
                .option("frames", "N", "frames of the generated video (default 120)")
                .option("size", "HxW", "frame size, height x width (default 180x320)")
                .option("video-seed", "N", "seed of the generated video (default 7)")
                .option("style", "STYLE", "target (default) or source");
        LoopRunner.declarePluginOptions(options);
        try {
            options.parse(arguments);
            if (options.has("help")) {
                out.print(options.help("[options]",
                        "Generates a seeded synthetic driving video (frames + exact ground truth) into OUT/video and runs\n"
                                + "the annotation loop on it with the simulated annotator until the target mIoU or a cap,\n"
                                + "printing a table per round and writing OUT/project and OUT/report.html.")
                        + ContributionHelp.ofOneRun().describe(PluginRegistry.ofPlatform()));
                return 0;
            }
            int frames = options.getInt("frames", 120, 2);
            int[] size = parseSize(options.get("size", "180x320"));
            long seed = options.getLong("video-seed", 7);
            SyntheticVideoSpec.Style style = switch (options.get("style", "target")) {
                case "target" -> SyntheticVideoSpec.Style.TARGET;
                case "source" -> SyntheticVideoSpec.Style.SOURCE;
                default -> throw new UsageException("--style must be target or source");
            };
            Path outFolder = OutputFolder.prepare("out", Path.of(options.get("out", "frameloop-demo")));
            Path videoFolder = outFolder.resolve("video");
            SyntheticVideoSpec spec = SyntheticVideoSpec.of(size[1], size[0], frames, seed, style);
            if (!isAlreadyGenerated(videoFolder, spec)) {
                ConsoleProgress progress = new ConsoleProgress(out);
                SyntheticVideoWriter.write(new SyntheticVideo(spec), videoFolder, progress);
                progress.breakLine();
            }
            LabelMap labelMap = LabelMapJson.read(videoFolder.resolve(SyntheticVideoWriter.LABEL_MAP_FILE));
            ImageSequenceVideo video = ImageSequenceVideo.open(videoFolder);
            ImageSequenceLabels truth = ImageSequenceLabels.open(
                    videoFolder.resolve(SyntheticVideoWriter.GROUND_TRUTH_FOLDER), video, labelMap);
            setAsidePreviousRun(outFolder.resolve("project"), out);
            PluginRegistry registry = PluginRegistry.ofPlatform();
            // the video and its ground truth are recorded, so `run --project OUT/project --resume` continues it
            new LoopRunner(registry, out).run(video, truth, labelMap, LoopRunner.plugins(options, registry),
                    LoopRunner.settings(options), outFolder, new LoopRunner.ProjectPlan(outFolder.resolve("project").toString(),
                            videoFolder, videoFolder.resolve(SyntheticVideoWriter.GROUND_TRUTH_FOLDER), false));
            return 0;
        } catch (UsageException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (IOException | UncheckedIOException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return 1;
        }
    }

    /**
     * A demo always starts afresh; an earlier demo's project is renamed, never deleted, in case someone
     * annotated in it.
     */
    static void setAsidePreviousRun(Path project, PrintStream out) throws IOException {
        if (Files.exists(project)) {
            Path aside = project.resolveSibling("project.previous-" + java.time.LocalDateTime.now()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
            Files.move(project, aside);
            out.println("The previous demo project was moved to " + aside);
        }
    }

    /** Regenerating is skipped when the folder holds exactly this spec (the generator is deterministic). */
    static boolean isAlreadyGenerated(Path folder, SyntheticVideoSpec spec) {
        Path specFile = folder.resolve(SyntheticVideoWriter.SPEC_FILE);
        try {
            return Files.isRegularFile(specFile) && SyntheticVideoSpec.read(specFile).equals(spec)
                    && ImageSequenceVideo.imageFiles(folder).size() == spec.frameCount();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static int[] parseSize(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                int height = Integer.parseInt(parts[0].trim());
                int width = Integer.parseInt(parts[1].trim());
                if (height >= 16 && width >= 16) {
                    return new int[] { height, width };
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new UsageException("--size must be HEIGHTxWIDTH with both at least 16, e.g. 180x320; was '" + text + "'");
    }
}
