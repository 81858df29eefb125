package org.frameloop.store.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Frameloop schema as versioned SQL files ({@code sql/V<N>__<what>.sql} in this bundle), applied in
 * order, each once, recorded in {@code frameloop.schema_version} with its checksum. Opening a project applies
 * what is missing, in one transaction under an advisory lock (two clients opening at once apply it once);
 * that needs a user who may create schemas and roles, so the first open on a new database is the database
 * owner's. A schema newer than this build, or an applied file that was edited since, is refused.
 * <p>
 * To change the schema add {@code V<N+1>__<what>.sql} and name it in {@link #FILES}; never edit an applied one.
 */
final class SchemaMigrations {

    /** Every migration, oldest first; the version is the number after V. */
    static final List<String> FILES = List.of("V1__projects.sql", "V2__journal_copies.sql", "V3__notify.sql");

    /** The version this build's code reads and writes. */
    static final int CURRENT_VERSION = FILES.size();

    private static final long LOCK_KEY = 0x6672616d656c6f6fL; // "frameloo": one advisory lock for migrating

    private SchemaMigrations() {
    }

    /**
     * Applies the migrations {@code connection}'s database lacks.
     *
     * @throws DatabaseException naming {@code where} and the file when the schema is newer than this build,
     *                           an applied file changed, or a migration fails (nothing of it is kept)
     */
    static void bringUpToDate(Connection connection, String where) throws IOException {
        try {
            Map<Integer, String> applied = applied(connection, where);
            if (applied.size() == CURRENT_VERSION) {
                return;
            }
            SqlWork.inTransaction(connection, c -> {
                apply(c, where);
                return null;
            });
        } catch (SQLException e) {
            throw DatabaseException.of(where, "bring the Frameloop schema to version " + CURRENT_VERSION
                    + " (a new database is set up by its owner opening a project there first)", e);
        }
    }

    private static void apply(Connection connection, String where) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
            statement.execute("CREATE SCHEMA IF NOT EXISTS frameloop");
            statement.execute("CREATE TABLE IF NOT EXISTS frameloop.schema_version (version int PRIMARY KEY, "
                    + "file text NOT NULL, checksum text NOT NULL, applied_by name NOT NULL DEFAULT session_user, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())");
        }
        Map<Integer, String> applied = applied(connection, where); // again, under the lock
        for (int version = 1; version <= CURRENT_VERSION; version++) {
            if (applied.containsKey(version)) {
                continue;
            }
            String file = FILES.get(version - 1);
            byte[] sql = read(file);
            try (Statement statement = connection.createStatement()) {
                statement.execute(new String(sql, StandardCharsets.UTF_8));
            } catch (SQLException e) {
                throw new SQLException("sql/" + file + ": " + e.getMessage(), e.getSQLState(), e);
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO frameloop.schema_version (version, file, checksum) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, file);
                insert.setString(3, checksum(sql));
                insert.executeUpdate();
            }
        }
    }

    /** The applied versions with their checksums, checked against this build's files. */
    private static Map<Integer, String> applied(Connection connection, String where) throws SQLException, IOException {
        Map<Integer, String> applied = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_catalog.pg_tables "
                        + "WHERE schemaname = 'frameloop' AND tablename = 'schema_version'")) {
            if (!exists.next()) {
                return applied;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, file, checksum FROM frameloop.schema_version")) {
            while (rows.next()) {
                int version = rows.getInt(1);
                if (version > CURRENT_VERSION) {
                    throw new DatabaseException(where, "the Frameloop schema is at version " + version + " ("
                            + rows.getString(2) + "), newer than this build's " + CURRENT_VERSION
                            + "; use a newer Frameloop");
                }
                String file = FILES.get(version - 1);
                if (!checksum(read(file)).equals(rows.getString(3))) {
                    throw new DatabaseException(where, "frameloop.schema_version says sql/" + file
                            + " was applied with other contents than this build's; an applied migration must "
                            + "never change (add a new V" + (CURRENT_VERSION + 1) + "__*.sql instead)");
                }
                applied.put(version, rows.getString(3));
            }
        }
        return applied;
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream("/sql/" + file)) {
            if (in == null) {
                throw new IOException("sql/" + file + " is missing from the org.frameloop.store.postgres bundle");
            }
            return in.readAllBytes();
        }
    }

    static String checksum(byte[] sql) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
