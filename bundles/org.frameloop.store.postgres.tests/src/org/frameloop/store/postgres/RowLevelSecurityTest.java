package org.frameloop.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Who may do what is decided by the database, not the client: these tests ask the server directly, in plain
 * SQL, as each person, bypassing everything the Frameloop client would check.
 */
class RowLevelSecurityTest {

    private static final List<String> TABLES = List.of("members", "samples", "human_labels", "auto_labels", "journal",
            "rounds", "checkpoint_files");

    @Test
    void aNonMemberSeesNothingOfTheProjectAndCannotWriteToIt() throws Exception {
        TeamProject team = labelledProject("non-member");
        long project = projectId(team);

        DatabaseException refused = assertThrows(DatabaseException.class, () -> team.open(TeamProject.NON_MEMBER));
        assertTrue(refused.getMessage().contains("is not one of its members"), refused.getMessage());

        try (Connection mallory = team.server.connect(TeamProject.NON_MEMBER)) {
            assertEquals(0, count(mallory, "SELECT count(*) FROM frameloop.projects WHERE id = " + project));
            for (String table : TABLES) {
                assertEquals(0, count(mallory, "SELECT count(*) FROM frameloop." + table + " WHERE project_id = "
                        + project), table + " rows a non-member sees");
            }
            assertRefused(mallory, "INSERT INTO frameloop.human_labels (project_id, frame, png) VALUES (" + project
                    + ", 0, '\\x00')");
            assertRefused(mallory, "INSERT INTO frameloop.journal (project_id, kind, frame) VALUES (" + project
                    + ", 'edit', 0)");
            assertRefused(mallory, "INSERT INTO frameloop.members (project_id, member, role) VALUES (" + project
                    + ", 'mallory', 'owner')");
            assertEquals(0, update(mallory, "UPDATE frameloop.samples SET leased_to = session_user, lease_until = "
                    + "now() + interval '1 hour' WHERE project_id = " + project), "samples a non-member can lease");
            assertEquals(0, update(mallory, "DELETE FROM frameloop.projects WHERE id = " + project));
        }
        try (Connection admin = team.server.administratorConnection()) {
            assertEquals(1, count(admin, "SELECT count(*) FROM frameloop.projects WHERE id = " + project),
                    "the project is still there");
        }
    }

    @Test
    void aDatabaseUserWithoutFrameloopCannotEvenReachTheTables() throws Exception {
        TeamProject team = labelledProject("outsider");
        team.server.person("oscar", false);
        DatabaseException refused = assertThrows(DatabaseException.class, () -> team.open("oscar"));
        assertTrue(refused.getMessage().contains("may not do that here"), refused.getMessage());
    }

    @Test
    void aReviewerReadsEverythingButLabelsNothing() throws Exception {
        TeamProject team = labelledProject("reviewer");
        long project = projectId(team);
        try (Connection rita = team.server.connect(TeamProject.REVIEWER)) {
            assertEquals(3, count(rita, "SELECT count(*) FROM frameloop.journal WHERE project_id = " + project));
            assertEquals(0, update(rita, "UPDATE frameloop.samples SET leased_to = session_user, lease_until = "
                    + "now() + interval '1 hour' WHERE project_id = " + project));
            assertRefused(rita, "INSERT INTO frameloop.human_labels (project_id, frame, png) VALUES (" + project
                    + ", 5, '\\x00')");
        }
        try (PostgresProjectStore rita = team.open(TeamProject.REVIEWER)) {
            assertEquals(ProjectRole.REVIEWER, rita.role());
            assertTrue(rita.leases().next(Duration.ofMinutes(1)).isEmpty());
        }
    }

    @Test
    void anAnnotatorWritesInTheirOwnNameOnlyAndLeavesTheOwnersPartAlone() throws Exception {
        TeamProject team = labelledProject("annotator");
        long project = projectId(team);
        try (Connection alice = team.server.connect(TeamProject.ANNOTATOR)) {
            assertRefused(alice, "INSERT INTO frameloop.journal (project_id, kind, frame, annotator) VALUES (" + project
                    + ", 'edit', 0, 'bob')");
            assertRefused(alice, "INSERT INTO frameloop.members (project_id, member, role) VALUES (" + project
                    + ", 'mallory', 'annotator')");
            assertRefused(alice, "INSERT INTO frameloop.auto_labels (project_id, frame, round, png) VALUES (" + project
                    + ", 0, 1, '\\x00')");
            assertRefused(alice, "UPDATE frameloop.journal SET clicks = 0 WHERE project_id = " + project);
            assertEquals(0, update(alice, "UPDATE frameloop.samples SET labelled_by = NULL, labelled_at = NULL "
                    + "WHERE project_id = " + project), "labelled samples cannot be reopened by an annotator");
        }
        try (PostgresProjectStore alice = team.open(TeamProject.ANNOTATOR)) {
            assertThrows(DatabaseException.class, () -> alice.members().put(TeamProject.NON_MEMBER, ProjectRole.OWNER));
        }
    }

    /** A team project with three samples chosen and labelled by alice. */
    private static TeamProject labelledProject(String test) throws Exception {
        TeamProject team = TeamProject.create(test);
        try (PostgresProjectStore trainer = team.open(TeamProject.OWNER)) {
            trainer.journalChosen(1, TeamProject.rectangles(3));
        }
        try (PostgresProjectStore alice = team.open(TeamProject.ANNOTATOR)) {
            new LabellingClient(alice, team.video.groundTruthSequence(), Duration.ofMinutes(1)).call();
        }
        return team;
    }

    private static long projectId(TeamProject team) throws Exception {
        try (Connection admin = team.server.administratorConnection();
                PreparedStatement query = admin.prepareStatement("SELECT id FROM frameloop.projects WHERE name = ?")) {
            query.setString(1, team.name);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                return row.getLong(1);
            }
        }
    }

    private static int count(Connection connection, String sql) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    private static int update(Connection connection, String sql) throws SQLException {
        return connection.createStatement().executeUpdate(sql);
    }

    private static void assertRefused(Connection connection, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> connection.createStatement().execute(sql), sql);
        assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
    }
}
