package org.frameloop.core.spi;

import java.util.List;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.sample.Sample;

/**
 * Labels the samples the selector chose: a person in the IDE, or a simulated annotator that answers from
 * ground truth and charges the click-cost model's price (for benchmarks).
 */
public interface Annotator {

    /** The labels a person gave one sample, and what it cost them. */
    record Annotation(LabelImage labels, int clicks, double seconds, String annotatorId) {
        public Annotation {
            if (clicks < 0 || seconds < 0) {
                throw new IllegalArgumentException("clicks and seconds must be >= 0");
            }
        }
    }

    /**
     * @return a full-frame label image in which only the sample's pixels carry meaning (others are
     *         {@link LabelImage#UNLABELED}), with the clicks and seconds spent
     */
    Annotation annotate(Sample sample, AnnotatedVideo video);

    /**
     * Samples offered while the model fine-tunes and predicts after a round, so the person need not wait:
     * the selector's choice just beyond the round's budget, in its priority order, and the whole frames the
     * latest quality estimate rates weakest. Thread-safe: label them from any thread while the offer is open.
     */
    interface ExtraSamples {

        /** The round whose model is working; labelled extra samples count in it. */
        int round();

        /** The samples offered, in priority order. */
        List<Sample> samples();

        /**
         * Whole frames, weakest first by the latest round's quality estimate (the review queue's order), for
         * correcting meanwhile: none labelled in full by hand or among {@link #samples()}; empty before the first
         * estimate. {@link #label} takes them as it takes {@link #samples()}, and one begun but not finished is
         * asked for first in the next round as well.
         */
        List<Sample> weakestFrames();

        /**
         * Labels one offered sample at once: stored as human labels (the next fine-tune uses them), appended to
         * the ledger (a project journals it before this returns), never chosen again.
         *
         * @return false, changing nothing, when the sample was not offered (in {@link #samples()} or
         *         {@link #weakestFrames()}), is already labelled or the
         *         round's results are in (the offer closed)
         */
        boolean label(Sample sample, Annotation annotation);
    }

    /**
     * The model starts working on the round's labels; {@code extra} may be labelled meanwhile. Returns at
     * once (the loop's thread fine-tunes next). The default offers nothing to nobody.
     */
    default void modelWorking(ExtraSamples extra) {
    }

    /**
     * The round's results are in and {@code extra} is closed. Returns the offered samples the person started
     * but did not finish: the next round asks for them first, so no work in hand is lost.
     */
    default List<Sample> modelReady(ExtraSamples extra) {
        return List.of();
    }
}
