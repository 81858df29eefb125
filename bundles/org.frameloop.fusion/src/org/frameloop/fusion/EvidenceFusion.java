package org.frameloop.fusion;

import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.frameloop.core.carry.CarriedLabels;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.registry.ParameterValues;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.Configurable;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.LabelFusion;

/**
 * The default fusion: human labels carried along the flow both ways ({@link CarriedLabels}) against the
 * model's prediction, pixel by pixel, weighed by what this video has shown so far.
 * <p>
 * Every pixel falls into a <em>situation</em> ({@link Situations}): whether carried labels reach it and
 * whether the two directions agree, how far the nearer one travelled, how sure the model is, and whether
 * the model says the same as the carried label. Per situation the fusion counts, over the pixels people
 * labelled after seeing the automatic labels, how often the carried label and how often the model's was
 * right ({@link #learn}); a prior stands in until the video has said enough. Each pixel then takes the
 * label that is more often right in its situation, and that rate is its confidence: calibrated on the
 * video's own tests rather than on the softmax.
 */
public class EvidenceFusion implements LabelFusion, Configurable {

    private static final byte UNLABELED = (byte) LabelImage.UNLABELED;

    private double occlusionPenaltyFrames = 2.0;
    private double priorStrengthPixels = 200;
    private double evidenceDecayPerRound = 0.6;
    private double trainingConfidence = 0.9;

    private final Evidence evidence = new Evidence(Situations.COUNT);
    private CarriedLabels carried;
    private int ignoreId = -1;
    private int width;
    private boolean newRoundOfEvidence = true;
    /** Per frame, the carried labels trusted as fine-tuning targets at the last {@link #fuse}, or null. */
    private byte[][] trusted;

    @Override
    public void configure(ParameterValues values) {
        occlusionPenaltyFrames = values.getDouble("occlusionPenaltyFrames");
        priorStrengthPixels = values.getDouble("priorStrengthPixels");
        evidenceDecayPerRound = values.getDouble("evidenceDecayPerRound");
        trainingConfidence = values.getDouble("trainingConfidence");
    }

    @Override
    public void prepare(AnnotatedVideo video, IProgressMonitor monitor) {
        ignoreId = video.labelMap().ignoreId().orElse(-1);
        width = video.width();
        carried = CarriedLabels.carry(video, occlusionPenaltyFrames, monitor);
        if (trusted == null || trusted.length != video.frameCount()) {
            trusted = new byte[video.frameCount()][];
        }
        newRoundOfEvidence = true;
    }

    @Override
    public void learn(AnnotatedVideo video, int frameIndex, LabelImage human, FramePrediction model) {
        if (carried == null) {
            prepare(video, null);
        }
        if (newRoundOfEvidence) {
            evidence.decay(evidenceDecayPerRound);
            newRoundOfEvidence = false;
        }
        CarriedLabels.Frame frame = carried.frame(frameIndex);
        byte[] given = human.ids();
        byte[] before = video.hasHumanLabels(frameIndex) ? video.humanLabels(frameIndex).ids() : null;
        byte[] modelLabels = model.labels().ids();
        float[] confidence = model.confidence();
        for (int i = 0; i < given.length; i++) {
            byte truth = given[i];
            if (truth == UNLABELED || (truth & 0xFF) == ignoreId || (before != null && before[i] != UNLABELED)) {
                continue; // void teaches nothing; an earlier human label was never the product's guess
            }
            Situations.Pixel pixel = Situations.of(frame, i, modelLabels[i], confidence[i], ignoreId);
            evidence.add(pixel.situation(), pixel.carried() == truth, modelLabels[i] == truth);
        }
    }

    @Override
    public FramePrediction fuse(AnnotatedVideo video, int frameIndex, FramePrediction model) {
        if (carried == null || carried.frameCount() != video.frameCount()) {
            prepare(video, null);
        }
        CarriedLabels.Frame frame = carried.frame(frameIndex);
        byte[] human = video.hasHumanLabels(frameIndex) ? video.humanLabels(frameIndex).ids() : null;
        byte[] modelLabels = model.labels().ids();
        float[] modelConfidence = model.confidence();
        int n = modelLabels.length;
        byte[] labels = new byte[n];
        float[] confidence = new float[n];
        float[] entropy = new float[n];
        float[] margin = new float[n];
        byte[] trustedLabels = null;
        int classes = Math.max(2, video.labelMap().classes().size());
        for (int i = 0; i < n; i++) {
            if (human != null && human[i] != UNLABELED) {
                labels[i] = human[i];
                confidence[i] = 1;
                margin[i] = 1;
                continue;
            }
            Situations.Pixel pixel = Situations.of(frame, i, modelLabels[i], modelConfidence[i], ignoreId);
            double carriedRight = evidence.carriedRate(pixel.situation(), Situations.carriedPrior(pixel.situation()),
                    priorStrengthPixels);
            double modelRight = evidence.modelRate(pixel.situation(), Situations.modelPrior(pixel.situation()),
                    priorStrengthPixels);
            boolean takeCarried = pixel.carried() != UNLABELED && carriedRight >= modelRight;
            double p = takeCarried ? carriedRight : modelRight;
            labels[i] = takeCarried ? pixel.carried() : modelLabels[i];
            confidence[i] = (float) p;
            entropy[i] = (float) entropy(p, classes);
            margin[i] = (float) Math.max(0, 2 * p - 1);
            if (takeCarried && p >= trainingConfidence && trainingConfidence < 1) {
                if (trustedLabels == null) {
                    trustedLabels = new byte[n];
                    java.util.Arrays.fill(trustedLabels, UNLABELED);
                }
                trustedLabels[i] = labels[i];
            }
        }
        trusted[frameIndex] = trustedLabels;
        return new FramePrediction(new LabelImage(video.width(), video.height(), labels), confidence, entropy, margin,
                model.embedding(), model.embeddingDimension());
    }

    @Override
    public Optional<LabelImage> confidentLabels(int frameIndex) {
        if (trusted == null || carried == null || trusted[frameIndex] == null) {
            return Optional.empty();
        }
        byte[] ids = trusted[frameIndex];
        return Optional.of(new LabelImage(width, ids.length / width, ids.clone()));
    }

    /** Entropy (nats) of p on the chosen label and the rest spread evenly over the other classes. */
    static double entropy(double p, int classes) {
        double rest = (1 - p) / (classes - 1);
        return -term(p) - (classes - 1) * term(rest);
    }

    private static double term(double p) {
        return p <= 0 ? 0 : p * Math.log(p);
    }
}
