package org.frameloop.model.djl;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.lib.djl.DjlRuntime;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * Trains the {@code unet} network from scratch on labelled image folders (see {@link TrainingSet} for
 * the layouts: synthetic videos with {@code gt/}, CamVid's {@code images/} + {@code labels/}), so
 * that test-time fine-tuning starts from a model that already knows the classes.
 * <p>
 * Each step draws {@code batchSize} random frames, augments them ({@link Augmentation}) into
 * {@code cropWidthPx x cropHeightPx} views and minimises cross-entropy weighted per class by
 * median-frequency balancing ({@link ClassBalance}), computed from the training labels before the
 * first step, as is the input normalisation. Batch norm trains in the usual batch-statistics mode.
 * <p>
 * Output folder: {@code last/} is rewritten (atomically) every {@code checkpointEverySteps} steps and
 * when training is cancelled; {@code final/} when all steps are done. Calling {@link #train} again
 * with the same output folder resumes from {@code last/}. Every step's batch is drawn from a random
 * generator seeded by (seed, step), so a resumed run sees the same batches an uninterrupted one
 * would; Adam's moment estimates are not checkpointed and restart from zero.
 */
public final class Pretrainer {

    private static final System.Logger LOG = System.getLogger(Pretrainer.class.getName());

    static final String LAST = "last";
    static final String FINAL = "final";

    /**
     * Settings of a pretraining run.
     *
     * @param steps                total optimiser steps (a resumed run counts the steps already done)
     * @param batchSize            frames per step
     * @param cropWidthPx          width of the training views
     * @param cropHeightPx         height of the training views
     * @param learningRate         Adam step size
     * @param seed                 seeds initialisation and batches
     * @param checkpointEverySteps how often {@code last/} is written
     * @param baseChannels         width of the U-Net's first stage (16 is the shipped size)
     * @param augmentation         random scale, flip and colour jitter
     */
    public record Options(int steps, int batchSize, int cropWidthPx, int cropHeightPx, double learningRate, long seed,
            int checkpointEverySteps, int baseChannels, Augmentation augmentation) {

        public Options {
            if (steps < 1 || batchSize < 1 || cropWidthPx < 1 || cropHeightPx < 1 || !(learningRate > 0)
                    || checkpointEverySteps < 1) {
                throw new IllegalArgumentException("pretraining options must be positive: " + this);
            }
            new UNetArchitecture(baseChannels, 1); // rejects a width the network cannot have, before any work
        }

        /** Values for CamVid-sized (360x480) frames on a CPU. */
        public static Options defaults() {
            return new Options(4000, 8, 256, 192, 2e-3, 1, 200, UNetArchitecture.DEFAULT_BASE_CHANNELS,
                    new Augmentation(0.6, 1.4, 0.25));
        }

        public Options withSteps(int count) {
            return new Options(count, batchSize, cropWidthPx, cropHeightPx, learningRate, seed, checkpointEverySteps,
                    baseChannels, augmentation);
        }

        public Options withCrop(int widthPx, int heightPx) {
            return new Options(steps, batchSize, widthPx, heightPx, learningRate, seed, checkpointEverySteps, baseChannels,
                    augmentation);
        }
    }

    /** What a run produced. */
    public record Result(Path checkpoint, long steps, boolean resumed, double meanLossOfLastSteps) {
    }

    private final Options options;

    public Pretrainer(Options options) {
        this.options = options;
    }

    /**
     * Trains on {@code trainingFolders} and writes checkpoints into {@code outputDirectory}, resuming
     * from its {@code last/} checkpoint if there is one.
     *
     * @throws IOException                naming the file when training data or a checkpoint cannot be read
     * @throws OperationCanceledException when {@code monitor} is cancelled; {@code last/} then holds the
     *                                    weights of the last completed step
     */
    public Result train(List<Path> trainingFolders, Path outputDirectory, IProgressMonitor monitor) throws IOException {
        DjlRuntime.pytorch();
        TrainingSet data = TrainingSet.open(trainingFolders);
        Path last = outputDirectory.resolve(LAST);
        boolean resumed = Files.isRegularFile(last.resolve(CheckpointFolder.MANIFEST));
        UNetNetwork network = resumed ? resume(last, data) : UNetNetwork.randomlyInitialised(data.labelMap,
                ClassBalance.inputNormalization(data), options.baseChannels(), options.seed());
        try {
            float[] classWeights = ClassBalance.medianFrequencyWeights(data, network.classCount());
            LOG.log(Level.INFO, () -> "pretraining on " + data.samples.size() + " frames of " + data.description
                    + "; class weights " + ClassBalance.describe(classWeights));
            return run(network, data, classWeights, outputDirectory, resumed, monitor);
        } finally {
            network.close();
        }
    }

    private static UNetNetwork resume(Path last, TrainingSet data) throws IOException {
        UNetNetwork network = UNetNetwork.load(last);
        if (!UNetNetwork.sameClasses(network.labelMap(), data.labelMap)) {
            network.close();
            throw new IOException(last + ": the checkpoint to resume from has other classes than the training data; "
                    + "use a new output folder");
        }
        return network;
    }

    private Result run(UNetNetwork network, TrainingSet data, float[] classWeights, Path outputDirectory,
            boolean resumed, IProgressMonitor monitor) throws IOException {
        long done = network.history().pretrainingSteps();
        SubMonitor progress = SubMonitor.convert(monitor, "Pretraining on " + data.description,
                (int) Math.max(0, options.steps() - done));
        List<Parameter> parameters = network.allTrainableParameters();
        parameters.forEach(p -> p.getArray().setRequiresGradient(true));
        Optimizer optimizer = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) options.learningRate())).build();
        TrainableClasses trained = new TrainableClasses(data.labelMap);
        double recentLoss = 0;
        int recentSteps = 0;
        for (long step = done; step < options.steps(); step++) {
            if (progress.isCanceled()) {
                network.save(outputDirectory.resolve(LAST));
                throw new OperationCanceledException();
            }
            float loss = step(network, data, trained, classWeights, parameters, optimizer, step);
            network.recordPretrainingStep(data.description);
            if (options.steps() - step <= 10) {
                recentLoss += loss;
                recentSteps++;
            }
            if ((step + 1) % options.checkpointEverySteps() == 0) {
                network.save(outputDirectory.resolve(LAST));
            }
            progress.worked(1);
        }
        network.save(outputDirectory.resolve(LAST));
        Path finished = outputDirectory.resolve(FINAL);
        network.save(finished);
        return new Result(finished, network.history().pretrainingSteps(), resumed,
                recentSteps == 0 ? Double.NaN : recentLoss / recentSteps);
    }

    private float step(UNetNetwork network, TrainingSet data, TrainableClasses trained, float[] classWeights,
            List<Parameter> parameters, Optimizer optimizer, long step) throws IOException {
        Random random = new Random(options.seed() * 1_000_003L + step);
        List<RgbImage> images = new ArrayList<>(options.batchSize());
        List<LabelImage> labels = new ArrayList<>(options.batchSize());
        for (int i = 0; i < options.batchSize(); i++) {
            TrainingSet.Sample sample = data.samples.get(random.nextInt(data.samples.size()));
            Augmentation.View view = options.augmentation().apply(ImageCodec.readRgb(sample.image()),
                    ImageCodec.readLabels(sample.labels()), options.cropWidthPx(), options.cropHeightPx(), random);
            images.add(view.image());
            labels.add(view.labels());
        }
        float lossValue;
        try (NDManager scope = network.manager().newSubManager()) {
            NDArray input = FrameTensors.images(scope, images, network.normalization(), network.sizeMultiplePx());
            NDArray targets = FrameTensors.classTargets(scope, labels, trained);
            NDArray weights = scope.create(classWeights);
            ParameterUpdate.clearGradients(parameters);
            try (GradientCollector collector = DjlRuntime.pytorch().newGradientCollector()) {
                NDArray logits = FrameTensors.crop(network.forward(input, SegmentationNetwork.Pass.PRETRAIN).logits(),
                        options.cropHeightPx(), options.cropWidthPx());
                NDArray loss = SegmentationLoss.crossEntropy(logits, targets, weights);
                collector.backward(loss);
                lossValue = loss.getFloat();
            }
            ParameterUpdate.apply(optimizer, parameters);
        }
        return lossValue;
    }
}
