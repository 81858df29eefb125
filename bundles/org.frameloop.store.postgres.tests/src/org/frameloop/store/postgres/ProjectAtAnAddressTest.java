package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.io.Project;
import org.frameloop.io.VideoInfo;
import org.frameloop.io.formats.PaletteMaskExporter;
import org.frameloop.run.ProjectLocations;
import org.frameloop.run.RunAssembly;
import org.frameloop.run.RunPlugins;
import org.frameloop.synth.SyntheticVideo;
import org.frameloop.synth.SyntheticVideoSpec;
import org.frameloop.testkit.postgres.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project named by its address wherever a folder is accepted ({@link ProjectLocations}): a run on the real
 * server journals its rounds, samples, labels and checkpoint there, a later run continues it, and an export
 * reads it; the password comes from ~/.pgpass only.
 */
class ProjectAtAnAddressTest {

    private static final RunPlugins PLUGINS = new RunPlugins(PluginChoice.of("propagation"), PluginChoice.of("frame"),
            PluginChoice.of("uniform-keyframes"), PluginChoice.of("dis"), PluginChoice.of("polygon"),
            PluginChoice.of(PluginChoice.NONE));

    private final PluginRegistry registry = PluginRegistry.ofPlatform();

    @TempDir
    Path temp;

    @Test
    void aRunOnAnAddressStoresItsRoundsLabelsAndCheckpointAndALaterRunContinuesIt() throws Exception {
        TestServer server = TestServer.get();
        server.person(TeamProject.OWNER, true);
        SyntheticVideo video = new SyntheticVideo(SyntheticVideoSpec.of(TeamProject.WIDTH, TeamProject.HEIGHT,
                TeamProject.FRAMES, 7L, SyntheticVideoSpec.Style.TARGET));
        String location = server.location(TestServer.newProjectName("run"), TeamProject.OWNER);
        LoopSettings twoSamples = LoopSettings.defaults().withSamplesPerRound(2).withMaxRounds(1).withTargetMiou(1.0);

        server.withPasswordFileAtHome(() -> {
            try (Project project = ProjectLocations.create(location, new VideoInfo(video.name(), null, TeamProject.FRAMES,
                    TeamProject.WIDTH, TeamProject.HEIGHT), video.labelMap(), Map.of("note", "test"), "test")) {
                LoopResult result = run(project, video, twoSamples, new java.util.ArrayList<>());
                assertEquals(2, result.rounds().size(), "round 0 and one annotated round");
            }
            return null;
        });

        try (PostgresProjectStore store = server.open(TeamProject.nameOf(location), TeamProject.OWNER)) {
            List<LedgerEntry> entries = store.ledgerEntries();
            assertEquals(2, entries.size(), "every annotated sample stored once");
            assertTrue(entries.stream().allMatch(e -> e.annotatorId().equals("simulated")),
                    "the loop's annotator is recorded: " + entries);
            assertEquals(List.of(0, 1), store.roundReports().stream().map(RoundReport::round).toList());
            for (LedgerEntry entry : entries) {
                int frame = entry.sample().frameIndex();
                assertArrayEquals(video.groundTruth(frame).ids(), store.humanLabels(frame).ids(),
                        "a whole-frame sample's human labels are the ground truth, frame " + frame);
            }
            store.labels().requireEveryFrameLabelled(); // every frame has the round's automatic labels
            assertFalse(store.checkpointFiles().isEmpty(), "the model's checkpoint is kept in the database");
            assertEquals(new org.frameloop.io.ProjectStore.Continuation(2, List.of()), store.continuation());
            WorkFolders.deleteRecursively(store.workFolder()); // another machine: the checkpoint comes from the server
        }

        server.withPasswordFileAtHome(() -> {
            try (Project project = ProjectLocations.open(location, "test")) {
                List<String> notes = new java.util.ArrayList<>();
                LoopResult result = run(project, video, twoSamples.withMaxRounds(2), notes);
                assertTrue(notes.isEmpty(), "the checkpoint fetched from the server was usable: " + notes);
                assertTrue(Files.isDirectory(project.modelFolder()));
                assertEquals(List.of(1, 2), result.rounds().stream().map(RoundReport::round).toList(),
                        "the reopened project continues after its last round: " + result.stopReason());
                assertEquals(4, project.ledgerEntries().size(), "nothing stored twice");
                assertEquals(4, project.ledgerEntries().stream().map(LedgerEntry::sample).distinct().count());
            }
            return null;
        });
    }

