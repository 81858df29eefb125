package org.frameloop.flow.opencv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.eclipse.core.runtime.IProgressMonitor;
import org.frameloop.core.carry.CarriedLabels;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.registry.ParameterValues;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.Configurable;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.SegmentationModel;

/**
 * The baseline that interpolating annotation tools give today: human labels are carried to the other
 * frames along optical flow, forward from the nearest annotated frame before and backward from the
 * nearest one after, and each pixel takes the label whose source is fewer frames away (a pixel whose flow
 * failed the occlusion check counts as {@code occlusionPenaltyFrames} further). No learning is involved;
 * {@link #fineTune} recomputes the propagation for the current human labels.
 * <p>
 * Confidence decays with the distance to the source, {@code exp(-distance / confidenceDecayFrames)};
 * where the two directions disagree the probability mass is split between both labels, which raises the
 * entropy there — so uncertainty-driven selectors ask for labels where propagation is weakest. The model
 * has no embedding (dimension 0).
 * <p>
 * Memory: the propagated label and its confidence per pixel and frame (2 bytes per pixel), nothing more.
 */
public class FlowPropagationModel implements SegmentationModel, Configurable {

    private static final byte UNLABELED = (byte) LabelImage.UNLABELED;

    private double occlusionPenaltyFrames = 2.0;
    private double confidenceDecayFrames = 10.0;

    /** Per frame: propagated labels, and confidence and entropy quantised to bytes. */
    private byte[][] labels;
    private byte[][] confidence;
    private byte[][] entropy;
    private long labelledPixelsWhenComputed = -1;

    @Override
    public void configure(ParameterValues values) {
        occlusionPenaltyFrames = values.getDouble("occlusionPenaltyFrames");
        confidenceDecayFrames = values.getDouble("confidenceDecayFrames");
    }

    @Override
    public void fineTune(AnnotatedVideo video, IProgressMonitor monitor) {
        propagate(video, monitor);
    }

    @Override
    public FramePrediction predict(AnnotatedVideo video, int frameIndex) {
        if (labels == null || labels.length != video.frameCount() || labelledPixelsWhenComputed != labelledPixels(video)) {
            propagate(video, null);
        }
        int n = video.width() * video.height();
        float[] conf = new float[n];
        float[] ent = new float[n];
        float[] margin = new float[n];
        byte[] c = confidence[frameIndex];
        byte[] e = entropy[frameIndex];
        for (int i = 0; i < n; i++) {
            conf[i] = (c[i] & 0xFF) / 255f;
            ent[i] = (e[i] & 0xFF) / 255f * maxEntropy(video);
            margin[i] = conf[i];
        }
        return new FramePrediction(new LabelImage(video.width(), video.height(), labels[frameIndex].clone()), conf, ent,
                margin, new float[0], 0);
    }

    private static long labelledPixels(AnnotatedVideo video) {
        long total = 0;
        for (int f = 0; f < video.frameCount(); f++) {
            if (video.hasHumanLabels(f)) {
                byte[] ids = video.humanLabels(f).ids();
                for (byte id : ids) {
                    if (id != UNLABELED) {
                        total++;
                    }
                }
            }
        }
        return total;
    }

    private static float maxEntropy(AnnotatedVideo video) {
        return (float) Math.log(Math.max(2, video.labelMap().classes().size()));
    }

    private void propagate(AnnotatedVideo video, IProgressMonitor monitor) {
        int frames = video.frameCount();
        int n = video.width() * video.height();
        CarriedLabels carried = CarriedLabels.carry(video, occlusionPenaltyFrames, monitor);
        labels = new byte[frames][n];
        confidence = new byte[frames][n];
        entropy = new byte[frames][n];
        float maxEntropy = maxEntropy(video);
        int classes = Math.max(2, video.labelMap().classes().size());
        for (int f = 0; f < frames; f++) {
            CarriedLabels.Frame frame = carried.frame(f);
            combine(frame.forwardLabels(), frame.forwardAge(), frame.backwardLabels(), frame.backwardAge(), labels[f],
                    confidence[f], entropy[f], classes, maxEntropy);
        }
        labelledPixelsWhenComputed = labelledPixels(video);
    }

    private void combine(byte[] forward, float[] forwardAge, byte[] backward, float[] backwardAge, byte[] label,
            byte[] confidenceOut, byte[] entropyOut, int classes, float maxEntropy) {
        double decay = confidenceDecayFrames;
        for (int i = 0; i < label.length; i++) {
            double wf = forward[i] == UNLABELED ? 0 : Math.exp(-forwardAge[i] / decay);
            double wb = backward[i] == UNLABELED ? 0 : Math.exp(-backwardAge[i] / decay);
            if (wf == 0 && wb == 0) {
                label[i] = UNLABELED;
                confidenceOut[i] = 0;
                entropyOut[i] = (byte) 255;
                continue;
            }
            // What is not explained by a nearby source is spread uniformly over the classes.
            double pf;
            double pb;
            double rest;
            if (forward[i] == backward[i] || wb == 0 || wf == 0) {
                pf = Math.max(wf, wb);
                pb = 0;
                rest = 1 - pf;
                label[i] = wf >= wb ? forward[i] : backward[i];
            } else {
                double total = Math.max(wf, wb);
                pf = total * wf / (wf + wb);
                pb = total * wb / (wf + wb);
                rest = 1 - total;
                label[i] = forwardAge[i] <= backwardAge[i] ? forward[i] : backward[i];
            }
            double other = rest / classes;
            double p1 = Math.max(pf, pb) + other;
            double h = -entropyTerm(pf + other) - entropyTerm(pb + other) * (pb > 0 ? 1 : 0)
                    - (classes - (pb > 0 ? 2 : 1)) * entropyTerm(other);
            confidenceOut[i] = (byte) Math.round(255 * Math.min(1, p1));
            entropyOut[i] = (byte) Math.round(255 * Math.min(1, Math.max(0, h / maxEntropy)));
        }
    }

    private static double entropyTerm(double p) {
        return p <= 0 ? 0 : p * Math.log(p);
    }

    @Override
    public void save(Path directory) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("model", "propagation");
        properties.setProperty("occlusionPenaltyFrames", Double.toString(occlusionPenaltyFrames));
        properties.setProperty("confidenceDecayFrames", Double.toString(confidenceDecayFrames));
        AtomicFiles.write(directory.resolve("propagation.properties"), out -> properties.store(out,
                "Flow propagation has no weights: its labels are recomputed from the human labels"));
    }

    @Override
    public void load(Path directory) throws IOException {
        Path file = directory.resolve("propagation.properties");
        Properties properties = new Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read the propagation settings (" + e.getMessage() + ")", e);
        }
        try {
            occlusionPenaltyFrames = Double.parseDouble(properties.getProperty("occlusionPenaltyFrames"));
            confidenceDecayFrames = Double.parseDouble(properties.getProperty("confidenceDecayFrames"));
        } catch (RuntimeException e) {
            throw new IOException(file + ": malformed propagation settings", e);
        }
        labels = null;
    }
}
