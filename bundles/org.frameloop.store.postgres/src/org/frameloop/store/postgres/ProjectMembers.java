package org.frameloop.store.postgres;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who works on a project and in which role. Members are database users; an owner adds, changes and removes
 * them, and the database refuses anyone else (row-level security). A database user needs the role
 * {@code frameloop_user} as well (granted by whoever administers the server) to reach the tables at all.
 */
public final class ProjectMembers {

    private final PostgresProjectStore project;

    ProjectMembers(PostgresProjectStore project) {
        this.project = project;
    }

    /** Every member with their role, by user name. */
    public Map<String, ProjectRole> all() throws IOException {
        Map<String, ProjectRole> members = new TreeMap<>();
        try (PreparedStatement query = project.connection().prepareStatement(
                "SELECT member, role FROM frameloop.members WHERE project_id = ?")) {
            query.setLong(1, project.id());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    members.put(rows.getString(1), ProjectRole.fromDatabase(rows.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(project.where("members"), "read the members", e);
        }
        return members;
    }

    /** Makes {@code user} a member in {@code role}, or changes their role. Owners only. */
    public void put(String user, ProjectRole role) throws IOException {
        try (PreparedStatement upsert = project.connection().prepareStatement("INSERT INTO frameloop.members "
                + "(project_id, member, role) VALUES (?, ?, ?) ON CONFLICT (project_id, member) DO UPDATE SET role = "
                + "EXCLUDED.role")) {
            upsert.setLong(1, project.id());
            upsert.setString(2, user);
            upsert.setString(3, role.databaseName());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseException.of(project.where("members"), "make " + user + " a member (" + role.databaseName()
                    + ") as " + project.user(), e);
        }
    }

    /** Removes {@code user} from the project (their stored labels and journal records stay). Owners only. */
    public void remove(String user) throws IOException {
        try (PreparedStatement delete = project.connection().prepareStatement(
                "DELETE FROM frameloop.members WHERE project_id = ? AND member = ?")) {
            delete.setLong(1, project.id());
            delete.setString(2, user);
            if (delete.executeUpdate() == 0) { // row-level security hides what a non-owner may not delete
                throw new DatabaseException(project.where("members"), user + " is not a member that " + project.user()
                        + " may remove (only owners remove members)");
            }
        } catch (SQLException e) {
            throw DatabaseException.of(project.where("members"), "remove " + user + " as " + project.user(), e);
        }
    }
}
