package org.frameloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.sample.Region;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./frameloop project check}: reads a project even while it is held, and names what is wrong. */
class ProjectCommandTest {

    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080)), OptionalInt.empty());

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... arguments) {
        return new FrameloopApplication().run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** 2 frames of 8x6: both predicted, frame 1 labelled by hand outside any sample. */
    private Path project() throws Exception {
        Path folder = temp.resolve("project");
        try (ProjectStore store = ProjectStore.create(folder, new VideoInfo("v", null, 2, 8, 6), MAP, Map.of())) {
            LabelStore labels = new LabelStore(2, 8, 6);
            for (int f = 0; f < 2; f++) {
                labels.putAuto(f, new LabelImage(8, 6, new byte[8 * 6]));
                store.writeAutoLabels(f, labels, MAP);
            }
            labels.putHuman(1, new Region.Rectangle(0, 0, 4, 4), new LabelImage(8, 6, new byte[8 * 6]));
            store.writeHumanLabels(1, labels, MAP);
        }
        return folder;
    }

    @Test
    void aHealthyProjectChecksCleanEvenWhileAnotherWriterHoldsIt() throws Exception {
        Path folder = project();
        try (ProjectStore held = ProjectStore.open(folder, "ide")) {
            assertEquals(0, run("project", "check", "--project", folder.toString()), err.toString(StandardCharsets.UTF_8));
        }

        assertTrue(output().contains("Writer: ide (pid " + ProcessHandle.current().pid()), output());
        assertTrue(output().contains("No problems found."), output());
    }

    @Test
    void aLostJournalAndAnUnpredictedFrameAreEachReportedByFileWithExitOne() throws Exception {
        Path folder = project();
        Files.delete(folder.resolve(ProjectStore.LEDGER_FILE));
        Files.delete(folder.resolve("labels/auto/000000.png"));

        assertEquals(1, run("project", "check", "--project", folder.toString()));

        assertTrue(output().contains("Problem: ledger.jsonl is missing, but labels/human holds 1 human label file(s) "
                + "(000001.png)"), output());
        assertTrue(output().contains("Problem: export: ") && output().contains("frames 0: labels/auto/000000.png"),
                output());
        assertTrue(output().contains("2 problem(s) found."), output());
        assertTrue(!Files.exists(folder.resolve(ProjectStore.LEDGER_FILE)), "checking changes nothing");
    }

    @Test
    void resumingAProjectWhoseJournalWasLostIsRefusedNotStartedAfresh() throws Exception {
        Path folder = project();
        Files.write(folder.resolve(ProjectStore.LEDGER_FILE), new byte[0]);

        int exit = run("run", "--project", folder.toString(), "--resume");

        assertTrue(exit != 0, "exit " + exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("ledger.jsonl is empty, but labels/human holds 1 human "
                + "label file(s) (000001.png)"), err.toString(StandardCharsets.UTF_8));
    }
}
