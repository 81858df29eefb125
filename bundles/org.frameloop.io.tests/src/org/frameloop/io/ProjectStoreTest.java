package org.frameloop.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.ledger.ClickLedger;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project folder: what create writes, what open accepts, what resume restores. */
class ProjectStoreTest {

    private static final int FRAMES = 4;

    @TempDir
    Path temp;

    private Path project;

    private ProjectStore create() throws IOException {
        project = temp.resolve("project");
        return ProjectStore.create(project, SyntheticScene.info(FRAMES), SyntheticScene.LABEL_MAP, Map.of("seed", 3));
    }

    /** Annotates {@code sample} with the truth through an attached session, as the loop does. */
    private static void annotate(VideoSession session, int round, Sample sample, int clicks) {
        session.labels().putHuman(sample.frameIndex(), sample.region(), SyntheticScene.truth(sample.frameIndex()));
        session.ledger().append(new LedgerEntry(round, sample, clicks, 0, "test", 1_700_000_000_000L));
    }

    @Test
    void aCreatedProjectOpensWithItsVideoLabelMapAndSettings() throws IOException {
        create().close();

        try (ProjectStore store = ProjectStore.open(project)) {
            assertEquals(SyntheticScene.info(FRAMES), store.video());
            assertEquals(3, store.labelMap().classes().size());
            assertEquals(9, store.labelMap().ignoreId().getAsInt());
            assertEquals(3, store.settings().get("seed").getAsInt());
            assertEquals(List.of(), store.notes());
        }
        assertTrue(Files.isDirectory(project.resolve("labels/human")));
        assertTrue(Files.exists(project.resolve("ledger.jsonl")));
    }

    @Test
    void resumeRestoresHumanLabelsLedgerTotalsTheRoundAndTheSamplesNotYetAnnotated() throws IOException {
        Sample a = new Sample(1, new Region.Rectangle(0, 0, 16, 16));
        Sample b = new Sample(2, new Region.Rectangle(16, 0, 16, 16));
        Sample c = new Sample(3, new Region.WholeFrame(SyntheticScene.WIDTH, SyntheticScene.HEIGHT));
        try (ProjectStore store = create()) {
            VideoSession session = VideoSession.start(SyntheticScene.video(FRAMES), SyntheticScene.LABEL_MAP, null, null);
            store.attach(session);
            store.journalChosen(1, List.of(a));
            annotate(session, 1, a, 5);
            store.journalChosen(2, List.of(b, c));
            annotate(session, 2, b, 7);
            // crash here: c was chosen in round 2 but never annotated
        }

        try (ProjectStore store = ProjectStore.open(project)) {
            ProjectStore.Resumed resumed = store.resume(SyntheticScene.video(FRAMES), null, null);
            ClickLedger ledger = resumed.session().ledger();
            assertEquals(2, resumed.round());
            assertEquals(List.of(c), resumed.pendingSamples());
            assertEquals(2, ledger.size());
            assertEquals(12, ledger.totalClicks());
            assertEquals(16 * 16 * 2, resumed.session().labels().humanPixelCount());
            byte[] truth = SyntheticScene.truth(2).ids();
            byte[] restored = resumed.session().labels().human(2).ids();
            for (int pixel : b.region().pixelIndices(SyntheticScene.WIDTH)) {
                assertEquals(truth[pixel], restored[pixel]);
            }
        }
    }

    @Test
    void aTornLastChosenLineHoldsNoClicksItIsDroppedAndCutOnTheNextAppend() throws IOException {
        Sample a = new Sample(0, new Region.Rectangle(0, 0, 16, 16));
        try (ProjectStore store = create()) {
            VideoSession session = VideoSession.start(SyntheticScene.video(FRAMES), SyntheticScene.LABEL_MAP, null, null);
            store.attach(session);
            annotate(session, 1, a, 4);
        }
        Files.writeString(project.resolve("ledger.jsonl"), "{\"kind\":\"chosen\",\"round\":2,\"sam",
                java.nio.file.StandardOpenOption.APPEND);

        try (ProjectStore store = ProjectStore.open(project)) {
            assertEquals(1, store.ledgerEntries().size());
            assertTrue(store.notes().get(0).contains("torn line"), store.notes().toString());
            store.journalChosen(2, List.of(a));
        }
        List<String> lines = Files.readAllLines(project.resolve("ledger.jsonl"));
        assertEquals(3, lines.size(), "the edit and sample records of frame 0, the new chosen record: " + lines);
        assertTrue(lines.get(2).startsWith("{\"kind\":\"chosen\",\"round\":2,\"samples\""), lines.get(2));
    }

