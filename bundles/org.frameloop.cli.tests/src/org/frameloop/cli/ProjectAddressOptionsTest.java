package org.frameloop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project address wherever --project takes a folder, and {@code project copy}: what the command line checks
 * before any server is reached (the server-side behaviour is tested in org.frameloop.store.postgres.tests).
 */
class ProjectAddressOptionsTest {

    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080)), OptionalInt.empty());

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... arguments) {
        return new FrameloopApplication().run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anAddressHoldingAPasswordIsRefusedBeforeAnythingIsOpenedAndThePasswordIsNotRepeated() {
        for (List<String> command : List.of(
                List.of("export", "--project", "postgresql://olivia:s3cret@db.example/frameloop?project=street",
                        "--format", "png-masks", "--out", temp.resolve("out").toString()),
                List.of("run", "--resume", "--project", "postgresql://db.example/frameloop?project=street&password=s3cret"),
                List.of("project", "check", "--project", "postgresql://olivia:s3cret@db.example/frameloop?project=street"),
                List.of("project", "copy", "postgresql://db.example/frameloop?project=street&password=s3cret",
                        temp.resolve("copy").toString()))) {
            err.reset();
            assertEquals(CliCommand.USAGE_ERROR, run(command.toArray(String[]::new)), errors());
            assertTrue(errors().contains("PGPASSWORD or ~/.pgpass"), errors());
            assertFalse(errors().contains("s3cret"), errors());
        }
        assertFalse(Files.exists(temp.resolve("out")) || Files.exists(temp.resolve("copy")), "nothing was made");
    }

    @Test
    void anAddressWithoutAProjectNameSaysHowToNameIt() {
        assertEquals(CliCommand.USAGE_ERROR, run("export", "--project", "postgresql://db.example/frameloop", "--format",
                "png-masks", "--out", temp.resolve("out").toString()));
        assertTrue(errors().contains("add ?project=NAME"), errors());
    }

    @Test
    void projectCopyBetweenTwoFoldersCopiesTheLabelsAndJournalExactly() throws Exception {
        Path from = temp.resolve("from");
        try (ProjectStore store = ProjectStore.create(from, new VideoInfo("v", null, 2, 4, 3), MAP, Map.of())) {
            LabelStore labels = new LabelStore(2, 4, 3);
            labels.putAuto(0, new LabelImage(4, 3, new byte[12]));
            labels.putAuto(1, new LabelImage(4, 3, new byte[12]));
            store.replaceAutoLabels(1, labels);
        }
        Path to = temp.resolve("to");
        assertEquals(0, run("project", "copy", from.toString(), to.toString()), errors());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Copied " + from + " to " + to + ": 2 frames"),
                out.toString(StandardCharsets.UTF_8));
        assertArrayEquals(Files.readAllBytes(from.resolve("labels/auto/000001.png")),
                Files.readAllBytes(to.resolve("labels/auto/000001.png")));
        assertArrayEquals(Files.readAllBytes(from.resolve("labelmap.json")), Files.readAllBytes(to.resolve("labelmap.json")));

        err.reset();
        assertEquals(1, run("project", "copy", from.toString(), to.toString()), "a copy onto a project is refused");
        assertTrue(errors().contains("is not empty"), errors());
    }

    @Test
    void serveNeedsAProjectOnAServer() {
        assertEquals(CliCommand.USAGE_ERROR, run("serve", "--project", temp.toString()));
        assertTrue(errors().contains("serve needs a project on a PostgreSQL server"), errors());
        err.reset();
        assertEquals(CliCommand.USAGE_ERROR, run("serve", "--project",
                "postgresql://olivia:s3cret@db.example/frameloop?project=street"));
        assertFalse(errors().contains("s3cret"), errors());
        assertEquals(0, run("serve", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--poll-seconds")
                && out.toString(StandardCharsets.UTF_8).contains("--rounds N"));
    }

    @Test
    void projectCopyNeedsExactlyTwoProjects() {
        assertEquals(CliCommand.USAGE_ERROR, run("project", "copy", temp.toString()));
        assertTrue(errors().contains("./frameloop project copy FROM TO"), errors());
    }

    @Test
    void aRepairOfAnAddressIsRefusedSayingThatCheckTakesIt() {
        assertEquals(CliCommand.USAGE_ERROR, run("project", "repair", "--project",
                "postgresql://db.example/frameloop?project=street"), errors());
        assertTrue(errors().contains("repair takes a project folder") && errors().contains("'project check'"), errors());
    }
}
