package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.io.ProjectStore;
import org.frameloop.lib.opencv.OpenCvRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/** File > New Project's logic: a video file, a dataset sequence with images/ and labels/, a broken file. */
class ProjectCreationTest {

    private static final int FRAMES = 5;
    private static final int WIDTH = 40;
    private static final int HEIGHT = 30;

    @TempDir
    Path temp;

    private static ProjectSettings settings(Path video, Path groundTruth) {
        return new ProjectSettings(video, groundTruth, PluginChoice.of("propagation"), PluginChoice.of("frame"),
                PluginChoice.of("hybrid"), PluginChoice.of("none"), PluginChoice.of("polygon"), 2, 1);
    }

    /** A Motion-JPEG AVI whose frame f is a flat grey of 40 * f. */
    private Path writeAvi(String name) {
        OpenCvRuntime.load();
        Path file = temp.resolve(name);
        VideoWriter writer = new VideoWriter(file.toString(), Videoio.CAP_OPENCV_MJPEG,
                VideoWriter.fourcc('M', 'J', 'P', 'G'), 10, new Size(WIDTH, HEIGHT), true);
        assertTrue(writer.isOpened(), "OpenCV's MJPEG writer is available");
        for (int f = 0; f < FRAMES; f++) {
            Mat frame = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3, new Scalar(40 * f, 40 * f, 40 * f));
            writer.write(frame);
            frame.release();
        }
        writer.release();
        return file;
    }

    /** A CamVid-style sequence: seq/images/*.png, seq/labels/*.png (same names), labelmap.json in the parent. */
    private Path writeDatasetSequence() throws IOException {
        Path demo = DemoVideo.write(temp.resolve("demo"), FRAMES, WIDTH, HEIGHT);
        Path sequence = temp.resolve("dataset").resolve("seq01");
        Files.createDirectories(sequence.resolve("images"));
        Files.createDirectories(sequence.resolve("labels"));
        try (Stream<Path> frames = Files.list(demo)) {
            for (Path frame : frames.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.copy(frame, sequence.resolve("images").resolve(frame.getFileName()));
                Files.copy(demo.resolve("gt").resolve(frame.getFileName()),
                        sequence.resolve("labels").resolve(frame.getFileName()));
            }
        }
        LabelMapJson.write(sequence.getParent().resolve("labelmap.json"), DemoVideo.labelMap());
        return sequence;
    }

    @Test
    void aVideoFileBecomesAProjectWhoseFramesAreReadFromTheFileAndWhichReopens() throws Exception {
        Path clip = writeAvi("street clip.avi");
        ProjectFolders.VideoSource source = ProjectFolders.source(clip);
        assertEquals(clip, source.video());
        assertEquals(Optional.empty(), source.groundTruth());

        Path folder = temp.resolve("project");
        try (AnnotationProject project = ProjectFolders.create(folder, settings(source.video(), null),
                DemoVideo.labelMap(), PluginRegistry.ofPlatform())) {
            assertEquals(FRAMES, project.session().frameCount());
            assertEquals(WIDTH, project.session().width());
            RgbImage third = project.session().video().frame(3);
            assertEquals(120, third.channel(WIDTH / 2, HEIGHT / 2, 0), 8, "frame 3 is the fourth grey of the file");
            assertEquals(Optional.of(clip.toAbsolutePath()), project.store().videoPath());
        }
        try (AnnotationProject reopened = ProjectFolders.open(folder, PluginRegistry.ofPlatform())) {
            assertEquals(FRAMES, reopened.session().frameCount());
            assertEquals(clip.toAbsolutePath(), reopened.settings().video().toAbsolutePath());
        }
    }

    @Test
    void aDatasetSequenceOpensItsImagesAndOffersItsLabelsAsGroundTruth() throws Exception {
        Path sequence = writeDatasetSequence();

        ProjectFolders.VideoSource source = ProjectFolders.source(sequence);

        assertEquals(sequence.resolve("images"), source.video());
        assertEquals(Optional.of(sequence.resolve("labels")), source.groundTruth());
        assertEquals(Optional.of(sequence.getParent().resolve("labelmap.json").toAbsolutePath().normalize()),
                source.labelMapFile().map(p -> p.toAbsolutePath().normalize()), "the dataset's shared label map");
        try (AnnotationProject project = ProjectFolders.create(temp.resolve("with-truth"),
                settings(source.video(), source.groundTruth().orElseThrow()), DemoVideo.labelMap(),
                PluginRegistry.ofPlatform())) {
            assertEquals(FRAMES, project.session().frameCount());
            assertTrue(project.session().groundTruth().isPresent(), "the labels measure mIoU");
            // DemoVideo's car is at rows 18..22 of a 30-pixel frame; the sky is at the top
            assertEquals(DemoVideo.CAR, project.session().groundTruth().orElseThrow().labels(0).id(10, 19));
            assertEquals(DemoVideo.SKY, project.session().groundTruth().orElseThrow().labels(0).id(39, 0));
        }
        // the person may decline the labels and simply open the frames
        try (AnnotationProject project = ProjectFolders.create(temp.resolve("frames-only"),
                settings(source.video(), null), DemoVideo.labelMap(), PluginRegistry.ofPlatform())) {
            assertEquals(FRAMES, project.session().frameCount());
            assertFalse(project.session().groundTruth().isPresent());
        }
    }

    @Test
    void aSequenceWithImagesButNoLabelsOpensItsImages() throws Exception {
        Path sequence = writeDatasetSequence();
        Path unlabelled = Files.move(sequence.resolve("labels"), temp.resolve("elsewhere"));
        assertTrue(Files.isDirectory(unlabelled));

        ProjectFolders.VideoSource source = ProjectFolders.source(sequence);

        assertEquals(sequence.resolve("images"), source.video());
        assertEquals(Optional.empty(), source.groundTruth());
    }

    @Test
    void aBrokenVideoFileIsRefusedWithAMessageNamingItAndNoProjectIsLeft() throws Exception {
        Path broken = Files.write(temp.resolve("holiday.avi"), new byte[] { 'R', 'I', 'F', 'F', 1, 2, 3 });
        Path folder = temp.resolve("project");

        IOException e = assertThrows(IOException.class, () -> ProjectFolders.create(folder,
                settings(broken, null), DemoVideo.labelMap(), PluginRegistry.ofPlatform()).close());

        assertTrue(e.getMessage().contains("holiday.avi"), e.getMessage());
        assertFalse(Files.exists(folder), "nothing was created");
    }

    @Test
    void cancellingOnceTheStoreIsWrittenLeavesNoHalfMadeProject() throws Exception {
        Path avi = writeAvi("street.avi");
        Path folder = temp.resolve("cancelled");
        // Cancelled when the last step (opening the project) begins, i.e. after project.json was written.
        IProgressMonitor cancelAtTheEnd = new NullProgressMonitor() {
            private int steps;

            @Override
            public void worked(int work) {
                steps += work;
            }

            @Override
            public boolean isCanceled() {
                return steps >= 2 && Files.exists(folder.resolve(ProjectStore.PROJECT_FILE));
            }
        };

        assertThrows(OperationCanceledException.class, () -> ProjectFolders.create(folder, settings(avi, null),
                DemoVideo.labelMap(), PluginRegistry.ofPlatform(), cancelAtTheEnd));

        assertFalse(Files.exists(folder), "the cancelled project folder is removed");
    }

    /** Projects default to the IDE's workspace (footage may sit in a read-only dataset), numbered when taken. */
    @Test
    void aNewProjectIsProposedInTheWorkspaceNumberedWhenTheNameIsTaken() throws Exception {
        Path video = temp.resolve("footage").resolve("street.mp4");
        Path projects = ProjectFolders.workspaceFolder().resolve("projects");

        Path first = ProjectFolders.proposedProjectFolder(video);
        java.nio.file.Files.createDirectories(first);
        try {
            assertEquals(projects.resolve("street-project"), first);
            assertEquals(projects.resolve("street-project-2"), ProjectFolders.proposedProjectFolder(video));
        } finally {
            java.nio.file.Files.delete(first);
        }
    }
}
