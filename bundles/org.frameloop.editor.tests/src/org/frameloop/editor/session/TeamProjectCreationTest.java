package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.store.postgres.PostgresProjectStore;
import org.frameloop.store.postgres.ProjectRole;
import org.frameloop.testkit.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File > New Project with a project address as its location ({@link TeamProjects#create}) on a real PostgreSQL
 * server: the project is made there, owned by the person, and opened as a team's project that takes the samples
 * its loop ({@code frameloop serve}) chooses; a password in the address, and a name that is taken, are refused.
 */
class TeamProjectCreationTest {

    private static final int FRAMES = 3;
    private static final int WIDTH = 40;
    private static final int HEIGHT = 30;
    private static final String PERSON = "carol";

    @TempDir
    Path temp;

    private ProjectSettings settings() throws IOException {
        Path video = DemoVideo.write(temp.resolve("video"), FRAMES, WIDTH, HEIGHT);
        return TeamFixtures.settings(video);
    }

    private static AnnotationProject create(TestServer server, String location, ProjectSettings settings)
            throws Exception {
        return server.withPasswordFileAtHome(
                () -> TeamProjects.create(location, settings, DemoVideo.labelMap(), PluginRegistry.ofPlatform(), null));
    }

    @Test
    void aNewProjectAtAnAddressIsMadeOnTheServerOwnedByThePersonAndTakesTheSamplesItsLoopChooses() throws Exception {
        TestServer server = TestServer.get();
        server.person(PERSON, true);
        String name = TestServer.newProjectName("new");
        ProjectSettings settings = settings();
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        try {
            AnnotationProject project = create(server, server.location(name, PERSON), settings);
            assertTrue(project.isTeam());
            assertNull(project.folder(), "a team's project has no folder");
            assertEquals(name, project.name());
            workspace.open(project);
            assertNull(workspace.currentSample(), "no sample before its loop chooses round 0's");

            try (PostgresProjectStore owner = server.open(name, PERSON)) {
                assertEquals(ProjectRole.OWNER, owner.role(), "the person who made it owns it");
                assertEquals(FRAMES, owner.video().frameCount());
                assertEquals(settings.video().toAbsolutePath().toString(),
                        owner.settings().get("videoFolder").getAsString());
                assertEquals(DemoVideo.labelMap().classes(), owner.labelMap().classes());
                // what 'frameloop serve' does once round 0's labels are written: round 1's samples
                Sample chosen = new Sample(0, new Region.Rectangle(0, 0, 10, 10));
                owner.journalChosen(1, List.of(chosen));
                QueueWait.until(workspace, () -> chosen.equals(workspace.currentSample()));

                LabelEdit edit = workspace.beginEdit("brush");
                workspace.paint(edit, chosen.region().pixelIndices(WIDTH), DemoVideo.CAR);
                workspace.commit(edit, 2);
                workspace.nextSample();
                QueueWait.until(workspace, () -> workspace.notice().contains("stored"), workspace::notice);
                List<LedgerEntry> journal = owner.ledgerEntries();
                assertEquals(1, journal.size());
                assertEquals(PERSON, journal.get(0).annotatorId());
                assertEquals(chosen, journal.get(0).sample());
            }
        } finally {
            workspace.close();
        }
    }

    @Test
    void aPasswordInTheAddressAndATakenNameAreRefusedNamingTheAddress() throws Exception {
        TestServer server = TestServer.get();
        server.person(PERSON, true);
        ProjectSettings settings = settings();

        for (String withPassword : List.of("postgresql://127.0.0.1/frameloop?project=p&password=hunter2",
                "postgresql://" + PERSON + ":hunter2@127.0.0.1/frameloop?project=p")) {
            IOException password = assertThrows(IOException.class, () -> TeamProjects.create(withPassword, settings,
                    DemoVideo.labelMap(), PluginRegistry.ofPlatform(), null));
            assertTrue(password.getMessage().contains("PGPASSWORD or ~/.pgpass"), password.getMessage());
            assertFalse(password.getMessage().contains("hunter2"), password.getMessage());
        }

        String name = TestServer.newProjectName("taken");
        String location = server.location(name, PERSON);
        create(server, location, settings).close();
        IOException taken = assertThrows(IOException.class, () -> create(server, location, settings));
        assertTrue(taken.getMessage().contains(name) && taken.getMessage().contains("exists already"),
                taken.getMessage());
    }
}
