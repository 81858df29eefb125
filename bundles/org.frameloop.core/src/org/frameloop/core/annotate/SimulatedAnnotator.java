package org.frameloop.core.annotate;

import java.util.Objects;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.Annotator;
import org.frameloop.core.spi.ClickCostModel;

/**
 * Answers from ground truth and charges what the click-cost model says a person would have spent: the
 * benchmark's annotator. A frame or rectangle gets its exact ground truth; a pixel set (superpixel) gets
 * its dominant true class on every pixel, so the label noise that one-click superpixels cause shows up
 * honestly in the mIoU. Pixels a person already labelled cost nothing again. The click model sees the
 * automatic labels the video shows as the proposal: a from-scratch model ignores them, the correction
 * model charges for what is wrong in them.
 */
public final class SimulatedAnnotator implements Annotator {

    public static final String ID = "simulated";

    private final LabelSequence groundTruth;
    private final ClickCostModel costModel;
    private final int ignoreId;

    public SimulatedAnnotator(LabelSequence groundTruth, ClickCostModel costModel, int ignoreId) {
        this.groundTruth = Objects.requireNonNull(groundTruth, "groundTruth");
        this.costModel = Objects.requireNonNull(costModel, "costModel");
        this.ignoreId = ignoreId;
    }

    @Override
    public Annotation annotate(Sample sample, AnnotatedVideo video) {
        LabelImage truth = groundTruth.labels(sample.frameIndex());
        Region region = sample.region();
        LabelImage answer = LabelImage.unlabeled(truth.width(), truth.height());
        byte[] source = truth.ids();
        byte[] target = answer.ids();
        int[] pixels = region.pixelIndices(truth.width());
        if (region instanceof Region.PixelSet) {
            int dominant = dominantClass(source, pixels);
            for (int pixel : pixels) {
                int t = source[pixel] & 0xFF;
                // void stays void: a person would not paint the unlabelable part of a superpixel
                target[pixel] = (byte) (t == ignoreId || dominant < 0 ? t : dominant);
            }
        } else {
            for (int pixel : pixels) {
                target[pixel] = source[pixel];
            }
        }
        return new Annotation(answer, price(sample, video), 0.0, ID);
    }

    /**
     * What labelling {@code sample} costs now by this annotator's click model: from the proposal the
     * video shows ({@link AnnotatedVideo#automaticLabels}), with pixels already labelled by hand free.
     * The bench calls it before a sample is annotated to price it under a second protocol.
     */
    public int price(Sample sample, AnnotatedVideo video) {
        LabelImage truth = groundTruth.labels(sample.frameIndex());
        return costModel.clicks(sample.region(), alreadyLabelledIsFree(truth, sample, video),
                video.automaticLabels(sample.frameIndex()), ignoreId);
    }

    /**
     * A person does not redraw what is already labelled by hand (the IDE shows it): for pricing, pixels
     * with human labels become unlabeled, which click models treat as free, like void.
     */
    private static LabelImage alreadyLabelledIsFree(LabelImage truth, Sample sample, AnnotatedVideo video) {
        if (!video.hasHumanLabels(sample.frameIndex())) {
            return truth;
        }
        byte[] human = video.humanLabels(sample.frameIndex()).ids();
        byte[] priced = truth.ids().clone();
        for (int i = 0; i < priced.length; i++) {
            if (human[i] != (byte) LabelImage.UNLABELED) {
                priced[i] = (byte) LabelImage.UNLABELED;
            }
        }
        return new LabelImage(truth.width(), truth.height(), priced);
    }

    /** The most frequent non-ignored, labelled class among {@code pixels}, or -1 if there is none. */
    private int dominantClass(byte[] labels, int[] pixels) {
        int[] counts = new int[256];
        for (int pixel : pixels) {
            counts[labels[pixel] & 0xFF]++;
        }
        int best = -1;
        for (int c = 0; c < 255; c++) {
            if (c != ignoreId && counts[c] > 0 && (best < 0 || counts[c] > counts[best])) {
                best = c;
            }
        }
        return best;
    }
}
