package org.frameloop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.metrics.ConfusionMatrix;
import org.frameloop.core.video.ImageSequenceLabels;
import org.frameloop.core.video.ImageSequenceVideo;
import org.frameloop.core.video.LabelledVideoFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real dataset as it comes: CamVid Seq05VD from {@code ../shared/data/camvid} beside the repository (skipped
 * where it is absent; never copied), then broken copies of a few of its files in a temporary folder.
 */
class CamVidImportTest {

    private static final int VOID = 11;
    private static final Pattern FRAME_NUMBER = Pattern.compile("_f(\\d+)\\.png$");

    @Test
    void seq05vdOpensInTimeOrderWithElevenClassesAndVoidAsIgnore() throws IOException {
        Path sequence = sharedCamVid().resolve("Seq05VD");
        assumeTrue(Files.isDirectory(sequence), "CamVid not found at " + sequence);
        LabelledVideoFolder layout = LabelledVideoFolder.of(sequence);
        LabelMap camvid = LabelMaps.camvid();

        ImageSequenceVideo video = ImageSequenceVideo.open(layout.frames());
        ImageSequenceLabels truth = ImageSequenceLabels.open(layout.groundTruth(), video, camvid);

        assertEquals(171, video.frameCount());
        assertEquals(480, video.width());
        assertEquals(360, video.height());
        assertEquals(sequence.resolve("labels"), layout.groundTruth());
        assertEquals(sequence.getParent().resolve("labelmap.json"), layout.labelMapFile().orElseThrow());
        long previous = -1;
        for (int f = 0; f < video.frameCount(); f++) {
            long number = frameNumber(video.file(f));
            assertTrue(number > previous, "frame " + f + " (" + video.file(f) + ") is out of time order");
            previous = number;
            assertEquals(video.file(f).getFileName(), truth.file(f).getFileName(), "frame and labels pair by name");
        }
        assertEquals(30 * 170, previous - frameNumber(video.file(0)), "one frame every 30");

        LabelImage labels = truth.labels(0);
        int[] histogram = new int[256];
        for (byte id : labels.ids()) {
            histogram[id & 0xFF]++;
        }
        assertTrue(histogram[VOID] > 0, "the first frame has void pixels");
        for (int id = VOID + 1; id < 256; id++) {
            assertEquals(0, histogram[id], "id " + id);
        }
        // Void is ignored by the metric: predicting anything there changes nothing.
        LabelImage prediction = new LabelImage(labels.width(), labels.height(), labels.ids().clone());
        for (int i = 0; i < prediction.ids().length; i++) {
            if ((prediction.ids()[i] & 0xFF) == VOID) {
                prediction.ids()[i] = 3; // road
            }
        }
        ConfusionMatrix matrix = new ConfusionMatrix(camvid.idSpan(), VOID);
        matrix.add(labels, prediction);
        assertEquals(1.0, matrix.meanIou(), 1e-12);
    }

    @Test
    void theDatasetsOwnLabelMapWithoutVoidNamesTheFileAndSaysHowToMarkIt() throws IOException {
        Path sequence = sharedCamVid().resolve("Seq05VD");
        assumeTrue(Files.isDirectory(sequence), "CamVid not found at " + sequence);
        LabelledVideoFolder layout = LabelledVideoFolder.of(sequence);
        LabelMap withoutVoid = LabelMaps.read(layout.labelMapFile().orElseThrow(), null);
        ImageSequenceVideo video = ImageSequenceVideo.open(layout.frames());
        ImageSequenceLabels truth = ImageSequenceLabels.open(layout.groundTruth(), video, withoutVoid);

        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> truth.labels(0));

        assertTrue(error.getMessage().startsWith(truth.file(0).toString()), error.getMessage());
        assertTrue(error.getMessage().contains("label id 11 is not in the label map"), error.getMessage());
        assertTrue(error.getMessage().contains("\"ignore\": true"), error.getMessage());
    }

    /** What the IDE's wizard suggests for CamVid as it comes: the dataset's map, its classes recognised. */
    @Test
    void theDatasetsOwnLabelMapRecognisedAsCamVidGetsVoidElevenAndReadsTheLabels() throws IOException {
        Path sequence = sharedCamVid().resolve("Seq05VD");
        assumeTrue(Files.isDirectory(sequence), "CamVid not found at " + sequence);
        LabelledVideoFolder layout = LabelledVideoFolder.of(sequence);
        LabelMap own = LabelMaps.withPresetIgnoreId(LabelMaps.read(layout.labelMapFile().orElseThrow(), null));
        ImageSequenceVideo video = ImageSequenceVideo.open(layout.frames());
        ImageSequenceLabels truth = ImageSequenceLabels.open(layout.groundTruth(), video, own);

        assertEquals(11, own.ignoreId().getAsInt());
        assertEquals(video.width() * video.height(), truth.labels(0).ids().length);
        LabelMap other = LabelMaps.cityscapes();
        assertSame(other, LabelMaps.withPresetIgnoreId(other), "a map of other classes stays as it is");
    }

    @Test
    void aMissingLabelFileAndAStrayIdAreReportedWithTheFileNamed(@TempDir Path root) throws IOException {
        Path sequence = root.resolve("seq");
        Files.createDirectories(sequence.resolve("images"));
        Files.createDirectories(sequence.resolve("labels"));
        LabelMap camvid = LabelMaps.camvid();
        for (int f : new int[] { 0, 30, 60 }) {
            String name = String.format("seq_f%05d.png", f);
            ImageCodec.writeRgb(sequence.resolve("images").resolve(name), new org.frameloop.core.image.RgbImage(4, 3,
                    new byte[4 * 3 * 3]));
            LabelImage labels = LabelImage.unlabeled(4, 3);
            labels.set(1, 1, f == 60 ? 42 : 3);
            ImageCodec.writeLabels(sequence.resolve("labels").resolve(name), labels, camvid);
        }
        LabelledVideoFolder layout = LabelledVideoFolder.of(sequence);
        ImageSequenceVideo video = ImageSequenceVideo.open(layout.frames());

        UncheckedIOException stray = assertThrows(UncheckedIOException.class,
                () -> ImageSequenceLabels.open(layout.groundTruth(), video, camvid).labels(2));
        assertTrue(stray.getMessage().contains("seq_f00060.png") && stray.getMessage().contains("label id 42"),
                stray.getMessage());

        Files.delete(sequence.resolve("labels").resolve("seq_f00030.png"));
        IOException missing = assertThrows(IOException.class,
                () -> ImageSequenceLabels.open(layout.groundTruth(), video, camvid));
        assertTrue(missing.getMessage().startsWith(sequence.resolve("labels").resolve("seq_f00030.png").toString()),
                missing.getMessage());
        assertTrue(missing.getMessage().contains("has no label image"), missing.getMessage());
    }

    private static long frameNumber(Path file) {
        Matcher matcher = FRAME_NUMBER.matcher(file.getFileName().toString());
        assertTrue(matcher.find(), file.toString());
        return Long.parseLong(matcher.group(1));
    }

    /** Tests run in their bundle's folder; the shared data lies beside the repository. */
    private static Path sharedCamVid() {
        Path folder = Path.of("").toAbsolutePath();
        while (folder.getParent() != null && !Files.exists(folder.resolve("mvnw"))) {
            folder = folder.getParent();
        }
        return folder.resolve("../shared/data/camvid").normalize();
    }
}
