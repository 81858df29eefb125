package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.frameloop.testkit.postgres.TestServer;
import org.junit.jupiter.api.Test;

/** What a project folder holds, held by the database instead, read back exactly. */
class PostgresProjectStoreTest {

    @Test
    void aCreatedProjectOpensWithItsVideoLabelMapSettingsAndTeam() throws Exception {
        TeamProject team = TeamProject.create("created");
        try (PostgresProjectStore alice = team.open(TeamProject.ANNOTATOR)) {
            assertEquals(new VideoInfo(team.video.name(), "/videos/synthetic", TeamProject.FRAMES, TeamProject.WIDTH,
                    TeamProject.HEIGHT), alice.video());
            assertEquals(LabelMapJson.toJson(team.video.labelMap()), LabelMapJson.toJson(alice.labelMap()));
            assertEquals("rect", alice.settings().getAsJsonObject("plugins").get("granularity").getAsString());
            assertEquals(8, alice.settings().get("samplesPerRound").getAsInt());
            assertEquals(ProjectRole.ANNOTATOR, alice.role());
            assertEquals(Map.of(TeamProject.OWNER, ProjectRole.OWNER, TeamProject.ANNOTATOR, ProjectRole.ANNOTATOR,
                    TeamProject.OTHER_ANNOTATOR, ProjectRole.ANNOTATOR, TeamProject.REVIEWER, ProjectRole.REVIEWER),
                    alice.members().all());
        }
    }

    @Test
    void aSecondProjectOfTheSameNameIsRefusedNamingIt() throws Exception {
        TeamProject team = TeamProject.create("twice");
        ProjectAddress address = team.server.address(team.name, TeamProject.OWNER);
        DatabaseException e = assertThrows(DatabaseException.class, () -> PostgresProjectStore.create(address,
                team.server.credentials(address), new VideoInfo("v", null, 1, 8, 8), team.video.labelMap(), Map.of()));
        assertTrue(e.getMessage().contains("'" + team.name + "' exists already"), e.getMessage());
    }

    @Test
    void theJournalTellsWhereTheLoopContinues() throws Exception {
        TeamProject team = TeamProject.create("continuation");
        List<Sample> round1 = TeamProject.rectangles(4);
        try (PostgresProjectStore trainer = team.open(TeamProject.OWNER)) {
            assertEquals(new ProjectStore.Continuation(1, List.of()), trainer.continuation());
            trainer.journalChosen(1, round1);
            trainer.journalChosen(1, round1.subList(2, 4)); // a restarted trainer choosing the pending ones again
            assertEquals(round1, trainer.chosen(1));
            assertEquals(new ProjectStore.Continuation(1, round1), trainer.continuation());

            SampleLeases leases = trainer.leases();
            for (int i = 0; i < 3; i++) {
                SampleLeases.Lease lease = leases.next(Duration.ofMinutes(1)).orElseThrow();
                leases.submit(lease, team.video.groundTruth(lease.sample().frameIndex()), 10 + i, 2.5);
            }
            assertEquals(new ProjectStore.Continuation(1, round1.subList(3, 4)), trainer.continuation());
            SampleLeases.Lease last = leases.next(Duration.ofMinutes(1)).orElseThrow();
            leases.submit(last, team.video.groundTruth(last.sample().frameIndex()), 13, 2.5);
            assertEquals(new ProjectStore.Continuation(2, List.of()), trainer.continuation());

            assertEquals(round1, trainer.ledgerEntries().stream().map(e -> e.sample()).toList());
            assertEquals(List.of(10, 11, 12, 13), trainer.ledgerEntries().stream().map(e -> e.clicks()).toList());
            assertTrue(trainer.ledgerEntries().stream().allMatch(e -> e.annotatorId().equals(TeamProject.OWNER)
                    && e.seconds() == 2.5 && e.round() == 1));
        }
    }

    @Test
    void automaticLabelsAndRoundReportsReadBackExactly() throws Exception {
        TeamProject team = TeamProject.create("auto-labels");
        LabelStore labels = new LabelStore(TeamProject.FRAMES, TeamProject.WIDTH, TeamProject.HEIGHT);
        for (int f = 0; f < TeamProject.FRAMES; f++) {
            labels.putAuto(f, team.video.groundTruth((f + 1) % TeamProject.FRAMES));
        }
        RoundReport report = new RoundReport(1, List.of(), 40, 40, 900, 0.61, new double[] { 0.9, Double.NaN }, 0.8,
                0.04, 64, new RoundReport.Timings(5, 60000, 900, 300, 20));
        try (PostgresProjectStore trainer = team.open(TeamProject.OWNER)) {
            trainer.replaceAutoLabels(1, labels);
            trainer.journalRound(report);
        }
        try (PostgresProjectStore rita = team.open(TeamProject.REVIEWER)) {
            LabelStore read = rita.readLabels();
            for (int f = 0; f < TeamProject.FRAMES; f++) {
                assertArrayEquals(labels.auto(f).ids(), read.auto(f).ids(), "automatic labels of frame " + f);
                assertTrue(!read.hasHuman(f));
            }
            RoundReport back = rita.roundReports().get(0);
            assertEquals(report.round(), back.round());
            assertEquals(report.roundClicks(), back.roundClicks());
            assertEquals(report.miou(), back.miou());
            assertArrayEquals(report.perClassIou(), back.perClassIou());
            assertEquals(report.timings(), back.timings());
        }
    }

    @Test
    void theSchemaIsAppliedOnceAndAnEditedMigrationIsRefused() throws Exception {
        TestServer server = TestServer.get();
        try (Connection admin = server.administratorConnection(); Statement statement = admin.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT version, file FROM frameloop.schema_version ORDER BY version")) {
                assertTrue(rows.next());
                assertEquals(1, rows.getInt(1));
                assertEquals(SchemaMigrations.FILES.get(0), rows.getString(2));
            }
            statement.execute("UPDATE frameloop.schema_version SET checksum = 'edited' WHERE version = 1");
            try {
                DatabaseException e = assertThrows(DatabaseException.class, server::administratorConnection);
                assertTrue(e.getMessage().contains("sql/V1__projects.sql was applied with other contents"),
                        e.getMessage());
            } finally {
                statement.execute("UPDATE frameloop.schema_version SET checksum = '"
                        + SchemaMigrations.checksum(SchemaMigrations.class.getResourceAsStream("/sql/V1__projects.sql")
                                .readAllBytes()) + "' WHERE version = 1");
            }
        }
    }
}
