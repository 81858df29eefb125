package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.VideoInfo;
import org.frameloop.store.postgres.PostgresProjectStore;
import org.frameloop.store.postgres.ProjectAddress;
import org.frameloop.store.postgres.ProjectRole;
import org.frameloop.store.postgres.SampleLeases;
import org.frameloop.store.postgres.TeamClient;
import org.frameloop.testkit.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDE's workspace on a team's project on a real PostgreSQL server ({@link TeamProjects}, {@link TeamJob}):
 * opened from its address, it leases a sample into the queue, stores what the person labels in their name, shows
 * the trainer's next round without reopening, gives a held sample back on close, and never holds a sample another
 * client holds.
 */
class TeamWorkspaceTest {

    private static final int FRAMES = 3;
    private static final int WIDTH = 40;
    private static final int HEIGHT = 30;
    private static final String TRAINER = "olivia";
    private static final String PERSON = "alice";
    private static final String TEAMMATE = "bob";
    private static final String REVIEWER = "rita";

    @TempDir
    Path temp;

    /** A team's project of a demo video, made by the trainer, with samples chosen for round 1. */
    private String createProject(TestServer server, List<Sample> roundOne) throws Exception {
        for (String person : List.of(TRAINER, PERSON, TEAMMATE, REVIEWER)) {
            server.person(person, true);
        }
        Path video = DemoVideo.write(temp.resolve("video"), FRAMES, WIDTH, HEIGHT);
        ProjectSettings settings = TeamFixtures.settings(video);
        String name = TestServer.newProjectName("ide");
        ProjectAddress address = server.address(name, TRAINER);
        try (PostgresProjectStore trainer = PostgresProjectStore.create(address, server.credentials(address),
                new VideoInfo("demo", video.toString(), FRAMES, WIDTH, HEIGHT), DemoVideo.labelMap(), settings.toMap())) {
            trainer.members().put(PERSON, ProjectRole.ANNOTATOR);
            trainer.members().put(TEAMMATE, ProjectRole.ANNOTATOR);
            trainer.members().put(REVIEWER, ProjectRole.REVIEWER);
            trainer.journalChosen(1, roundOne);
        }
        return name;
    }

    private static AnnotationProject open(TestServer server, String location) throws Exception {
        return server.withPasswordFileAtHome(() -> TeamProjects.open(location, PluginRegistry.ofPlatform()));
    }

