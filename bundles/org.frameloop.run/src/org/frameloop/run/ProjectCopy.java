package org.frameloop.run;

import java.io.IOException;
import java.nio.file.Path;

import org.frameloop.io.Project;
import org.frameloop.io.ProjectContent;
import org.frameloop.io.ProjectStore;
import org.frameloop.store.postgres.Credentials;
import org.frameloop.store.postgres.PostgresProjectStore;
import org.frameloop.store.postgres.ProjectAddress;

/**
 * Copies a project between a folder and a PostgreSQL server (either way, or between two of a kind) without
 * losing anything a project holds ({@link ProjectContent}): the label files and the journal's records arrive
 * byte for byte. The source is read as one consistent state (a folder is held while it is read); the copy
 * appears whole or not at all (a folder is built aside and renamed, a database project is made in one
 * transaction), and a copy onto an existing project is refused.
 */
public final class ProjectCopy {

    /** What was copied, for the person who asked. */
    public record Copied(int frames, int journalRecords, int humanFrames, int autoFrames, int checkpointFiles,
            long readMillis, long writeMillis) {
    }

    private ProjectCopy() {
    }

    /**
     * @param from a project folder or address ({@link ProjectLocations})
     * @param to   a new or empty folder, or the address of a project that does not exist yet
     * @throws IOException saying what is wrong; nothing was made at {@code to}
     */
    public static Copied copy(String from, String to) throws IOException {
        if (!ProjectLocations.isAddress(to) && !ProjectLocations.isAddress(from)
                && Path.of(from).toAbsolutePath().normalize().equals(Path.of(to).toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("FROM and TO are the same folder: " + from);
        }
        long started = System.nanoTime();
        ProjectContent content;
        try (Project source = ProjectLocations.open(from, "cli project copy")) {
            content = source.content();
        }
        long read = System.nanoTime();
        if (ProjectLocations.isAddress(to)) {
            ProjectAddress address = ProjectAddress.parse(to);
            PostgresProjectStore.createCopy(address, Credentials.forAddress(address), content);
        } else {
            ProjectStore.createCopy(Path.of(to), content);
        }
        long written = System.nanoTime();
        return new Copied(content.video().frameCount(), content.journal().size(), content.humanLabels().size(),
                content.autoLabels().size(), content.checkpoint().size(), (read - started) / 1_000_000,
                (written - read) / 1_000_000);
    }
}
