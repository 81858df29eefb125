package org.frameloop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.video.ImageSequenceVideo;
import org.frameloop.io.formats.CocoRleImporter;
import org.frameloop.io.formats.PaletteMaskImporter;
import org.frameloop.io.video.VideoFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus: each case is a small file the test writes, and each must give a message that
 * names the file and says what is wrong, while every file already saved in the project stays byte for
 * byte as it was.
 */
class BadInputTest {

    private static final int FRAMES = 3;

    @TempDir
    Path temp;

    private Path project;

    @BeforeEach
    void aProjectWithOneAnnotatedSample() throws IOException {
        project = temp.resolve("project");
        try (ProjectStore store = ProjectStore.create(project, SyntheticScene.info(FRAMES), SyntheticScene.LABEL_MAP,
                Map.of())) {
            VideoSession session = VideoSession.start(SyntheticScene.video(FRAMES), SyntheticScene.LABEL_MAP, null, null);
            store.attach(session);
            Sample sample = new Sample(1, new Region.Rectangle(0, 0, 16, 16));
            session.labels().putHuman(1, sample.region(), SyntheticScene.truth(1));
            session.ledger().append(new LedgerEntry(1, sample, 3, 0, "test", 0));
        }
    }

    private Map<Path, byte[]> snapshot() throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(project)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(project.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private void assertUntouched(Map<Path, byte[]> before) throws IOException {
        Map<Path, byte[]> after = snapshot();
        assertEquals(before.keySet(), after.keySet(), "files added or removed");
        before.forEach((file, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(file)), file + " changed"));
    }

