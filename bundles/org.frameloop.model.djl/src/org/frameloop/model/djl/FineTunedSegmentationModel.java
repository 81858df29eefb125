package org.frameloop.model.djl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.registry.ParameterValues;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.Configurable;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.SegmentationModel;
import org.frameloop.lib.djl.DjlRuntime;

import com.google.gson.JsonObject;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The {@code unet} model contribution: a segmentation network on DJL/PyTorch that is fine-tuned on
 * each video at test time (cross-entropy on the human labels + temporal consistency along optical
 * flow, see {@link FineTuner}) and predicts class, confidence, entropy, margin and a 16-float
 * embedding per pixel.
 * <p>
 * Parameter {@code checkpoint}: {@code default} (the shipped checkpoint trained for the video's classes,
 * e.g. {@code checkpoints/camvid/} for CamVid's label map, else {@code checkpoints/default/}, or, while
 * none is shipped, a seeded random initialisation), the name of a shipped checkpoint, a checkpoint folder written by {@link #save} or by {@link Pretrainer}, or {@code torchscript:PATH}
 * for a user's TorchScript module (see {@link TorchScriptNetwork} for its contract). A checkpoint
 * whose label map differs from the video's keeps its encoder and decoder and gets a new head.
 * <p>
 * The network is built on first use, when the video's label map is known. Predictions keep nothing
 * per frame: memory is flat in video length.
 */
public class FineTunedSegmentationModel implements SegmentationModel, Configurable {

    private static final System.Logger LOG = System.getLogger(FineTunedSegmentationModel.class.getName());

    /**
     * Pixels per forward pass when predicting. Batching only pays for small frames, where per-operation
     * overhead dominates: measured on 2 CPU cores, 4 frames of 360x480 per pass cost 135 ms per frame
     * against 71 ms one at a time (the activations no longer fit the caches).
     */
    static final int PREDICTION_PIXELS_PER_PASS = 1 << 16;

    static final String DEFAULT_CHECKPOINT = "default";
    static final String TORCHSCRIPT_PREFIX = "torchscript:";

    private FineTuningSettings settings = new FineTuningSettings(1e-3, 60, 4, 0.5, TrainLayers.ALL, 1, 10, 0.95,
            0.5, 192);
    private String checkpoint = DEFAULT_CHECKPOINT;
    private SegmentationNetwork network;
    private FineTuner tuner;
    private FineTuningRound lastRound = new FineTuningRound(0, 0, 0, 0);

    @Override
    public void configure(ParameterValues values) {
        settings = new FineTuningSettings(values.getDouble("learningRate"), values.getInt("stepsPerRound"),
                values.getInt("batchSize"), values.getDouble("temporalWeight"),
                TrainLayers.parse(values.getString("trainLayers")), values.getLong("seed"),
                values.getInt("minStepsPerRound"), values.getDouble("fitAccuracy"),
                values.getDouble("carriedLabelWeight"), values.getInt("cropSize"));
        checkpoint = values.getString("checkpoint").trim();
        checkCheckpointExists(checkpoint);
    }

    // Cheap early check so a typo is reported when the model is created, not rounds later.
    private static void checkCheckpointExists(String checkpoint) {
        if (checkpoint.isEmpty()) {
            throw new IllegalArgumentException("checkpoint must be 'default', a checkpoint folder or torchscript:PATH");
        }
        if (checkpoint.startsWith(TORCHSCRIPT_PREFIX)) {
            Path file = Path.of(checkpoint.substring(TORCHSCRIPT_PREFIX.length()));
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("checkpoint " + checkpoint + ": no such TorchScript file " + file);
            }
        } else if (!checkpoint.equals(DEFAULT_CHECKPOINT) && !BundledCheckpoints.names().contains(checkpoint)) {
            Path folder = Path.of(checkpoint);
            if (!Files.isRegularFile(folder.resolve(CheckpointFolder.MANIFEST))) {
                throw new IllegalArgumentException("checkpoint " + folder + " is not a checkpoint folder (no "
                        + CheckpointFolder.MANIFEST + " in it) nor a shipped one " + BundledCheckpoints.names());
            }
        }
    }

    @Override
    public void fineTune(AnnotatedVideo video, IProgressMonitor monitor) {
        SegmentationNetwork tuned = networkFor(video.labelMap());
        if (tuner == null) {
            tuner = new FineTuner(tuned, settings);
        }
        lastRound = tuner.run(video, monitor);
        LOG.log(Level.DEBUG, () -> "fine-tuned " + lastRound);
    }

    /** What the last {@link #fineTune} did: steps run, mean loss terms, labelled frames seen. */
    public FineTuningRound lastRound() {
        return lastRound;
    }

    @Override
    public FramePrediction predict(AnnotatedVideo video, int frameIndex) {
        return predictBatch(video, new int[] { frameIndex }).get(0);
    }

    /**
     * Predicts several frames, batching small frames into one forward pass (up to
     * {@value #PREDICTION_PIXELS_PER_PASS} pixels). Only the returned arrays stay in memory: a caller
     * predicting a whole video passes it in chunks and keeps what it needs of each prediction.
     */
    public List<FramePrediction> predictBatch(AnnotatedVideo video, int[] frameIndices) {
        SegmentationNetwork predicting = networkFor(video.labelMap());
        int paddedPixels = FrameTensors.paddedSize(video.width(), predicting.sizeMultiplePx())
                * FrameTensors.paddedSize(video.height(), predicting.sizeMultiplePx());
        int framesPerPass = Math.max(1, PREDICTION_PIXELS_PER_PASS / paddedPixels);
        List<FramePrediction> predictions = new ArrayList<>(frameIndices.length);
        for (int start = 0; start < frameIndices.length; start += framesPerPass) {
            int end = Math.min(frameIndices.length, start + framesPerPass);
            List<RgbImage> frames = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                frames.add(video.frame(frameIndices[i]));
            }
            predictions.addAll(predictFrames(predicting, frames));
        }
        return predictions;
    }

    static List<FramePrediction> predictFrames(SegmentationNetwork network, List<RgbImage> frames) {
        int width = frames.get(0).width();
        int height = frames.get(0).height();
        try (NDManager scope = network.manager().newSubManager()) {
            NDArray input = FrameTensors.images(scope, frames, network.normalization(), network.sizeMultiplePx());
            SegmentationNetwork.Outputs outputs = network.forward(input, SegmentationNetwork.Pass.PREDICT);
            NDArray embedding = outputs.embedding() == null ? null : FrameTensors.crop(outputs.embedding(), height, width);
            return PredictionDecoder.decode(FrameTensors.crop(outputs.logits(), height, width), embedding);
        }
    }

    @Override
    public void save(Path directory) throws IOException {
        if (network == null) {
            throw new IllegalStateException("the model has not been used on a video yet: there is no network to save");
        }
        network.save(directory);
    }

    /** The checkpoint holds the fine-tuned weights and their training history. */
    @Override
    public boolean checkpointKeepsAdaptation() {
        return true;
    }

    @Override
    public void load(Path directory) throws IOException {
        SegmentationNetwork loaded = openCheckpointFolder(directory);
        close();
        network = loaded;
    }

    @Override
    public void close() {
        tuner = null;
        if (network != null) {
            network.close();
            network = null;
        }
    }

    /** The current network (built on first use), for tests and benchmarks in this bundle. */
    SegmentationNetwork network() {
        return network;
    }

    /** The network, built or adapted for {@code labelMap} on first use. */
    SegmentationNetwork networkFor(LabelMap labelMap) {
        if (network == null) {
            try {
                network = initialNetwork(labelMap);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        if (network instanceof UNetNetwork unet) {
            UNetNetwork adapted = unet.adaptedTo(labelMap, settings.seed());
            if (adapted != unet) {
                LOG.log(Level.INFO, "The checkpoint's classes differ from the video's: keeping its encoder and decoder, "
                        + "new classification head for " + labelMap.idSpan() + " class ids");
                network = adapted;
                tuner = null;
            }
        } else if (!UNetNetwork.sameClasses(network.labelMap(), labelMap)) {
            throw new IllegalStateException("the TorchScript model was set up for other classes than this video's label map");
        }
        return network;
    }

    private SegmentationNetwork initialNetwork(LabelMap labelMap) throws IOException {
        DjlRuntime.pytorch();
        if (checkpoint.startsWith(TORCHSCRIPT_PREFIX)) {
            Path file = Path.of(checkpoint.substring(TORCHSCRIPT_PREFIX.length()));
            return TorchScriptNetwork.load(file, labelMap, InputNormalization.IMAGENET, null);
        }
        if (!checkpoint.equals(DEFAULT_CHECKPOINT)) {
            Optional<Path> named = BundledCheckpoints.names().contains(checkpoint) ? BundledCheckpoints.find(checkpoint)
                    : Optional.empty();
            return openCheckpointFolder(named.orElse(Path.of(checkpoint)));
        }
        Optional<Path> shipped = BundledCheckpoints.bestFor(labelMap);
        if (shipped.isPresent()) {
            return openCheckpointFolder(shipped.get());
        }
        LOG.log(Level.WARNING, "No pretrained checkpoint is shipped in bundle org.frameloop.model.djl (looked for "
                + BundledCheckpoints.FOLDER + "/" + DEFAULT_CHECKPOINT + "/" + CheckpointFolder.MANIFEST
                + "): starting from random weights (seed " + settings.seed() + "). The first rounds will predict "
                + "poorly; pretrain a checkpoint with the Pretrainer and pass it as checkpoint=FOLDER.");
        return UNetNetwork.randomlyInitialised(labelMap, InputNormalization.IMAGENET,
                UNetArchitecture.DEFAULT_BASE_CHANNELS, settings.seed());
    }

    /**
     * Opens a checkpoint folder of either kind (built-in U-Net or a saved TorchScript module).
     *
     * @throws IOException naming the file when the folder is missing, incomplete or corrupt
     */
    static SegmentationNetwork openCheckpointFolder(Path directory) throws IOException {
        DjlRuntime.pytorch();
        JsonObject manifest = CheckpointFolder.readManifest(directory);
        JsonObject architecture = manifest.getAsJsonObject("architecture");
        String name = architecture != null && architecture.has("name") ? architecture.get("name").getAsString() : "?";
        if (name.equals(TorchScriptNetwork.ARCHITECTURE_NAME)) {
            LabelMap labelMap = LabelMapJson.read(directory.resolve(CheckpointFolder.LABEL_MAP));
            InputNormalization normalization = InputNormalization.fromJson(manifest.getAsJsonObject("inputNormalization"));
            TrainingHistory history = manifest.has("training")
                    ? TrainingHistory.fromJson(manifest.getAsJsonObject("training")) : null;
            return TorchScriptNetwork.load(CheckpointFolder.weightsFile(directory, manifest), labelMap, normalization,
                    history);
        }
        if (!name.equals(UNetArchitecture.NAME)) {
            throw new IOException(directory.resolve(CheckpointFolder.MANIFEST) + ": unknown architecture '" + name
                    + "' (this version knows '" + UNetArchitecture.NAME + "' and '" + TorchScriptNetwork.ARCHITECTURE_NAME + "')");
        }
        return UNetNetwork.load(directory);
    }
}
