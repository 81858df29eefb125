package org.frameloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.JournalRepair;
import org.frameloop.io.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./frameloop project repair}: rebuilds the automatic labels without asking, and touches the journal
 * (estimated clicks, a dropped torn line) only when the person says yes or gives {@code --yes}.
 */
class ProjectRepairTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int repair(String answers, String... options) {
        List<String> arguments = new java.util.ArrayList<>(List.of("repair"));
        arguments.addAll(List.of(options));
        return new ProjectCommand(new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8))).run(arguments,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... arguments) {
        return new FrameloopApplication().run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> sampleLines(Path project) throws IOException {
        return Files.readAllLines(project.resolve(ProjectStore.LEDGER_FILE)).stream()
                .filter(line -> line.contains("\"kind\":\"sample\"")).toList();
    }

    @Test
    void aLostJournalIsRebuiltFromTheLabelFilesOnlyOnceThePersonSaysYes() throws Exception {
        Path folder = TinyProject.write(temp.resolve("project"));
        Files.delete(folder.resolve(ProjectStore.LEDGER_FILE));

        assertEquals(1, repair("n\n", "--project", folder.toString()), output());
        assertTrue(output().contains("Repair: rebuild ledger.jsonl from the 1 human label file(s)"), output());
        assertTrue(output().contains("Not repaired: ledger.jsonl is left as it is."), output());
        assertFalse(Files.exists(folder.resolve(ProjectStore.LEDGER_FILE)), "a no changes nothing");

        assertEquals(0, repair("y\n", "--project", folder.toString()), output());
        List<String> samples = sampleLines(folder);
        assertEquals(1, samples.size(), "one sample for the one human label file");
        assertTrue(samples.get(0).contains("\"frame\":1") && samples.get(0).contains(JournalRepair.ANNOTATOR),
                samples.get(0));
        try (ProjectStore store = ProjectStore.open(folder)) {
            LedgerEntry entry = store.ledgerEntries().get(0);
            assertTrue(entry.clicks() > 0, "the labels are priced, not counted at 0: " + entry);
        }
        assertTrue(output().contains("No problems left."), output());
    }

    @Test
    void withoutAnAnswerTheJournalIsLeftAlone() throws Exception {
        Path folder = TinyProject.write(temp.resolve("project"));
        Files.write(folder.resolve(ProjectStore.LEDGER_FILE), new byte[0]);

        assertEquals(1, repair("", "--project", folder.toString()), output());

        assertEquals(0, Files.size(folder.resolve(ProjectStore.LEDGER_FILE)));
        assertTrue(output().contains("1 problem(s) left."), output());
    }

    @Test
    void aTornLineThatMayHoldClicksIsDroppedWithYesAndKeptAside() throws Exception {
        Path folder = TinyProject.write(temp.resolve("project"));
        try (ProjectStore store = ProjectStore.open(folder)) {
            store.journal(new LedgerEntry(1, new Sample(1, new Region.Rectangle(0, 0, 4, 4)), 7, 0, "person", 0));
        }
        Path ledger = folder.resolve(ProjectStore.LEDGER_FILE);
        String healthy = Files.readString(ledger);
        Files.writeString(ledger, "{\"kind\":\"sample\",\"round\":1,\"frame\":1,\"cli", StandardOpenOption.APPEND);

        assertEquals(0, repair("", "--project", folder.toString(), "--yes"), output());

        assertTrue(output().contains("Repair: drop the torn line 3 of ledger.jsonl"), output());
        assertEquals(healthy, Files.readString(ledger), "the complete record stays, the torn one is gone");
        assertTrue(Files.readString(folder.resolve(ProjectStore.LEDGER_FILE + JournalRepair.BEFORE_REPAIR_SUFFIX))
                .endsWith("\"cli"), "the journal as it was is kept aside");
    }

    @Test
    void missingAutomaticLabelsArePredictedAgainByTheProjectsModelWithoutAQuestion() throws Exception {
        Path video = TinyVideo.write(temp, 8);
        Path output = temp.resolve("run");
        assertEquals(0, run("run", "--video", video.toString(), "--model", "propagation", "--selector",
                "uniform-keyframes", "--granularity", "frame", "--budget", "1", "--rounds", "1", "--target", "0.999",
                "--out", output.toString()), output());
        Path folder = output.resolve("project");
        List<String> samplesBefore = sampleLines(folder);
        Files.delete(folder.resolve("labels/auto/000005.png"));
        Files.write(folder.resolve("labels/auto/000006.png"), new byte[0]);
        assertEquals(1, run("project", "check", "--project", folder.toString()));

        assertEquals(0, repair("", "--project", folder.toString()), output());

        assertTrue(output().contains("Repaired: the automatic labels of all 8 frames are written."), output());
        assertTrue(Files.size(folder.resolve("labels/auto/000005.png")) > 0);
        assertTrue(Files.size(folder.resolve("labels/auto/000006.png")) > 0);
        assertEquals(samplesBefore, sampleLines(folder), "nothing was annotated and no click changed");
        assertFalse(output().contains("Count the labels"), "no question about derived data");
    }

    @Test
    void aHealthyProjectIsLeftAsItIs() throws Exception {
        Path folder = TinyProject.write(temp.resolve("project"));
        byte[] ledger = Files.readAllBytes(folder.resolve(ProjectStore.LEDGER_FILE));

        assertEquals(0, repair("", "--project", folder.toString()), output());

        assertTrue(output().contains("nothing to repair"), output());
        assertEquals(new String(ledger, StandardCharsets.UTF_8),
                Files.readString(folder.resolve(ProjectStore.LEDGER_FILE)));
    }
}
