package org.frameloop.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.FlowProvider;
import org.frameloop.core.spi.FramePrediction;
import org.frameloop.core.spi.Granularity;
import org.frameloop.core.spi.SampleSelector;
import org.frameloop.core.spi.SegmentationModel;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

/**
 * The kit is only worth running if it fails bad plugins: each deliberately broken implementation here
 * breaks one promise of its SPI, and the check for that promise must fail with the plugin's name.
 */
class BrokenContributionsTest {

    @Test
    void aSelectorThatReturnsAnnotatedCandidatesFailsTheValidityCheck() {
        SampleSelector takesTheFirst = (pool, budget, random) -> IntStream.range(0, Math.min(budget, pool.size())).toArray();

        List<String> failed = failedChecks(SelectorContract.contract().checks("first-n", () -> takesTheFirst));

        assertTrue(failed.contains("first-n returns nothing when everything is annotated"), failed.toString());
        assertTrue(failed.contains("first-n fills the budget with distinct open candidates"), failed.toString());
    }

    @Test
    void aSelectorThatIgnoresItsRandomSourceFailsTheSeedCheckOnly() {
        SampleSelector unseeded = (pool, budget, random) -> {
            List<Integer> open = new ArrayList<>();
            IntStream.range(0, pool.size()).filter(i -> !pool.isAnnotated(i)).forEach(open::add);
            java.util.Collections.shuffle(open); // its own unseeded randomness
            return open.stream().limit(budget).mapToInt(Integer::intValue).toArray();
        };

        List<String> failed = failedChecks(SelectorContract.contract().checks("unseeded", () -> unseeded));

        assertEquals(List.of("unseeded chooses the same candidates for the same seed"), failed);
    }

    @Test
    void aGranularityWhoseTilesOverlapFailsEveryCoverageCheck() {
        Granularity overlapping = (index, frame) -> List.of(new Region.WholeFrame(frame.width(), frame.height()),
                new Region.Rectangle(0, 0, 1, 1));

        List<String> failed = failedChecks(GranularityContract.contract().checks("overlap", () -> overlapping));

        assertEquals(4, failed.size(), failed.toString());
        assertTrue(failed.contains("overlap covers every pixel of a frame exactly once"), failed.toString());
    }

    @Test
    void aGranularityWithUnclippedTilesFails() {
        Granularity unclipped = (index, frame) -> List.of(new Region.Rectangle(0, 0, frame.width() + 16, frame.height()));

        List<String> failed = failedChecks(GranularityContract.contract().checks("unclipped", () -> unclipped));

        assertTrue(failed.contains("unclipped covers every pixel of a frame exactly once"), failed.toString());
    }

    @Test
    void aFlowThatSeesNoMotionFailsTheDirectionChecksButNotTheShapeChecks() {
        FlowProvider still = (from, to) -> {
            int n = from.pixelCount();
            boolean[] valid = new boolean[n];
            Arrays.fill(valid, true);
            return new OpticalFlow(from.width(), from.height(), new float[n], new float[n], valid);
        };

        List<String> failed = failedChecks(FlowContract.contract().checks("still", () -> still));

        assertEquals(List.of("still moves pixels of the first frame to where they are in the second",
                "still gives both directions forward first"), failed);
    }

    @Test
    void aFlowWithNaNOnInvalidPixelsFailsTheShapeCheck() {
        FlowProvider nanWhereInvalid = (from, to) -> {
            int n = from.pixelCount();
            float[] dx = new float[n];
            boolean[] valid = new boolean[n];
            Arrays.fill(valid, true);
            dx[n - 1] = Float.NaN;
            valid[n - 1] = false;
            return new OpticalFlow(from.width(), from.height(), dx, new float[n], valid);
        };

        List<String> failed = failedChecks(FlowContract.contract().checks("nan", () -> nanWhereInvalid));

        assertTrue(failed.contains("nan gives a finite flow of the frames' size"), failed.toString());
    }

    @Test
    void aModelWithConfidencesAboveOneFailsAndOneThatSavesNothingFailsTheRestore() {
        List<String> overconfident = failedChecks(ModelContract.contract().checks("overconfident",
                () -> new ConstantModel(0, 1.5f, true)));
        List<String> forgetful = failedChecks(ModelContract.contract().checks("forgetful",
                () -> new ConstantModel(1, 0.9f, false)));

        assertEquals(4, overconfident.size(), overconfident.toString());
        assertEquals(List.of("forgetful restores a saved state into a fresh instance"), forgetful);
    }

    @Test
    void aModelPredictingAnIdOutsideTheLabelMapFails() {
        List<String> failed = failedChecks(ModelContract.contract().checks("id-7", () -> new ConstantModel(7, 0.5f, true)));

        assertEquals(4, failed.size(), failed.toString());
    }

    /** Display names of the checks that failed an assertion; anything else thrown is a bug in the kit. */
    private static List<String> failedChecks(Stream<DynamicTest> checks) {
        List<String> failed = new ArrayList<>();
        checks.forEach(check -> {
            try {
                check.getExecutable().execute();
            } catch (AssertionError e) {
                assertTrue(e.getMessage().startsWith(check.getDisplayName().split(" ")[0]),
                        "the message names the plugin: " + e.getMessage());
                failed.add(check.getDisplayName());
            } catch (Throwable e) {
                throw new AssertionError(check.getDisplayName() + " threw " + e, e);
            }
        });
        return failed;
    }

    /** Predicts one id everywhere with one confidence; saves a file only when asked to. */
    private static final class ConstantModel implements SegmentationModel {

        private final int id;
        private final float confidence;
        private final boolean savesSomething;

        ConstantModel(int id, float confidence, boolean savesSomething) {
            this.id = id;
            this.confidence = confidence;
            this.savesSomething = savesSomething;
        }

        @Override
        public void fineTune(AnnotatedVideo video, IProgressMonitor monitor) {
            // nothing to learn
        }

        @Override
        public FramePrediction predict(AnnotatedVideo video, int frameIndex) {
            int n = video.width() * video.height();
            LabelImage labels = LabelImage.unlabeled(video.width(), video.height());
            Arrays.fill(labels.ids(), (byte) id);
            float[] confidences = new float[n];
            Arrays.fill(confidences, confidence);
            return new FramePrediction(labels, confidences, new float[n], new float[n], new float[0], 0);
        }

        @Override
        public void save(Path directory) throws IOException {
            if (savesSomething) {
                Files.writeString(directory.resolve("constant.txt"), Integer.toString(id));
            }
        }

        @Override
        public void load(Path directory) {
            // the id is fixed at construction
        }
    }
}
