package org.frameloop.model.djl.pretraining;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.model.djl.Pretrainer;

/**
 * Pretrains the {@code unet} model's network from scratch on labelled image folders (frames with
 * {@code gt/} and {@code labelmap.json}, or CamVid's {@code images/} + {@code labels/}), with augmentation
 * and class-balanced loss, so that test-time fine-tuning starts from a model that already knows the
 * classes. The model bundle's public entry for tools such as {@code ./frameloop pretrain}; how it trains is
 * the bundle's own business.
 *
 * <p>Output folder: {@code last/} is rewritten every {@code checkpointEverySteps} steps and when training
 * is cancelled, {@code final/} when all steps are done; training again into the same folder resumes from
 * {@code last/}. Either checkpoint is what the {@code unet} model's {@code checkpoint} parameter takes.
 */
public final class UNetPretraining {

    /**
     * What to train for.
     *
     * @param steps                total optimiser steps (a resumed run counts the steps already done)
     * @param batchSize            frames per step
     * @param cropWidthPx          width of the random training views
     * @param cropHeightPx         height of the random training views
     * @param learningRate         Adam step size
     * @param seed                 seeds initialisation and batches, so a resumed run sees the same batches
     * @param checkpointEverySteps how often {@code last/} is written
     * @param baseChannels         width of the network's first stage, a multiple of 16 (16 is the shipped size;
     *                             each stage is a fixed multiple of it)
     */
    public record Settings(int steps, int batchSize, int cropWidthPx, int cropHeightPx, double learningRate, long seed,
            int checkpointEverySteps, int baseChannels) {

        /** Settings at the shipped width. */
        public Settings(int steps, int batchSize, int cropWidthPx, int cropHeightPx, double learningRate, long seed,
                int checkpointEverySteps) {
            this(steps, batchSize, cropWidthPx, cropHeightPx, learningRate, seed, checkpointEverySteps,
                    Pretrainer.Options.defaults().baseChannels());
        }

        public Settings withBaseChannels(int width) {
            return new Settings(steps, batchSize, cropWidthPx, cropHeightPx, learningRate, seed, checkpointEverySteps,
                    width);
        }

        /** Values for CamVid-sized (360x480) frames on a CPU. */
        public static Settings defaults() {
            Pretrainer.Options defaults = Pretrainer.Options.defaults();
            return new Settings(defaults.steps(), defaults.batchSize(), defaults.cropWidthPx(), defaults.cropHeightPx(),
                    defaults.learningRate(), defaults.seed(), defaults.checkpointEverySteps());
        }
    }

    /**
     * What a run produced.
     *
     * @param checkpoint          the checkpoint folder written last ({@code final/} when every step is done)
     * @param steps               optimiser steps done in all
     * @param resumed             whether the run continued from an earlier run's {@code last/}
     * @param meanLossOfLastSteps the training loss averaged over the last steps
     */
    public record Result(Path checkpoint, long steps, boolean resumed, double meanLossOfLastSteps) {
    }

    private UNetPretraining() {
    }

    /**
     * Trains on {@code trainingFolders} into {@code outputDirectory}, resuming from its {@code last/}.
     *
     * @throws IllegalArgumentException   when a setting is not positive
     * @throws IOException                naming the file when training data or a checkpoint cannot be read
     * @throws OperationCanceledException when {@code monitor} is cancelled; {@code last/} then holds the
     *                                    weights of the last completed step
     */
    public static Result train(Settings settings, List<Path> trainingFolders, Path outputDirectory,
            IProgressMonitor monitor) throws IOException {
        Pretrainer.Options defaults = Pretrainer.Options.defaults();
        Pretrainer.Options options = new Pretrainer.Options(settings.steps(), settings.batchSize(),
                settings.cropWidthPx(), settings.cropHeightPx(), settings.learningRate(), settings.seed(),
                settings.checkpointEverySteps(), settings.baseChannels(), defaults.augmentation());
        Pretrainer.Result result = new Pretrainer(options).train(trainingFolders, outputDirectory, monitor);
        return new Result(result.checkpoint(), result.steps(), result.resumed(), result.meanLossOfLastSteps());
    }
}
