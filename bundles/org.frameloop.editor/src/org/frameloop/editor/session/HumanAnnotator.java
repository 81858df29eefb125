package org.frameloop.editor.session;

import java.util.List;
import java.util.Objects;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.Annotator;

/**
 * The person at the IDE as the loop's {@link Annotator}. The loop's worker blocks in {@link #annotate}
 * until the person finished the sample in the editor; the labels are already in the session's human layer
 * (the tools write there directly, so views and undo see them at once), so the answer is that layer, and
 * the cost is what the {@link SampleQueue} counted. While the model works, the extra samples and weakest frames
 * the loop offers are queued; each one the person finishes goes to the loop at once (on the UI thread), which journals it.
 */
public final class HumanAnnotator implements Annotator {

    /** The annotator id in the ledger. */
    public static final String ID = "human";

    private final SampleQueue queue;
    private final AnnotatedVideo video;

    /** @param video the session the person labels, for the extra samples' labels */
    public HumanAnnotator(SampleQueue queue, AnnotatedVideo video) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.video = Objects.requireNonNull(video, "video");
    }

    @Override
    public Annotation annotate(Sample sample, AnnotatedVideo labelled) {
        SampleQueue.Entry entry = queue.awaitFinished(sample);
        return new Annotation(labelled.humanLabels(sample.frameIndex()), entry.clicks(), entry.seconds(), ID);
    }

    /**
     * Queues the extra samples, then the weakest frames; one the person finishes with every pixel labelled goes to the loop at once. One
     * left incomplete is skipped, not handed over: extra samples are optional, and half a label is not a sample.
     */
    @Override
    public void modelWorking(ExtraSamples extra) {
        queue.offer(extra.round(), extra.samples(), extra.weakestFrames(), entry -> {
            LabelImage labels = video.humanLabels(entry.sample().frameIndex());
            return complete(labels, entry.sample())
                    && extra.label(entry.sample(), new Annotation(labels, entry.clicks(), entry.seconds(), ID));
        });
    }

    private static boolean complete(LabelImage labels, Sample sample) {
        byte[] ids = labels.ids();
        for (int pixel : sample.region().pixelIndices(labels.width())) {
            if (ids[pixel] == (byte) LabelImage.UNLABELED) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<Sample> modelReady(ExtraSamples extra) {
        return queue.withdrawOffer();
    }
}