    @Test
    void creatingOverAProjectWithHumanWorkIsRefusedAndChangesNothing() throws IOException {
        try (ProjectStore store = create()) {
            VideoSession session = VideoSession.start(SyntheticScene.video(FRAMES), SyntheticScene.LABEL_MAP, null, null);
            store.attach(session);
            annotate(session, 1, new Sample(0, new Region.Rectangle(0, 0, 16, 16)), 4);
        }
        byte[] ledger = Files.readAllBytes(project.resolve("ledger.jsonl"));

        ProjectException refused = assertThrows(ProjectException.class, this::create);

        assertTrue(refused.getMessage().contains("--resume"), refused.getMessage());
        assertArrayEquals(ledger, Files.readAllBytes(project.resolve("ledger.jsonl")));
    }

    @Test
    void aFormatOneProjectIsMigratedAndTheOriginalKept() throws IOException {
        project = temp.resolve("old");
        Files.createDirectories(project.resolve("labels/human"));
        String v1 = "{\"format\":\"frameloop-project\",\"formatVersion\":1,\"created\":\"2026-01-01T00:00:00Z\","
                + "\"labelMap\":\"labelmap.json\",\"settings\":{\"video\":\"seq\",\"frames\":4,\"size\":\"48x32\"}}";
        Files.writeString(project.resolve("project.json"), v1);
        org.frameloop.core.label.LabelMapJson.write(project.resolve("labelmap.json"), SyntheticScene.LABEL_MAP);
        // the labels the format-1 journal records (the journal must agree with the label files)
        org.frameloop.core.io.ImageCodec.writeLabels(project.resolve("labels/human/000002.png"),
                LabelImage.unlabeled(48, 32), SyntheticScene.LABEL_MAP);
        Files.writeString(project.resolve("ledger.jsonl"), "{\"round\":1,\"frame\":2,\"region\":{\"type\":\"frame\"},"
                + "\"clicks\":9,\"seconds\":0.0,\"annotator\":\"simulated\",\"time\":\"2026-01-01T00:00:00Z\"}\n");

        try (ProjectStore store = ProjectStore.open(project)) {
            assertEquals(new VideoInfo("seq", null, 4, 48, 32), store.video());
            assertEquals(9, store.ledgerEntries().get(0).clicks());
            assertTrue(store.notes().get(0).contains("migrated"), store.notes().toString());
        }
        assertEquals(v1, Files.readString(project.resolve("project.json.v1")));
        assertTrue(Files.readString(project.resolve("project.json")).contains("\"formatVersion\": 2"));
    }

    @Test
    void importedMasksBecomeHumanLabelsWithoutOverwritingExistingOnesAndAreJournaled() throws IOException {
        Sample a = new Sample(0, new Region.Rectangle(0, 0, 16, 16));
        try (ProjectStore store = create()) {
            VideoSession session = VideoSession.start(SyntheticScene.video(FRAMES), SyntheticScene.LABEL_MAP, null, null);
            store.attach(session);
            annotate(session, 1, a, 4);
            // a partial mask: "car" on the whole top row of every frame
            long written = store.importHumanLabels(new MaskSequence(FRAMES, (f, x, y) -> y == 0 ? 1 : 255), "masks",
                    null);
            assertEquals(FRAMES * SyntheticScene.WIDTH - 16, written);
            LabelImage frame0 = store.readLabels().human(0);
            assertEquals(0, frame0.id(3, 0), "the annotated sample keeps its road label");
            assertEquals(1, frame0.id(20, 0));
            assertEquals(255, frame0.id(20, 1));
        }
        long imports = Files.readAllLines(project.resolve("ledger.jsonl")).stream()
                .filter(l -> l.contains("\"import\"")).count();
        assertEquals(FRAMES, imports);
    }
}
