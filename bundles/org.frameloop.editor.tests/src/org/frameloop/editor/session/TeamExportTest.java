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
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.store.postgres.PostgresProjectStore;
import org.frameloop.testkit.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File > Export on a team's project on a real PostgreSQL server ({@link ExportJob}): it reads the labels the team
 * stored through a connection of its own, while the IDE's team job keeps its lease, and publishes the files only
 * when the export is complete.
 */
class TeamExportTest {

    private static final int FRAMES = 3;
    private static final int WIDTH = 40;
    private static final int HEIGHT = 30;
    private static final String PERSON = "erin";

    @TempDir
    Path temp;

    /** A team's project made in the IDE by {@link #PERSON}, with its loop's round 0 written unless {@code predicted} is false. */
    private String createProject(TestServer server, boolean predicted) throws Exception {
        server.person(PERSON, true);
        Path video = DemoVideo.write(temp.resolve("video"), FRAMES, WIDTH, HEIGHT);
        ProjectSettings settings = TeamFixtures.settings(video);
        String name = TestServer.newProjectName("export");
        server.withPasswordFileAtHome(() -> TeamProjects.create(server.location(name, PERSON), settings,
                DemoVideo.labelMap(), PluginRegistry.ofPlatform(), null)).close();
        if (predicted) {
            try (PostgresProjectStore loop = server.open(name, PERSON)) {
                loop.replaceAutoLabels(0, TeamFixtures.everywhere(FRAMES, WIDTH, HEIGHT, DemoVideo.ROAD));
                loop.journalChosen(1, List.of(new Sample(1, new Region.Rectangle(0, 0, 10, 10)),
                        new Sample(2, new Region.Rectangle(0, 0, 10, 10))));
            }
        }
        return name;
    }

    @Test
    void anExportOfATeamsProjectWritesWhatTheTeamStoredWhileTheIdeKeepsItsSample() throws Exception {
        TestServer server = TestServer.get();
        String name = createProject(server, true);
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        try (PostgresProjectStore loop = server.open(name, PERSON)) {
            AnnotationProject project = server.withPasswordFileAtHome(
                    () -> TeamProjects.open(server.location(name, PERSON), PluginRegistry.ofPlatform()));
            workspace.open(project);
            QueueWait.until(workspace, () -> workspace.currentSample() != null);
            Sample first = workspace.currentSample();
            LabelEdit edit = workspace.beginEdit("brush");
            workspace.paint(edit, first.region().pixelIndices(WIDTH), DemoVideo.CAR);
            workspace.commit(edit, 1);
            workspace.nextSample(); // stored; the IDE takes the round's other sample
            QueueWait.until(workspace, () -> workspace.currentSample() != null && !first.equals(workspace.currentSample()));
            Sample held = workspace.currentSample();

            Path out = temp.resolve("out/masks");
            ExportJob job = new ExportJob(project, PluginRegistry.ofPlatform().find(ExtensionPoint.EXPORTERS, "png-masks")
                    .orElseThrow(), Map.of(), out);
            IStatus result = server.withPasswordFileAtHome(() -> {
                job.schedule();
                job.join();
                return job.getResult();
            });

            assertEquals(IStatus.OK, result.getSeverity(), result.toString());
            assertTrue(result.getMessage().contains(out.toString()), result.getMessage());
            assertEquals(FRAMES + 1, files(out).size(), "a mask per frame and labelmap.json");
            LabelImage stored = ImageCodec.readLabels(out.resolve(String.format("frame_%04d.png", first.frameIndex())));
            assertEquals(DemoVideo.CAR, stored.id(5, 5), "what the person stored");
            assertEquals(DemoVideo.ROAD, stored.id(20, 20), "the loop's labels elsewhere");
            assertEquals(List.of(out), hiddenOrVisible(out.getParent()), "no staging folder is left beside the output");

            // the team job's own connection was not touched: it still stores the sample it holds
            edit = workspace.beginEdit("brush");
            workspace.paint(edit, held.region().pixelIndices(WIDTH), DemoVideo.SKY);
            workspace.commit(edit, 1);
            workspace.nextSample();
            String storedNotice = "Sample of frame " + (held.frameIndex() + 1) + " stored";
            QueueWait.until(workspace, () -> workspace.notice().equals(storedNotice), workspace::notice);
            List<LedgerEntry> journal = loop.ledgerEntries();
            assertEquals(List.of(first, held), journal.stream().map(LedgerEntry::sample).toList());
        } finally {
            workspace.close();
        }
    }

    @Test
    void anExportOfATeamsProjectItsLoopHasNotPredictedFailsNamingTheFramesAndWritesNothing() throws Exception {
        TestServer server = TestServer.get();
        String name = createProject(server, false);
        AnnotationProject project = server.withPasswordFileAtHome(
                () -> TeamProjects.open(server.location(name, PERSON), PluginRegistry.ofPlatform()));
        try {
            Path out = temp.resolve("out/masks");
            ExportJob job = new ExportJob(project, PluginRegistry.ofPlatform().find(ExtensionPoint.EXPORTERS, "png-masks")
                    .orElseThrow(), Map.of(), out);

            IStatus result = server.withPasswordFileAtHome(() -> job.run(new NullProgressMonitor()));

            assertEquals(IStatus.ERROR, result.getSeverity(), result.toString());
            assertTrue(result.getMessage().contains("3 of 3 frames have no automatic labels"), result.getMessage());
            assertFalse(Files.exists(out), "no blank frames are exported");
            assertEquals(List.of(), hiddenOrVisible(out.getParent()), "nothing staged is left");
        } finally {
            project.close();
        }
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> hiddenOrVisible(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }
}