    private static void assertNames(Path file, Exception e, String... words) {
        assertTrue(e.getMessage().contains(file.getFileName().toString()), "message names the file: " + e.getMessage());
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "message says '" + word + "': " + e.getMessage());
        }
    }

    @Test
    void aTruncatedProjectJsonIsRefusedNamingItAndNothingIsTouched() throws IOException {
        Path file = project.resolve("project.json");
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        Map<Path, byte[]> before = snapshot();

        ProjectException e = assertThrows(ProjectException.class, () -> ProjectStore.open(project));

        assertNames(file, e, "not valid JSON");
        assertUntouched(before);
    }

    @Test
    void garbageBytesInProjectJsonAreRefusedAsNotValidJsonNamingIt() throws IOException {
        Path file = project.resolve("project.json");
        Files.write(file, new byte[] { '{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, '}' });
        Map<Path, byte[]> before = snapshot();

        ProjectException e = assertThrows(ProjectException.class, () -> ProjectStore.open(project));

        assertNames(file, e, "is not valid JSON", "not UTF-8 text");
        assertTrue(!e.getMessage().contains("Input length"), e.getMessage());
        assertUntouched(before);
    }

    @Test
    void aLabelMapWithTwoClassesOfOneNameIsRefusedNamingBothIds() throws IOException {
        Path json = temp.resolve("labelmap.json");
        Files.writeString(json, "[{\"id\":0,\"name\":\"road\",\"color\":\"#804080\"},"
                + "{\"id\":1,\"name\":\"car\",\"color\":\"#400080\"},{\"id\":3,\"name\":\"Road\",\"color\":\"#000080\"}]");
        Path list = temp.resolve("classes.txt");
        Files.writeString(list, "0 sky\n1 car\n2 car\n");

        IOException fromJson = assertThrows(IOException.class, () -> LabelMaps.read(json, null));
        IOException fromList = assertThrows(IOException.class, () -> LabelMaps.read(list, null));

        assertNames(json, fromJson, "class name 'Road' is used by ids 0 and 3");
        assertNames(list, fromList, "class name 'car' is used by ids 1 and 2");
    }

    @Test
    void aProjectFromANewerFrameloopIsRefusedSayingWhichVersions() throws IOException {
        Path file = project.resolve("project.json");
        Files.writeString(file, Files.readString(file).replace("\"formatVersion\": 2", "\"formatVersion\": 7"));
        Map<Path, byte[]> before = snapshot();

        ProjectException e = assertThrows(ProjectException.class, () -> ProjectStore.open(project));

        assertNames(file, e, "newer Frameloop", "format 7", "formats 1 to 2");
        assertUntouched(before);
    }

    @Test
    void aLabelMapPathLeadingOutsideTheProjectIsRefused() throws IOException {
        Path file = project.resolve("project.json");
        Files.writeString(temp.resolve("elsewhere.json"), LabelMapJson.toJson(SyntheticScene.LABEL_MAP));
        Files.writeString(file, Files.readString(file).replace("\"labelmap.json\"", "\"../elsewhere.json\""));
        Map<Path, byte[]> before = snapshot();

        ProjectException e = assertThrows(ProjectException.class, () -> ProjectStore.open(project));

        assertNames(file, e, "points outside the project");
        assertUntouched(before);
    }

    @Test
    void aJournalDamagedInTheMiddleIsRefusedNamingTheLine() throws IOException {
        Path ledger = project.resolve("ledger.jsonl");
        Files.writeString(ledger, "not json\n" + Files.readString(ledger));
        Map<Path, byte[]> before = snapshot();

        ProjectException e = assertThrows(ProjectException.class, () -> ProjectStore.open(project));

        assertNames(ledger, e, "line 1");
        assertUntouched(before);
    }

    @Test
    void aHumanLabelFileOfTheWrongSizeStopsTheResumeNamingIt() throws IOException {
        Path file = project.resolve("labels/human/000002.png");
        ImageCodec.writeLabels(file, LabelImage.unlabeled(10, 10), SyntheticScene.LABEL_MAP);
        Map<Path, byte[]> before = snapshot();

        try (ProjectStore store = ProjectStore.open(project)) {
            ProjectException e = assertThrows(ProjectException.class,
                    () -> store.resume(SyntheticScene.video(FRAMES), null, null));
            assertNames(file, e, "10x10", "48x32");
        }
        assertUntouched(before);
    }

    @Test
    void aHumanLabelWithIdsMissingFromTheLabelMapIsRefusedNamingTheIds() throws IOException {
        Path file = project.resolve("labels/human/000001.png");
        LabelImage labels = SyntheticScene.truth(1);
        labels.set(5, 5, 7);
        ImageCodec.writeLabels(file, labels, SyntheticScene.LABEL_MAP);
        Map<Path, byte[]> before = snapshot();

        try (ProjectStore store = ProjectStore.open(project)) {
            ProjectException e = assertThrows(ProjectException.class, store::readLabels);
            assertNames(file, e, "label id(s) 7 (1 px)");
        }
        assertUntouched(before);
    }

    @Test
    void importingAMaskOfTheWrongSizeNamesItAndImportsNothing() throws IOException {
        Path masks = Files.createDirectories(temp.resolve("masks"));
        for (int f = 0; f < FRAMES; f++) {
            LabelImage mask = f == 2 ? LabelImage.unlabeled(47, 32) : SyntheticScene.truth(f);
            ImageCodec.writeLabels(masks.resolve(String.format("m%d.png", f)), mask, SyntheticScene.LABEL_MAP);
        }
        Map<Path, byte[]> before = snapshot();

        try (ProjectStore store = ProjectStore.open(project)) {
            ProjectException e = assertThrows(ProjectException.class, () -> store.importHumanLabels(
                    new PaletteMaskImporter().read(masks, store.labelMap()), masks.toString(), null));
            assertNames(masks.resolve("m2.png"), e, "47x32");
        }
        assertUntouched(before);
    }

    @Test
    void aCorruptFrameIsReportedByNameWhenItIsRead() throws IOException {
        Path frames = Files.createDirectories(temp.resolve("frames"));
        ImageCodec.writeRgb(frames.resolve("0001.png"), SyntheticScene.video(1).frame(0));
        Files.write(frames.resolve("0002.png"), java.util.Arrays.copyOf(Files.readAllBytes(frames.resolve("0001.png")), 60));

        ImageSequenceVideo video = (ImageSequenceVideo) VideoFiles.open(frames);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> video.frame(1));

        assertNames(frames.resolve("0002.png"), e);
    }

    @Test
    void cocoCategoriesMissingFromTheLabelMapAreRefusedNamingTheFile() throws IOException {
        Path coco = temp.resolve("bad-coco.json");
        Files.writeString(coco, "{\"images\":[{\"id\":1,\"width\":2,\"height\":2}],\"annotations\":[{\"id\":1,"
                + "\"image_id\":1,\"category_id\":42,\"segmentation\":{\"size\":[2,2],\"counts\":\"04\"}}]}");

        ProjectException e = assertThrows(ProjectException.class,
                () -> new CocoRleImporter().read(coco, SyntheticScene.LABEL_MAP));

        assertNames(coco, e, "category 42");
    }

    @Test
    void videoFormatsThatNeedFfmpegSaySoAndHowToConvert() {
        Path mp4 = temp.resolve("drive.mp4");

        ProjectException e = assertThrows(ProjectException.class, () -> VideoFiles.open(mp4));

        assertNames(mp4, e, "FFmpeg", "ffmpeg -i drive.mp4");
    }
}
