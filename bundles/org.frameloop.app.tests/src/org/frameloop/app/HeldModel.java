package org.frameloop.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.SegmentationModel;
import org.frameloop.editor.session.DemoVideo;

/**
 * A model for the UI test, contributed by this fragment's fragment.xml (as editor.tests has its own): it says "road" wherever nobody labelled
 * (human labels where they are), more uncertain in later frames; after {@link #hold()}, fine-tuning waits
 * until {@link #release()}, so a test can act while the model works.
 */
public class HeldModel implements SegmentationModel {

    private static volatile CountDownLatch gate = new CountDownLatch(0);
    private static volatile CountDownLatch fineTuning = new CountDownLatch(1);

    /** The next fine-tunings wait for {@link #release()}. */
    static void hold() {
        fineTuning = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    static void release() {
        gate.countDown();
    }

    static boolean released() {
        return gate.getCount() == 0;
    }

    /** Whether a held fine-tuning has started. */
    static boolean fineTuning() {
        return fineTuning.getCount() == 0;
    }

    @Override
    public void fineTune(AnnotatedVideo video, IProgressMonitor monitor) {
        SubMonitor.convert(monitor).subTask("Fine-tuning (held by the test)");
        fineTuning.countDown();
        try {
            gate.await(60, TimeUnit.SECONDS); // bounded: a test that forgets to release still ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public FramePrediction predict(AnnotatedVideo video, int frameIndex) {
        LabelImage labels = video.humanLabels(frameIndex);
        int pixels = labels.ids().length;
        float[] confidence = new float[pixels];
        float[] entropy = new float[pixels];
        for (int i = 0; i < pixels; i++) {
            boolean human = labels.ids()[i] != (byte) LabelImage.UNLABELED;
            if (!human) {
                labels.ids()[i] = (byte) DemoVideo.ROAD;
            }
            confidence[i] = human ? 1f : 0.5f;
            entropy[i] = human ? 0f : 0.5f + 0.01f * frameIndex + 0.0001f * (i % labels.width());
        }
        return new FramePrediction(labels, confidence, entropy, confidence.clone(), new float[0], 0);
    }

    @Override
    public void save(Path directory) {
    }

    @Override
    public void load(Path directory) {
    }
}
