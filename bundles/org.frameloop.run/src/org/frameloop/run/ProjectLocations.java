package org.frameloop.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.frameloop.core.label.LabelMap;
import org.frameloop.io.Project;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.frameloop.store.postgres.Credentials;
import org.frameloop.store.postgres.PostgresProjectStore;
import org.frameloop.store.postgres.ProjectAddress;

/**
 * Opens a project from what a person typed wherever a project is asked for: a folder, or a project on a
 * PostgreSQL server, {@code postgresql://HOST[:PORT]/DATABASE?project=NAME[&user=USER]} (docs/team.md). The
 * one place that tells the two apart, so that commands, the IDE and copies work on a {@link Project} alone.
 * <p>
 * A database password never comes from the address (one written there is refused, without repeating it):
 * it comes from {@code PGPASSWORD} or the password file ({@code PGPASSFILE}, else {@code ~/.pgpass}), and goes
 * to the driver only.
 */
public final class ProjectLocations {

    private ProjectLocations() {
    }

    /** Whether {@code location} names a project on a database server rather than a folder. */
    public static boolean isAddress(String location) {
        return ProjectAddress.isAddress(location);
    }

    /**
     * Checks a database address before anything is opened or made.
     *
     * @throws IllegalArgumentException saying what is wrong with it (a password in it, a missing project name),
     *                                  never repeating a password
     */
    public static void requireValidAddress(String location) {
        ProjectAddress.parse(location);
    }

    /**
     * Opens the project at {@code location} for writing: a folder is held by {@code writer} ("cli run") until
     * closed; a database project is opened as the database user the address or the environment names.
     *
     * @throws IOException saying what is wrong: no project there, a folder held by another writer, a server
     *                     that cannot be reached or refuses the login, a user who is not a member
     */
    public static Project open(String location, String writer) throws IOException {
        if (isAddress(location)) {
            ProjectAddress address = ProjectAddress.parse(location);
            return PostgresProjectStore.open(address, Credentials.forAddress(address));
        }
        return ProjectStore.open(Path.of(location), writer);
    }

    /**
     * Makes a new project at {@code location}: a folder (see {@link ProjectStore#create}) or a project on a
     * database server, owned by the connecting user.
     *
     * @param settings what the project is made with (plugins, loop settings, ground truth)
     */
    public static Project create(String location, VideoInfo video, LabelMap labelMap, Map<String, Object> settings,
            String writer) throws IOException {
        if (isAddress(location)) {
            ProjectAddress address = ProjectAddress.parse(location);
            return PostgresProjectStore.create(address, Credentials.forAddress(address), video, labelMap, settings);
        }
        return ProjectStore.create(Path.of(location), video, labelMap, settings, writer);
    }
}
