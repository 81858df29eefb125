package org.frameloop.io;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.eclipse.core.runtime.IProgressMonitor;
import org.frameloop.core.annotate.SimulatedAnnotator;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.sample.CandidatePool;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.Annotator.Annotation;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.Granularity;
import org.frameloop.core.spi.SampleSelector;
import org.frameloop.core.spi.SegmentationModel;

/**
 * The annotation loop writing a project, as the CLI runs it (create, or open and resume when the project
 * exists), on {@link SyntheticScene} with small plain-Java plugins, so the crash test can run it in a
 * child JVM without OSGi and kill it. Prints one line per event ("chosen", "annotated", "done") for the
 * test to pick its moment.
 */
public final class CrashableAnnotationRun {

    static final int FRAMES = 12;
    static final int CELL_PX = 16;
    static final LoopSettings SETTINGS = LoopSettings.defaults().withSamplesPerRound(3).withMaxRounds(8)
            .withTargetMiou(1.0).withSeed(7);

    private CrashableAnnotationRun() {
    }

    public static void main(String[] arguments) throws IOException {
        PrintStream out = System.out;
        run(Path.of(arguments[0]), out);
        out.println("done");
        out.flush();
    }

    /** Creates or resumes the project in {@code folder} and runs the loop to its end. */
    static void run(Path folder, PrintStream events) throws IOException {
        ClickCostModel cost = (region, truth, ignoreId) -> 1 + distinctClasses(region, truth, ignoreId);
        boolean resuming = Files.exists(folder.resolve(ProjectStore.PROJECT_FILE));
        try (ProjectStore store = resuming ? ProjectStore.open(folder)
                : ProjectStore.create(folder, SyntheticScene.info(FRAMES), SyntheticScene.LABEL_MAP,
                        Map.of("loop", SETTINGS))) {
            VideoSession session;
            int round = 1;
            List<Sample> pending = List.of();
            if (resuming) {
                ProjectStore.Resumed resumed = store.resume(SyntheticScene.video(FRAMES), null,
                        SyntheticScene.groundTruth(FRAMES));
                session = resumed.session();
                round = resumed.round();
                pending = resumed.pendingSamples();
            } else {
                session = VideoSession.start(SyntheticScene.video(FRAMES), SyntheticScene.LABEL_MAP, null,
                        SyntheticScene.groundTruth(FRAMES));
            }
            AnnotationLoop loop = new AnnotationLoop(session, new NearestHumanLabelModel(), new Grid(),
                    new MostUncertainFirst(), new SimulatedAnnotator(SyntheticScene.groundTruth(FRAMES), cost, 9), cost,
                    SETTINGS);
            loop.resumeAt(round, pending);
            store.attach(session);
            store.attach(loop);
            loop.addListener(new LoopListener() {
                @Override
                public void samplesChosen(int r, List<Sample> samples) {
                    events.println("chosen " + r);
                    events.flush();
                }

                @Override
                public void sampleAnnotated(int r, Sample sample, Annotation annotation) {
                    events.println("annotated " + r);
                    events.flush();
                }
            });
            loop.run((IProgressMonitor) null);
            store.writeAllLabels(session);
        }
    }

    private static int distinctClasses(Region region, LabelImage truth, int ignoreId) {
        boolean[] seen = new boolean[256];
        int count = 0;
        for (int pixel : region.pixelIndices(truth.width())) {
            int id = truth.ids()[pixel] & 0xFF;
            if (id != ignoreId && !seen[id]) {
                seen[id] = true;
                count++;
            }
        }
        return count;
    }

    /** CELL_PX squares, row by row. */
    static final class Grid implements Granularity {
        @Override
        public List<Region> candidates(int frameIndex, RgbImage frame) {
            List<Region> cells = new ArrayList<>();
            for (int y = 0; y < frame.height(); y += CELL_PX) {
                for (int x = 0; x < frame.width(); x += CELL_PX) {
                    cells.add(new Region.Rectangle(x, y, Math.min(CELL_PX, frame.width() - x),
                            Math.min(CELL_PX, frame.height() - y)));
                }
            }
            return cells;
        }
    }

    /** The most uncertain unannotated candidates; ties go to the lower index. */
    static final class MostUncertainFirst implements SampleSelector {
        @Override
        public int[] select(CandidatePool pool, int budget, RandomGenerator random) {
            List<Integer> open = new ArrayList<>();
            for (int c = 0; c < pool.size(); c++) {
                if (!pool.isAnnotated(c)) {
                    open.add(c);
                }
            }
            open.sort((a, b) -> {
                int byUncertainty = Double.compare(pool.uncertainty(b), pool.uncertainty(a));
                return byUncertainty != 0 ? byUncertainty : Integer.compare(a, b);
            });
            return open.stream().limit(budget).mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Each pixel takes its label from the nearest frame where a person labelled it (road where nobody
     * did); uncertainty grows with that distance. Deterministic, no state: fine-tuning is a no-op.
     */
    static final class NearestHumanLabelModel implements SegmentationModel {
        @Override
        public void fineTune(AnnotatedVideo video, IProgressMonitor monitor) {
        }

        @Override
        public FramePrediction predict(AnnotatedVideo video, int frameIndex) {
            int n = video.width() * video.height();
            byte[] labels = new byte[n];
            float[] distance = new float[n];
            java.util.Arrays.fill(distance, Float.POSITIVE_INFINITY);
            for (int f = 0; f < video.frameCount(); f++) {
                if (!video.hasHumanLabels(f)) {
                    continue;
                }
                byte[] human = video.humanLabels(f).ids();
                int d = Math.abs(f - frameIndex);
                for (int i = 0; i < n; i++) {
                    if (human[i] != (byte) LabelImage.UNLABELED && d < distance[i]) {
                        distance[i] = d;
                        labels[i] = human[i];
                    }
                }
            }
            float[] confidence = new float[n];
            float[] entropy = new float[n];
            for (int i = 0; i < n; i++) {
                confidence[i] = Float.isInfinite(distance[i]) ? 0.34f : 1f / (1 + distance[i]);
                entropy[i] = 1 - confidence[i];
            }
            return new FramePrediction(new LabelImage(video.width(), video.height(), labels), confidence, entropy,
                    confidence.clone(), new float[0], 0);
        }

        @Override
        public void save(Path directory) {
        }

        @Override
        public void load(Path directory) {
        }
    }
}
