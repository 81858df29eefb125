package org.frameloop.core.loop;

import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.Annotator.Annotation;

/**
 * Follows the annotation loop (progress lines in the CLI, views in the IDE). Called on the loop's thread, except
 * {@link #sampleAnnotated} for an extra sample labelled while the model works, which is called on the thread
 * that labelled it ({@link AnnotationLoop#offerWhileAdapting}).
 */
public interface LoopListener {

    default void samplesChosen(int round, java.util.List<Sample> samples) {
    }

    default void sampleAnnotated(int round, Sample sample, Annotation annotation) {
    }

    default void roundFinished(RoundReport report) {
    }
}
