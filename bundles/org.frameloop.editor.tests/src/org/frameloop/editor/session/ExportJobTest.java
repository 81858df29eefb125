package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.LabelExporter;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.io.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportJobTest {

    private static final int FRAMES = 4;

    @TempDir
    Path temp;

    private AnnotationProject project;

    private AnnotationProject demoProject() throws Exception {
        Path video = DemoVideo.write(temp.resolve("video"), FRAMES, 40, 30);
        ProjectSettings settings = new ProjectSettings(video, video.resolve("gt"), PluginChoice.of("propagation"),
                PluginChoice.of("frame"), PluginChoice.of("hybrid"), PluginChoice.of("none"), PluginChoice.of("polygon"),
                1, 1);
        project = ProjectFolders.create(temp.resolve("project"), settings, DemoVideo.labelMap(), PluginRegistry.ofPlatform());
        // an edit still in memory: the export saves it first
        byte[] car = new byte[40 * 30];
        java.util.Arrays.fill(car, (byte) DemoVideo.CAR);
        project.session().labels().putHuman(2, new Region.Rectangle(0, 0, 10, 10), new LabelImage(40, 30, car));
        // the model's labels of every frame, as a finished round leaves them: an export needs them
        byte[] road = new byte[40 * 30];
        java.util.Arrays.fill(road, (byte) DemoVideo.ROAD);
        for (int f = 0; f < FRAMES; f++) {
            project.session().labels().putAuto(f, new LabelImage(40, 30, road.clone()));
            folder().writeAutoLabels(f, project.session().labels(), project.session().labelMap());
        }
        return project;
    }

    private ProjectStore folder() {
        return (ProjectStore) project.store();
    }

    @Test
    void anExportOfFramesTheModelHasNotPredictedFailsNamingThemAndWritesNothing() throws Exception {
        demoProject();
        Files.delete(folder().labelFile("auto", 1));
        Files.write(folder().labelFile("auto", 3), new byte[0]); // a write cut short by a full disk
        Path out = temp.resolve("out/masks");

        IStatus result = new ExportJob(project, format("png-masks"), Map.of(), out).run(new NullProgressMonitor());

        assertEquals(IStatus.ERROR, result.getSeverity(), result.toString());
        assertTrue(result.getMessage().contains("2 of 4 frames have no automatic labels (frames 1, 3"),
                result.getMessage());
        assertTrue(result.getMessage().contains("000001.png") && result.getMessage().contains("Nothing was exported"),
                result.getMessage());
        assertFalse(Files.exists(out), "no blank frames are exported");
        project.close();
    }

    private static Contribution<LabelExporter> format(String id) {
        return PluginRegistry.ofPlatform().find(ExtensionPoint.EXPORTERS, id).orElseThrow();
    }

    @Test
    void theExportFormatsAreTheRegistrysContributions() {
        List<String> ids = ExportJob.formats(PluginRegistry.ofPlatform()).stream().map(Contribution::id).toList();
        assertTrue(ids.containsAll(List.of("png-masks", "coco-rle", "cvat-video", "provenance")), ids.toString());
    }

    @Test
    void anExportWritesEveryFrameIncludingUnsavedEditsAndNamesTheFolder() throws Exception {
        demoProject();
        Path out = temp.resolve("out/masks");
        ExportJob job = new ExportJob(project, format("png-masks"), Map.of(), out);
        job.schedule();
        assertTrue(job.join(60_000, null));

        IStatus result = job.getResult();
        assertEquals(IStatus.OK, result.getSeverity(), result.toString());
        assertTrue(result.getMessage().contains(out.toString()), result.getMessage());
        assertEquals(FRAMES + 1, count(out), "a mask per frame and labelmap.json");
        assertEquals(DemoVideo.CAR, ImageCodec.readLabels(out.resolve("frame_0002.png")).id(5, 5),
                "masks are named after the source frames");
        assertEquals(List.of(out), hiddenOrVisible(out.getParent()), "no staging folder is left beside the output");
        project.close();
    }

    @Test
    void anExportWaitsWhileARoundsLabelsAreBeingWritten() throws Exception {
        demoProject();
        Path out = temp.resolve("out/while-writing");
        ExportJob job = new ExportJob(project, format("png-masks"), Map.of(), out);

        // What LoopJob holds while it writes a finished round's automatic labels.
        Job.getJobManager().beginRule(project.labelFilesRule(), null);
        try {
            job.schedule();
            assertFalse(job.join(500, null), "the export must not run while the round is being written");
            assertFalse(Files.exists(out), "nothing exported yet");
        } finally {
            Job.getJobManager().endRule(project.labelFilesRule());
        }

        assertTrue(job.join(60_000, null));
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().toString());
        assertEquals(FRAMES + 1, count(out));
        project.close();
    }

    @Test
    void aCancelledExportLeavesTheOutputFolderAsItWas() throws Exception {
        demoProject();
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(out.resolve("frame_0000.png"), "an older file the person keeps");
        ExportJob job = new ExportJob(project, format("png-masks"), Map.of(), out);

        IStatus result = job.run(new NullProgressMonitor() {
            private int work;

            @Override
            public void worked(int amount) {
                internalWorked(amount);
            }

            @Override
            public void internalWorked(double amount) {
                work++;
                if (work > FRAMES + 2) {
                    setCanceled(true); // during the export, after some masks were written
                }
            }
        });

        assertEquals(IStatus.CANCEL, result.getSeverity(), result.toString());
        assertEquals(List.of(out.resolve("frame_0000.png")), files(out));
        assertEquals("an older file the person keeps", Files.readString(out.resolve("frame_0000.png")));
        assertEquals(List.of(out), hiddenOrVisible(temp.resolve("out").getParent()).stream()
                .filter(p -> p.getFileName().toString().contains("out")).toList(), "the staging folder is deleted");
        project.close();
    }

    @Test
    void aFailingExporterIsReportedByNameAndLeavesNothingBehind() throws Exception {
        demoProject();
        Path out = temp.resolve("blocked/out");
        Files.writeString(Files.createDirectories(out.getParent()).resolve("out"), "a file where the folder should be");
        ExportJob job = new ExportJob(project, format("coco-rle"), Map.of(), out);

        IStatus result = job.run(new NullProgressMonitor());

        assertEquals(IStatus.ERROR, result.getSeverity());
        assertTrue(result.getMessage().contains(out.toString()), result.getMessage());
        assertEquals(List.of(out), hiddenOrVisible(out.getParent()));
        assertFalse(Files.isDirectory(out));
        project.close();
    }

    @Test
    void anExporterThatThrowsFailsThatExportAloneNamingItsIdAndBundleAndWritesNothing() throws Exception {
        demoProject();
        Path out = temp.resolve("out/broken");

        IStatus failed = new ExportJob(project, format("test-throwing-exporter"), Map.of(), out).run(new NullProgressMonitor());

        assertEquals(IStatus.ERROR, failed.getSeverity(), failed.toString());
        assertTrue(failed.getMessage().startsWith("The exporter test-throwing-exporter (org.frameloop.editor) failed on "),
                failed.getMessage());
        assertTrue(failed.getMessage().contains("deliberately broken"), failed.getMessage());
        assertEquals(List.of(), hiddenOrVisible(out.getParent()), "the file it wrote was staged, and the staging deleted");

        Path masks = temp.resolve("out/masks");
        IStatus next = new ExportJob(project, format("png-masks"), Map.of(), masks).run(new NullProgressMonitor());
        assertEquals(IStatus.OK, next.getSeverity(), "the project exports in another format: " + next);
        assertEquals(FRAMES + 1, count(masks));
        project.close();
    }

    private static long count(Path folder) throws Exception {
        return files(folder).size();
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> hiddenOrVisible(Path folder) throws Exception {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }
}