    @Test
    void aProjectHasOneLoopAtATimeAndTheLockEndsWithItsConnection() throws Exception {
        TeamProject team = TeamProject.create("one-loop");
        try (PostgresProjectStore first = team.open(TeamProject.OWNER)) {
            first.holdLoop();
            try (PostgresProjectStore second = team.open(TeamProject.OWNER)) {
                DatabaseException e = assertThrows(DatabaseException.class, second::holdLoop);
                assertTrue(e.getMessage().contains("another loop"), e.getMessage());
            }
        }
        try (PostgresProjectStore next = team.open(TeamProject.OWNER)) {
            next.holdLoop(); // the first loop's connection closed: the project is free
        }
    }

    @Test
    void anExportReadsTheLabelsOfAProjectAtAnAddress() throws Exception {
        TeamProject team = TeamProject.create("export");
        try (PostgresProjectStore trainer = team.open(TeamProject.OWNER)) {
            org.frameloop.core.label.LabelStore labels = new org.frameloop.core.label.LabelStore(TeamProject.FRAMES,
                    TeamProject.WIDTH, TeamProject.HEIGHT);
            for (int f = 0; f < TeamProject.FRAMES; f++) {
                labels.putAuto(f, team.video.groundTruth(f));
            }
            trainer.replaceAutoLabels(1, labels);
        }
        Path out = temp.resolve("masks");
        team.server.withPasswordFileAtHome(() -> {
            try (Project project = ProjectLocations.open(team.server.location(team.name, TeamProject.REVIEWER), "test")) {
                project.labels().requireEveryFrameLabelled();
                new PaletteMaskExporter().export(project.labels(), project.labelMap(), out, null);
            }
            return null;
        });
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(TeamProject.FRAMES, files.filter(f -> f.toString().endsWith(".png")).count());
        }
    }

    @Test
    void anExportOfAProjectWithoutAutomaticLabelsIsRefusedNamingTheFrames() throws Exception {
        TeamProject team = TeamProject.create("export-refused");
        java.io.IOException e = team.server.withPasswordFileAtHome(() -> {
            try (Project project = ProjectLocations.open(team.server.location(team.name, TeamProject.REVIEWER), "test")) {
                return assertThrows(java.io.IOException.class, () -> project.labels().requireEveryFrameLabelled());
            }
        });
        assertTrue(e.getMessage().contains("6 of 6 frames have no automatic labels (frames 0-5: ")
                && e.getMessage().contains("frameloop.auto_labels"), e.getMessage());
    }

    @Test
    void anAddressHoldingAPasswordIsRefusedWithoutRepeatingIt() {
        for (String address : List.of("postgresql://olivia:s3cret@db.example/frameloop?project=street",
                "postgresql://db.example/frameloop?project=street&password=s3cret")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ProjectLocations.requireValidAddress(address));
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertTrue(e.getMessage().contains("PGPASSWORD or ~/.pgpass"), e.getMessage());
        }
    }

    private LoopResult run(Project project, SyntheticVideo video, LoopSettings settings, List<String> notes)
            throws Exception {
        try (RunAssembly run = RunAssembly.create(registry, PLUGINS)) {
            VideoSession session = RunAssembly.openProject(registry, project, video, PLUGINS.flow(),
                    video.groundTruthSequence());
            run.journalTo(project, null).loop(session, settings, run.simulatedAnnotator(session));
            LoopResult result = run.run(null);
            notes.addAll(run.notes());
            return result;
        }
    }

}
