package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainerTest {

    private static final Pretrainer.Options TINY = new Pretrainer.Options(6, 2, 32, 16, 3e-3, 4, 2, 16,
            new Augmentation(0.8, 1.2, 0.1));

    @TempDir
    Path temporary;

    @Test
    void interruptedPretrainingResumesFromTheLastCheckpoint() throws Exception {
        Path video = TestTimeAdaptationTest.writeSyntheticVideo(temporary.resolve("video"),
                new ProceduralVideo(ProceduralVideo.Style.SOURCE, 4, 32, 16, 2, 0));
        Path output = temporary.resolve("pretraining");

        assertThrows(OperationCanceledException.class,
                () -> new Pretrainer(TINY).train(List.of(video), output, cancelledBeforeStep(4)));
        try (UNetNetwork interrupted = UNetNetwork.load(output.resolve(Pretrainer.LAST))) {
            assertEquals(3, interrupted.history().pretrainingSteps(), "the three finished steps are kept");
        }
        Pretrainer.Result result = new Pretrainer(TINY).train(List.of(video), output, new NullProgressMonitor());

        assertTrue(result.resumed());
        assertEquals(6, result.steps());
        try (UNetNetwork finished = UNetNetwork.load(result.checkpoint())) {
            assertEquals(6, finished.history().pretrainingSteps());
            assertTrue(finished.history().batchNormStatisticsSteps() >= 6);
            assertEquals(video.toString(), finished.history().trainingData());
        }
    }

    @Test
    void medianFrequencyBalancingWeighsRareClassesUpAndIgnoresVoid() {
        LabelMap map = new LabelMap(List.of(new LabelClass(0, "road", 0), new LabelClass(1, "pole", 1)), OptionalInt.empty());
        byte[] first = new byte[100]; // 80 road, 10 pole, 10 void (id 11, not in the map)
        Arrays.fill(first, 80, 90, (byte) 1);
        Arrays.fill(first, 90, 100, (byte) 11);
        byte[] second = new byte[100]; // all road
        List<LabelImage> labels = List.of(new LabelImage(10, 10, first), new LabelImage(10, 10, second));

        float[] weights = ClassBalance.medianFrequencyWeights(labels, new TrainableClasses(map), 2);

        double road = 180.0 / 190; // road pixels / labelled pixels of frames with road
        double pole = 10.0 / 90;
        double median = (road + pole) / 2;
        assertArrayEquals(new float[] { (float) (median / road), (float) (median / pole) }, weights, 1e-5f);
        assertTrue(weights[1] > 1 && weights[0] < 1, "the rare class weighs more: " + Arrays.toString(weights));
    }

    @Test
    void camVidSequencesAreFoundWithTheLabelMapOfTheirParentFolder() throws IOException {
        Path camvid = temporary.resolve("camvid");
        LabelMap map = new LabelMap(List.of(new LabelClass(0, "sky", 0x808080), new LabelClass(1, "road", 0x804080)),
                OptionalInt.empty());
        LabelMapJson.write(camvid.resolve("labelmap.json"), map);
        for (String sequence : List.of("0001TP", "Seq05VD")) {
            for (String frame : List.of("f_0030.png", "f_0060.png")) {
                Path images = Files.createDirectories(camvid.resolve(sequence).resolve("images"));
                Path labels = Files.createDirectories(camvid.resolve(sequence).resolve("labels"));
                ImageCodec.writeRgb(images.resolve(frame), RgbImage.blank(8, 4));
                ImageCodec.writeLabels(labels.resolve(frame), LabelImage.unlabeled(8, 4), map);
            }
        }

        TrainingSet set = TrainingSet.open(List.of(camvid));

        assertEquals(4, set.samples.size());
        assertEquals(2, set.labelMap.idSpan());
        assertTrue(set.samples.get(0).labels().toString().endsWith("0001TP/labels/f_0030.png"));
        IOException unknown = assertThrows(IOException.class, () -> TrainingSet.open(List.of(temporary)));
        assertTrue(unknown.getMessage().contains("images/ and labels/"), unknown.getMessage());
    }

    @Test
    void augmentationKeepsLabelsAlignedWithTheImage() {
        ProceduralVideo scene = new ProceduralVideo(ProceduralVideo.Style.SOURCE, 1, 64, 32, 1, 0);
        Augmentation augmentation = new Augmentation(0.7, 1.4, 0);

        for (int seed = 0; seed < 5; seed++) {
            Augmentation.View view = augmentation.apply(scene.frames.get(0), scene.truth.get(0), 40, 24,
                    new java.util.Random(seed));
            // Without colour jitter, every disc pixel stays clearly red and every box pixel clearly blue.
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 40; x++) {
                    int id = view.labels().id(x, y);
                    if (id == ProceduralVideo.DISC && isInterior(view.labels(), x, y)) {
                        assertTrue(view.image().channel(x, y, 0) > 150, "disc pixel is red at " + x + "," + y);
                    }
                    if (id == ProceduralVideo.BOX && isInterior(view.labels(), x, y)) {
                        assertTrue(view.image().channel(x, y, 2) > 150, "box pixel is blue at " + x + "," + y);
                    }
                }
            }
        }
    }

    private static boolean isInterior(LabelImage labels, int x, int y) {
        int id = labels.id(x, y);
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= labels.width() || ny >= labels.height() || labels.id(nx, ny) != id) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A monitor that reports cancellation from its {@code step}-th check on (1 = before the first step). */
    static NullProgressMonitor cancelledBeforeStep(int step) {
        return new NullProgressMonitor() {
            private int checks;

            @Override
            public boolean isCanceled() {
                return ++checks >= step;
            }
        };
    }
}
