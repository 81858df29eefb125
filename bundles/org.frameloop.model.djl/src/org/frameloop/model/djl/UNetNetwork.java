package org.frameloop.model.djl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.frameloop.core.label.ClassIdentity;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.lib.djl.DjlRuntime;

import com.google.gson.JsonObject;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;

/** The built-in network: a {@link UNet} with its label map, input normalisation and history. */
final class UNetNetwork implements SegmentationNetwork {

    static final String WEIGHTS = "weights.params";

    private final Model model;
    private final UNet unet;
    private final ParameterStore parameterStore;
    private final LabelMap labelMap;
    private final InputNormalization normalization;
    private TrainingHistory history;

    private UNetNetwork(UNetArchitecture architecture, LabelMap labelMap, InputNormalization normalization,
            TrainingHistory history, long seed) {
        if (labelMap.idSpan() != architecture.classes()) {
            throw new IllegalArgumentException("the label map spans " + labelMap.idSpan() + " ids but the network has "
                    + architecture.classes() + " outputs");
        }
        DjlRuntime.pytorch().setRandomSeed((int) seed);
        this.model = DjlRuntime.call(() -> Model.newInstance("frameloop-unet", DjlRuntime.ENGINE_NAME));
        this.unet = new UNet(architecture);
        // He initialisation: the variance-preserving choice in front of ReLU.
        unet.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2),
                Parameter.Type.WEIGHT);
        int side = architecture.sizeMultiplePx();
        unet.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, side, side));
        model.setBlock(unet);
        this.parameterStore = new ParameterStore(model.getNDManager(), false);
        this.labelMap = labelMap;
        this.normalization = normalization;
        this.history = history;
    }

    /** A fresh network whose weights depend only on {@code seed}. */
    static UNetNetwork randomlyInitialised(LabelMap labelMap, InputNormalization normalization, int baseChannels,
            long seed) {
        return new UNetNetwork(new UNetArchitecture(baseChannels, labelMap.idSpan()), labelMap, normalization,
                TrainingHistory.randomInitialisation(seed), seed);
    }

    /**
     * Reads a checkpoint folder written by {@link #save}.
     *
     * @throws IOException naming the file when the folder is missing, incomplete or corrupt
     */
    static UNetNetwork load(Path directory) throws IOException {
        JsonObject manifest = CheckpointFolder.readManifest(directory);
        Path manifestFile = directory.resolve(CheckpointFolder.MANIFEST);
        UNetArchitecture architecture;
        InputNormalization normalization;
        TrainingHistory history;
        try {
            architecture = UNetArchitecture.fromJson(manifest.getAsJsonObject("architecture"));
            normalization = InputNormalization.fromJson(manifest.getAsJsonObject("inputNormalization"));
            history = manifest.has("training") ? TrainingHistory.fromJson(manifest.getAsJsonObject("training"))
                    : TrainingHistory.randomInitialisation(0);
        } catch (RuntimeException e) {
            throw new IOException(manifestFile + ": unreadable architecture or normalisation (" + e.getMessage() + ")", e);
        }
        LabelMap labelMap = LabelMapJson.read(directory.resolve(CheckpointFolder.LABEL_MAP));
        if (labelMap.idSpan() != architecture.classes()) {
            throw new IOException(directory.resolve(CheckpointFolder.LABEL_MAP) + ": spans " + labelMap.idSpan()
                    + " class ids but " + manifestFile + " declares " + architecture.classes() + " classes");
        }
        Path weights = CheckpointFolder.weightsFile(directory, manifest);
        UNetNetwork network = new UNetNetwork(architecture, labelMap, normalization, history, 0);
        try {
            network.readWeights(weights);
        } catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
        return network;
    }

    private void readWeights(Path weights) throws IOException {
        List<Parameter> parameters = unet.getParameters().values();
        List<Shape> expected = new ArrayList<>();
        for (Parameter parameter : parameters) {
            expected.add(parameter.getArray().getShape());
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(weights)))) {
            unet.loadParameters(model.getNDManager(), in);
        } catch (MalformedModelException | IOException | RuntimeException e) {
            throw new IOException(weights + ": corrupt or truncated weights (" + e.getMessage() + ")", e);
        }
        for (int i = 0; i < parameters.size(); i++) {
            Shape found = parameters.get(i).getArray().getShape();
            if (!found.equals(expected.get(i))) {
                throw new IOException(weights + ": parameter " + parameters.get(i).getName() + " has shape " + found
                        + " but the architecture in " + CheckpointFolder.MANIFEST + " needs " + expected.get(i));
            }
        }
    }

    /**
     * This network if it already predicts {@code videoLabelMap}'s classes; otherwise a new network with
     * the same encoder and decoder and a freshly initialised head sized for the video's classes (this
     * network is then closed).
     */
    UNetNetwork adaptedTo(LabelMap videoLabelMap, long seed) {
        if (sameClasses(labelMap, videoLabelMap)) {
            return this;
        }
        UNetNetwork adapted = new UNetNetwork(unet.architecture().withClasses(videoLabelMap.idSpan()), videoLabelMap,
                normalization, history, seed);
        List<Parameter> from = new ArrayList<>(unet.encoderParameters());
        from.addAll(unet.decoderParameters());
        List<Parameter> to = new ArrayList<>(adapted.unet.encoderParameters());
        to.addAll(adapted.unet.decoderParameters());
        for (int i = 0; i < from.size(); i++) {
            to.get(i).getArray().set(from.get(i).getArray().toByteBuffer());
        }
        close();
        return adapted;
    }

    /** Same ids meaning the same classes (names compared as {@link ClassIdentity} does). */
    static boolean sameClasses(LabelMap a, LabelMap b) {
        return ClassIdentity.sameClasses(a, b);
    }

    UNet unet() {
        return unet;
    }

    @Override
    public LabelMap labelMap() {
        return labelMap;
    }

    @Override
    public int classCount() {
        return unet.architecture().classes();
    }

    @Override
    public InputNormalization normalization() {
        return normalization;
    }

    @Override
    public int sizeMultiplePx() {
        return unet.architecture().sizeMultiplePx();
    }

    @Override
    public NDManager manager() {
        return model.getNDManager();
    }

    @Override
    public Outputs forward(NDArray images, Pass pass) {
        boolean batchStatistics = switch (pass) {
            case PREDICT -> false;
            case FINE_TUNE -> !batchNormFrozenWhileFineTuning();
            case PRETRAIN -> true;
        };
        NDList outputs = unet.forward(parameterStore, new NDList(images), batchStatistics);
        return new Outputs(outputs.get(0), outputs.get(1));
    }

    /**
     * Frozen once the running statistics are estimated (pretrained, or tuned from scratch long enough):
     * a fine-tuning batch is a handful of neighbouring frames of one video, whose statistics are too
     * noisy and too alike to replace the ones learnt over a training set, and prediction, which uses
     * the running statistics, then sees the same normalisation the loss was minimised under.
     */
    @Override
    public boolean batchNormFrozenWhileFineTuning() {
        return history.batchNormStatisticsSettled();
    }

    @Override
    public List<Parameter> trainableParameters(TrainLayers layers) {
        List<Parameter> chosen = new ArrayList<>();
        if (layers == TrainLayers.ALL) {
            chosen.addAll(unet.encoderParameters());
        }
        if (layers != TrainLayers.HEAD) {
            chosen.addAll(unet.decoderParameters());
        }
        chosen.addAll(unet.headParameters());
        chosen.removeIf(p -> !p.requiresGradient());
        return chosen;
    }

    @Override
    public List<Parameter> allTrainableParameters() {
        return trainableParameters(TrainLayers.ALL);
    }

    @Override
    public TrainingHistory history() {
        return history;
    }

    @Override
    public void recordFineTuningStep() {
        history = history.afterFineTuningStep(!batchNormFrozenWhileFineTuning());
    }

    void recordPretrainingStep(String trainingData) {
        history = history.afterPretrainingStep(trainingData);
    }

    void setHistory(TrainingHistory history) {
        this.history = history;
    }

    @Override
    public void save(Path directory) throws IOException {
        CheckpointFolder.writeAtomically(directory, folder -> {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(folder.resolve(WEIGHTS))))) {
                unet.saveParameters(out);
            }
            LabelMapJson.write(folder.resolve(CheckpointFolder.LABEL_MAP), labelMap);
            CheckpointFolder.writeManifest(folder,
                    CheckpointFolder.newManifest(unet.architecture().toJson(), WEIGHTS, normalization, history));
        });
    }

    /** Number of weights fine-tuning can change (excludes batch-norm running statistics). */
    long parameterCount() {
        long count = 0;
        for (Parameter parameter : allTrainableParameters()) {
            count += parameter.getArray().size();
        }
        return count;
    }

    @Override
    public void close() {
        model.close();
    }
}