    @Test
    void theWorkspaceLeasesASampleStoresTheLabelsShowsTheNextRoundAndGivesTheSampleBackOnClose() throws Exception {
        TestServer server = TestServer.get();
        Sample first = new Sample(0, new Region.Rectangle(0, 0, 10, 10));
        Sample second = new Sample(1, new Region.Rectangle(10, 10, 10, 10));
        String name = createProject(server, List.of(first, second));
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        try (PostgresProjectStore trainer = server.open(name, TRAINER);
                PostgresProjectStore teammateStore = server.open(name, TEAMMATE)) {
            AnnotationProject project = open(server, server.location(name, PERSON));
            assertTrue(project.isTeam());
            assertNull(project.folder(), "a team's project has no folder");
            workspace.open(project); // starts taking samples: the IDE is not the loop here
            QueueWait.until(workspace, () -> workspace.currentSample() != null);
            Sample leased = workspace.currentSample();
            assertEquals(first, leased, "the first open sample of the round");
            assertEquals(1, workspace.queue().round());

            TeamClient teammate = new TeamClient(teammateStore, Duration.ofMinutes(5));
            SampleLeases.Lease teammates = teammate.next().orElseThrow();
            assertNotEquals(leased, teammates.sample(), "another client never gets the sample the IDE holds");

            LabelEdit edit = workspace.beginEdit("brush");
            workspace.paint(edit, leased.region().pixelIndices(WIDTH), DemoVideo.CAR);
            workspace.commit(edit, 3);
            workspace.nextSample(); // Tab: the sample goes to the server in the person's name
            QueueWait.until(workspace, () -> workspace.notice().contains("stored"), workspace::notice);
            List<LedgerEntry> journal = trainer.ledgerEntries();
            assertEquals(1, journal.size());
            assertEquals(PERSON, journal.get(0).annotatorId());
            assertEquals(leased, journal.get(0).sample());
            assertEquals(3, journal.get(0).clicks());
            LabelImage stored = trainer.humanLabels(leased.frameIndex());
            for (int pixel : leased.region().pixelIndices(WIDTH)) {
                assertEquals(DemoVideo.CAR, stored.ids()[pixel] & 0xff, "pixel " + pixel);
            }

            assertEquals(second, teammates.sample());
            byte[] road = new byte[WIDTH * HEIGHT];
            Arrays.fill(road, (byte) DemoVideo.ROAD);
            teammate.submit(new LabelImage(WIDTH, HEIGHT, road), 2, 1.0);
            // the trainer publishes round 2: its automatic labels, then its one sample
            byte[] sky = new byte[WIDTH * HEIGHT];
            Arrays.fill(sky, (byte) DemoVideo.SKY);
            trainer.replaceAutoLabels(1, TeamFixtures.everywhere(FRAMES, WIDTH, HEIGHT, DemoVideo.SKY));
            Sample next = new Sample(2, new Region.Rectangle(20, 0, 10, 10));
            trainer.journalChosen(2, List.of(next));
            QueueWait.until(workspace, () -> workspace.queue().round() == 2 && next.equals(workspace.currentSample()));
            for (int f = 0; f < FRAMES; f++) {
                assertArrayEquals(sky, project.session().labels().auto(f).ids(), "the new round's labels, frame " + f);
            }
            assertEquals(DemoVideo.ROAD, project.session().labels().human(1).id(10, 10), "what the teammate labelled shows too");
            assertEquals(LabelImage.UNLABELED, project.session().labels().human(1).id(0, 0), "and only inside its sample");
            assertTrue(teammate.next().isEmpty(), "the IDE holds round 2's only sample");

            Job job = workspace.loopJob();
            workspace.close();
            assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), "closing stops taking samples");
            assertEquals(next, teammate.next().orElseThrow().sample(), "closing gave the held sample back");
        } finally {
            workspace.close();
        }
    }

    @Test
    void aBadAddressAnUnreachableServerANonMemberAndAReviewerAreRefusedNamingTheAddress() throws Exception {
        TestServer server = TestServer.get();
        String name = createProject(server, List.of(new Sample(0, new Region.Rectangle(0, 0, 10, 10))));
        server.person("mallory", true);

        IOException password = assertThrows(IOException.class,
                () -> TeamProjects.open("postgresql://127.0.0.1/frameloop?project=p&password=hunter2", PluginRegistry.ofPlatform()));
        assertTrue(password.getMessage().contains("holds no password"), password.getMessage());
        assertFalse(password.getMessage().contains("hunter2"), password.getMessage());
        IOException noProject = assertThrows(IOException.class,
                () -> TeamProjects.open("postgresql://127.0.0.1/frameloop", PluginRegistry.ofPlatform()));
        assertTrue(noProject.getMessage().contains("postgresql://127.0.0.1/frameloop"), noProject.getMessage());

        String unreachable = "postgresql://127.0.0.1:1/frameloop?project=" + name + "&user=" + PERSON;
        IOException down = assertThrows(IOException.class, () -> open(server, unreachable));
        assertTrue(down.getMessage().contains("127.0.0.1:1") && down.getMessage().contains("cannot reach the server"),
                down.getMessage());
        IOException stranger = assertThrows(IOException.class, () -> open(server, server.location(name, "mallory")));
        assertTrue(stranger.getMessage().contains(name) && stranger.getMessage().contains("not one of its members"),
                stranger.getMessage());
        IOException reviewer = assertThrows(IOException.class, () -> open(server, server.location(name, REVIEWER)));
        assertTrue(reviewer.getMessage().contains(name) && reviewer.getMessage().contains("reviewer"),
                reviewer.getMessage());
    }
}
