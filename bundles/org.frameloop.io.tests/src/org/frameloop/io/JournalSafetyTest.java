package org.frameloop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal cannot lose a click: a journal that disagrees with the human label files is refused by name
 * (for writing; a read-only opening reports it), records carry checksums, and the previous journal is kept.
 */
class JournalSafetyTest {

    private static final int FRAMES = 4;

    @TempDir
    Path temp;

    private Path project;
    private Path ledger;

    /** Frame 1 annotated as one sample of 6 clicks, as the loop does it. */
    @BeforeEach
    void aProjectWithOneAnnotatedSample() throws IOException {
        project = temp.resolve("project");
        ledger = project.resolve(ProjectStore.LEDGER_FILE);
        try (ProjectStore store = ProjectStore.create(project, SyntheticScene.info(FRAMES), SyntheticScene.LABEL_MAP,
                Map.of())) {
            VideoSession session = VideoSession.start(SyntheticScene.video(FRAMES), SyntheticScene.LABEL_MAP, null, null);
            store.attach(session);
            Sample sample = new Sample(1, new Region.Rectangle(0, 0, 16, 16));
            store.journalChosen(1, List.of(sample));
            session.labels().putHuman(1, sample.region(), SyntheticScene.truth(1));
            session.ledger().append(new LedgerEntry(1, sample, 6, 0, "test", 0));
        }
    }

    private ProjectException refusedForWriting(String... words) throws IOException {
        byte[] before = Files.exists(ledger) ? Files.readAllBytes(ledger) : null;
        ProjectException e = assertThrows(ProjectException.class, () -> ProjectStore.open(project, "cli run"));
        for (String word : words) {
            assertTrue(e.getMessage().contains(word), "message says '" + word + "': " + e.getMessage());
        }
        assertTrue(java.util.Arrays.equals(before, Files.exists(ledger) ? Files.readAllBytes(ledger) : null),
                "the journal is left as it was");
        assertTrue(ProjectLock.recordedOwner(project).isEmpty(), "a refused opening lets go of the lock");
        return e;
    }

    /**
     * A crash between saving a sample's labels and journaling it: the labels wait beside their file, and the
     * next opening drops them (never counted: the sample is asked for again, priced like the first time).
     */
    @Test
    void labelsOfASampleInHandAtACrashAreDroppedNotCountedAsAlreadyLabelled() throws IOException {
        Path file = project.resolve("labels/human/000002.png");
        Path aside = file.resolveSibling("000002.png" + ProjectStore.IN_HAND_SUFFIX);
        org.frameloop.core.io.ImageCodec.writeLabels(aside, SyntheticScene.truth(2), SyntheticScene.LABEL_MAP);

        try (ProjectStore store = ProjectStore.open(project, "cli run")) {
            assertTrue(!Files.exists(aside) && !Files.exists(file), "the labels in hand are gone");
            assertTrue(!store.readLabels().hasHuman(2), "frame 2 has no human labels");
            assertEquals(1, store.ledgerEntries().size());
            assertTrue(store.notes().stream().anyMatch(n -> n.contains("in hand") && n.contains("frame 2")),
                    store.notes().toString());
        }
    }

    /** A crash after journaling a sample but before its labels were moved in: they are moved in on opening. */
    @Test
    void labelsOfTheLastJournaledSampleStillBesideTheirFileAreMovedIn() throws IOException {
        Path file = project.resolve("labels/human/000001.png");
        Path aside = file.resolveSibling("000001.png" + ProjectStore.IN_HAND_SUFFIX);
        Files.move(file, aside);

        try (ProjectStore store = ProjectStore.open(project, "cli run")) {
            assertTrue(Files.exists(file) && !Files.exists(aside), "moved in");
            byte[] human = store.readLabels().human(1).ids();
            byte[] truth = SyntheticScene.truth(1).ids();
            for (int pixel : new Region.Rectangle(0, 0, 16, 16).pixelIndices(SyntheticScene.WIDTH)) {
                assertEquals(truth[pixel], human[pixel], "pixel " + pixel);
            }
        }
    }

