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
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.label.LabelMap;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./frameloop export} and the {@code --resume} checks of {@code run}. */
class ExportCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... arguments) {
        return new FrameloopApplication().run(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080)), OptionalInt.empty());

    /** A project of 3 frames of 8x6 whose model has labelled every frame road. */
    private Path project() throws Exception {
        Path folder = temp.resolve("project");
        try (ProjectStore store = ProjectStore.create(folder, new VideoInfo("v", null, 3, 8, 6), MAP, Map.of())) {
            LabelStore labels = new LabelStore(3, 8, 6);
            for (int f = 0; f < 3; f++) {
                labels.putAuto(f, new LabelImage(8, 6, new byte[8 * 6]));
                store.writeAutoLabels(f, labels, MAP);
            }
        }
        return folder;
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anExportOfFramesWithoutTheModelsLabelsFailsNamingThemInsteadOfWritingBlankFrames() throws Exception {
        Path folder = project();
        Files.delete(folder.resolve("labels/auto/000000.png"));
        Files.write(folder.resolve("labels/auto/000002.png"), new byte[0]);
        Path target = temp.resolve("masks");

        assertEquals(1, run("export", "--project", folder.toString(), "--format", "png-masks", "--out",
                target.toString()));

        assertTrue(errors().contains("labels/auto: cannot export every frame: 2 of 3 frames have no automatic labels "
                + "(frames 0, 2: labels/auto/000000.png, 000002.png missing or empty)"), errors());
        assertTrue(errors().contains("Nothing was exported"), errors());
        assertTrue(!Files.exists(target), "no output folder, no blank masks");
    }

    @Test
    void anExportWhileAnotherWriterHoldsTheProjectIsRefusedNamingIt() throws Exception {
        Path folder = project();
        try (ProjectStore held = ProjectStore.open(folder, "cli run")) {
            assertEquals(1, run("export", "--project", folder.toString(), "--format", "png-masks", "--out",
                    temp.resolve("masks").toString()));
        }

        assertTrue(errors().contains(folder.toAbsolutePath() + ": is already open for writing in this process by cli run "
                + "(pid " + ProcessHandle.current().pid()), errors());
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsAUsageErrorNamingThePathBeforeAnyWork() throws Exception {
        Path blocker = Files.writeString(temp.resolve("a-file"), "not a folder");
        Path out = blocker.resolve("run");

        assertEquals(2, run("demo", "--frames", "2", "--out", out.toString()));

        assertTrue(errors().contains("--out " + out + ": cannot create or write this folder ("), errors());
        assertTrue(!Files.exists(blocker.resolveSibling("video")), "nothing was generated");

        err.reset();
        assertEquals(2, run("export", "--project", project().toString(), "--format", "png-masks", "--out",
                out.toString()));
        assertTrue(errors().contains("--out " + out + ": cannot create or write this folder ("), errors());
    }

    @Test
    void garbageBytesInProjectJsonAreNamedAsNotValidJson() throws Exception {
        Path folder = project();
        Files.write(folder.resolve("project.json"), new byte[] { '{', (byte) 0xC3, (byte) 0x28, '}' });

        assertEquals(1, run("export", "--project", folder.toString(), "--format", "png-masks", "--out",
                temp.resolve("masks").toString()));

        assertTrue(errors().contains(folder.toAbsolutePath().resolve("project.json") + ": is not valid JSON"), errors());
    }

    @Test
    void exportWritesOneMaskPerFrameThroughTheNamedFormat() throws Exception {
        Path target = temp.resolve("masks");

        assertEquals(0, run("export", "--project", project().toString(), "--format", "png-masks", "--out",
                target.toString()), err.toString(StandardCharsets.UTF_8));

        assertTrue(Files.exists(target.resolve("000002.png")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Exported 3 frames as png-masks"));
    }

    @Test
    void anExporterThatThrowsFailsThatExportAloneNamingItsIdAndBundleAndTheProjectIsUnchanged() throws Exception {
        Path folder = project();
        FolderSnapshot before = FolderSnapshot.of(folder);

        assertEquals(1, run("export", "--project", folder.toString(), "--format", "test-throwing-exporter", "--out",
                temp.resolve("broken").toString()), errors());

        assertTrue(errors().contains("frameloop export: exporter 'test-throwing-exporter' from org.frameloop.cli failed "
                + "in export: IllegalStateException: deliberately broken"), errors());
        assertTrue(errors().contains("The project is unchanged"), errors());
        assertEquals(before, FolderSnapshot.of(folder), "the project's files, lock released");

        err.reset();
        Path target = temp.resolve("masks");
        assertEquals(0, run("export", "--project", folder.toString(), "--format", "png-masks", "--out",
                target.toString()), "another format exports the same project: " + errors());
        assertTrue(Files.exists(target.resolve("000002.png")));
    }

    @Test
    void anUnknownFormatIsAUsageErrorListingTheInstalledOnes() throws Exception {
        assertEquals(2, run("export", "--project", project().toString(), "--format", "tiff", "--out", "x"));

        assertTrue(err.toString(StandardCharsets.UTF_8).contains("coco-rle"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void resumeRefusesAProjectThatDoesNotRecordItsVideo() throws Exception {
        assertEquals(2, run("run", "--project", project().toString(), "--resume"));

        assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not record where its video is"),
                err.toString(StandardCharsets.UTF_8));
    }
}
