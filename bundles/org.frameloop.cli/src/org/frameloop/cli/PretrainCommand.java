package org.frameloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.model.djl.pretraining.UNetPretraining;
import org.frameloop.synth.SyntheticVideo;
import org.frameloop.synth.SyntheticVideoSpec;
import org.frameloop.synth.SyntheticVideoWriter;

/**
 * {@code ./frameloop pretrain}: trains the {@code unet} network from scratch on image + label folders
 * (synthetic layout or CamVid layout), or on freshly generated source-style synthetic videos. Writes
 * {@code OUT/last/} periodically and {@code OUT/final/} at the end; a rerun resumes from {@code last/}.
 */
final class PretrainCommand implements CliCommand {

    @Override
    public String name() {
        return "pretrain";
    }

    @Override
    public String summary() {
        return "pretrain the unet model on image+label folders or generated synthetic videos";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        UNetPretraining.Settings defaults = UNetPretraining.Settings.defaults();
        Options options = new Options(name())
                .repeatable("data", "DIR", "training folder: frames + gt/ + labelmap.json, or CamVid images/ + labels/")
                .option("synthetic", "N", "generate N source-style synthetic videos into OUT/data and train on them")
                .option("synthetic-frames", "N", "frames per generated video (default 48)")
                .option("synthetic-size", "HxW", "size of generated videos (default 180x320)")
                .option("out", "DIR", "checkpoint folder (required)")
                .option("steps", "N", "optimiser steps in all (default " + defaults.steps() + ")")
                .option("batch", "N", "crops per step (default " + defaults.batchSize() + ")")
                .option("crop", "WxH", "training crop, width x height (default " + defaults.cropWidthPx() + "x"
                        + defaults.cropHeightPx() + ")")
                .option("lr", "X", "Adam learning rate (default " + defaults.learningRate() + ")")
                .option("seed", "N", "seed of initialisation and batches (default " + defaults.seed() + ")")
                .option("checkpoint-every", "N", "steps between last/ checkpoints (default " + defaults.checkpointEverySteps() + ")")
                .option("width", "N", "channels of the network's first stage, a multiple of 16 (default "
                        + defaults.baseChannels() + "; 32 has about 4x the parameters and cost)");
        try {
            options.parse(arguments);
            if (options.has("help")) {
                out.print(options.help("(--data DIR ... | --synthetic N) --out DIR [options]",
                        "Pretrains the unet segmentation network with augmentation and class-balanced loss, writing\n"
                                + "resumable checkpoints; rerun the same command to continue an interrupted run."));
                return 0;
            }
            Path outFolder = Path.of(options.require("out"));
            List<Path> data = new ArrayList<>();
            for (String folder : options.keyValuesOrList("data")) {
                data.add(options.existingFolder("data", folder));
            }
            if (options.has("synthetic")) {
                data.addAll(generate(options, outFolder.resolve("data"), out));
            }
            if (data.isEmpty()) {
                throw new UsageException("give training data with --data DIR or --synthetic N");
            }
            int[] crop = parseCrop(options.get("crop", defaults.cropWidthPx() + "x" + defaults.cropHeightPx()));
            UNetPretraining.Settings settings = new UNetPretraining.Settings(options.getInt("steps", defaults.steps(), 1),
                    options.getInt("batch", defaults.batchSize(), 1), crop[0], crop[1],
                    options.getDouble("lr", defaults.learningRate(), 1e-7, 1),
                    options.getLong("seed", defaults.seed()),
                    options.getInt("checkpoint-every", defaults.checkpointEverySteps(), 1),
                    options.getInt("width", defaults.baseChannels(), 1));
            ConsoleProgress progress = new ConsoleProgress(out);
            long started = System.nanoTime();
            UNetPretraining.Result result = UNetPretraining.train(settings, data, outFolder, progress);
            progress.breakLine();
            out.println(String.format(Locale.ROOT, "%s %d steps in %.1f min; mean loss of the last steps %.4f",
                    result.resumed() ? "Resumed and finished:" : "Finished:", result.steps(),
                    (System.nanoTime() - started) / 6e10, result.meanLossOfLastSteps()));
            out.println("Checkpoint: " + result.checkpoint()
                    + "   (use it with --model unet --model-param checkpoint=" + result.checkpoint() + ")");
            return 0;
        } catch (UsageException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return USAGE_ERROR;
        } catch (OperationCanceledException e) {
            err.println("frameloop " + name() + ": cancelled; rerun the same command to resume from last/");
            return 1;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("frameloop " + name() + ": " + e.getMessage());
            return 1;
        }
    }

    private static List<Path> generate(Options options, Path folder, PrintStream out) throws IOException {
        int videos = options.getInt("synthetic", 1, 1);
        int frames = options.getInt("synthetic-frames", 48, 2);
        int[] size = DemoCommand.parseSize(options.get("synthetic-size", "180x320"));
        List<Path> folders = new ArrayList<>();
        for (int v = 0; v < videos; v++) {
            // Seeds 1000+ keep pretraining videos apart from the demo's and the benchmark's.
            SyntheticVideoSpec spec = SyntheticVideoSpec.of(size[1], size[0], frames, 1000 + v,
                    SyntheticVideoSpec.Style.SOURCE);
            Path target = folder.resolve(String.format("source-%02d", v));
            if (!Files.isRegularFile(target.resolve(SyntheticVideoWriter.SPEC_FILE))
                    || !SyntheticVideoSpec.read(target.resolve(SyntheticVideoWriter.SPEC_FILE)).equals(spec)) {
                ConsoleProgress progress = new ConsoleProgress(out);
                SyntheticVideoWriter.write(new SyntheticVideo(spec), target, progress);
                progress.breakLine();
            }
            folders.add(target);
        }
        return folders;
    }

    private static int[] parseCrop(String text) {
        String[] parts = text.toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new int[] { Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()) };
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("--crop must be WIDTHxHEIGHT, e.g. 256x192; was '" + text + "'");
    }
}