    @Test
    void everyRecordCarriesTheChecksumOfItsJson() throws IOException {
        List<String> lines = Files.readAllLines(ledger);
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            String record = line.substring(0, line.lastIndexOf(",\"crc\":\"")) + "}";
            assertTrue(line.endsWith(",\"crc\":\"" + Journal.checksum(record) + "\"}"), line);
        }
    }

    @Test
    void aRecordChangedAfterItWasWrittenIsRefusedNamingTheLine() throws IOException {
        Files.writeString(ledger, Files.readString(ledger).replace("\"clicks\":6", "\"clicks\":60"));

        ProjectException e = refusedForWriting("line 2", "checksum", "changed or damaged");

        assertEquals(ledger, e.file());
    }

    @Test
    void recordsWrittenBeforeChecksumsAreStillRead() throws IOException {
        Files.writeString(ledger, Files.readString(ledger).replaceAll(",\"crc\":\"[0-9a-f]{8}\"}", "}"));

        try (ProjectStore store = ProjectStore.open(project, "cli run")) {
            assertEquals(6, store.ledgerEntries().get(0).clicks());
        }
    }

    @Test
    void aMissingJournalBesideHumanLabelsIsRefusedNamingTheLabelFilesNotAFreshStart() throws IOException {
        Files.delete(ledger);

        refusedForWriting("ledger.jsonl is missing", "1 human label file(s) (000001.png)", "0 clicks");

        try (ProjectStore reader = ProjectStore.openReadOnly(project)) {
            assertEquals(1, reader.problems().size(), "a read-only opening reports it: " + reader.problems());
            assertTrue(reader.problems().get(0).contains("is missing"), reader.problems().get(0));
        }
    }

    @Test
    void anEmptiedJournalBesideHumanLabelsIsRefused() throws IOException {
        Files.write(ledger, new byte[0]);

        refusedForWriting("ledger.jsonl is empty", "000001.png");
    }

    @Test
    void aTornSampleRecordIsReportedNotDroppedSinceItHeldClicks() throws IOException {
        Files.writeString(ledger, "{\"kind\":\"sample\",\"round\":1,\"frame\":2,\"cli", StandardOpenOption.APPEND);

        refusedForWriting("line 3 is torn", "{\"kind\":\"sample\",\"round\":1,\"frame\":2,\"cli", "delete that line");
    }

    @Test
    void aDeletedHumanLabelFileTheJournalCountsIsRefusedNamingIt() throws IOException {
        Files.delete(project.resolve("labels/human/000001.png"));

        refusedForWriting("records human labels on frame(s) 1", "labels/human/000001.png is missing");
    }

    @Test
    void thePreviousJournalIsKeptBeforeASessionWritesAndNamedWhenTheJournalIsLost() throws IOException {
        byte[] before = Files.readAllBytes(ledger);
        try (ProjectStore store = ProjectStore.open(project, "cli run")) {
            store.journalChosen(2, List.of(new Sample(2, new Region.Rectangle(0, 0, 16, 16))));
        }
        Path backup = project.resolve("ledger.jsonl.bak");
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(backup));

        Files.write(ledger, new byte[0]);
        refusedForWriting("restore it from ledger.jsonl.bak");
    }

    @Test
    void humanLabelsSavedOutsideASampleAreJournaledBeforeTheirFileSoTheProjectReopens() throws IOException {
        Path other = temp.resolve("edited");
        try (ProjectStore store = ProjectStore.create(other, SyntheticScene.info(FRAMES), SyntheticScene.LABEL_MAP,
                Map.of())) {
            org.frameloop.core.label.LabelStore labels = store.readLabels();
            labels.putHuman(3, new Region.Rectangle(0, 0, 8, 8), SyntheticScene.truth(3)); // an unlocked frame's edit
            store.writeHumanLabels(3, labels, store.labelMap());
        }
        assertTrue(Files.readString(other.resolve(ProjectStore.LEDGER_FILE)).startsWith("{\"kind\":\"edit\",\"frame\":3,"));
        try (ProjectStore reopened = ProjectStore.open(other, "ide")) {
            assertEquals(List.of(), reopened.problems());
            assertEquals(0, reopened.ledgerEntries().size(), "an edit is no annotated sample");
        }
    }
}
