package org.frameloop.store.postgres;

import java.io.IOException;
import java.sql.SQLException;

/**
 * A project database that cannot be used as asked. The message names the address (never a password) or
 * the table, says what is wrong and, where the person can fix it, what to do.
 */
public class DatabaseException extends IOException {

    private static final long serialVersionUID = 1L;

    public DatabaseException(String where, String problem) {
        super(where + ": " + problem);
    }

    public DatabaseException(String where, String problem, Throwable cause) {
        super(where + ": " + problem, cause);
    }

    /** The server's refusal in the person's words, by SQLSTATE (the server's own text follows in brackets). */
    static DatabaseException of(String where, String doing, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String hint = switch (state) {
        case "28P01", "28000" -> "the server refused the login; check the user and PGPASSWORD or ~/.pgpass (docs/team.md)";
        case "3D000" -> "the database does not exist; create it first (createdb)";
        case "42501" -> "refused by the database: this user may not do that here (not a member of the project, "
                + "or a role that does not allow it)";
        case "42P01", "3F000" -> "the Frameloop tables are missing; open the project once as the database owner, "
                + "who creates them";
        case "08001", "08004", "08006" -> "cannot reach the server; is it running, and is the host and port right?";
        default -> null;
        };
        String server = e.getMessage() == null ? state : e.getMessage().lines().findFirst().orElse(state);
        return new DatabaseException(where, "cannot " + doing + (hint == null ? "" : ": " + hint) + " [" + server + "]",
                e);
    }
}
