package org.frameloop.editor.session;

import java.io.IOException;
import java.time.Duration;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.video.Video;
import org.frameloop.io.video.VideoFiles;
import org.frameloop.run.ProjectLocations;
import org.frameloop.store.postgres.PostgresProjectStore;
import org.frameloop.store.postgres.ProjectRole;
import org.frameloop.store.postgres.TeamClient;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

/**
 * Opens a team's project on a PostgreSQL server in the IDE, from its address as a person types it
 * ({@code postgresql://HOST[:PORT]/DATABASE?project=NAME[&user=USER]}, docs/team.md). The person takes samples
 * under leases through a {@link TeamClient}; {@code frameloop serve} is the project's loop.
 */
public final class TeamProjects {

    /** How long a taken sample is held without renewal: one sample's work and a margin. */
    public static final Duration LEASE_TIME = Duration.ofMinutes(10);
    /** How often a held sample's lease is renewed while the person works: a quarter of the lease. */
    public static final Duration RENEW_EVERY = LEASE_TIME.dividedBy(4);
    /** How long one wait for the project's news lasts before the project is looked at again. */
    public static final Duration NEWS_WAIT = Duration.ofSeconds(30);

    private TeamProjects() {
    }

    /**
     * Opens the team's project at {@code address} as the database user it or the environment names, with its
     * video (read from the path the project records) and the project's labels as they are now. Takes time (a
     * server, a video file): call it off the UI thread.
     *
     * @throws IOException saying what is wrong, naming the address: a malformed one or one with a password, a
     *                     server that cannot be reached or refuses the login, a user who is not a member or only a
     *                     reviewer, a video that cannot be read here
     */
    public static AnnotationProject open(String address, PluginRegistry registry) throws IOException {
        requireValidAddress(address);
        PostgresProjectStore store = (PostgresProjectStore) ProjectLocations.open(address, ProjectFolders.WRITER);
        Video video = null;
        try {
            if (store.role() == ProjectRole.REVIEWER) {
                throw new IOException(store.location() + ": " + store.user() + " is a reviewer of this project, who "
                        + "reads it (export, project check) but takes no samples");
            }
            ProjectSettings settings = settings(store);
            video = openVideo(store.location(), settings);
            return teamProject(store, settings, video, registry);
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(store, video, e);
            throw e;
        }
    }

    /**
     * Creates a team's project at {@code address} on its server (File > New Project with an address as its
     * location), owned by the connecting user, and opens it as {@link #open} does. The project has no samples
     * until its loop, {@code frameloop serve --project ADDRESS}, chooses round 0's; the IDE waits for them. Takes
     * time (a server, a video file): call it off the UI thread.
     *
     * @throws IOException saying what is wrong, naming the address: a malformed one or one with a password, a
     *                     video that cannot be read, a server that cannot be reached or refuses the login, a user
     *                     who may not create projects, a project of that name that exists already
     */
    public static AnnotationProject create(String address, ProjectSettings settings, LabelMap labelMap,
            PluginRegistry registry, IProgressMonitor monitor) throws IOException {
        requireValidAddress(address);
        SubMonitor progress = SubMonitor.convert(monitor, "Creating " + address, 3);
        progress.subTask("Reading " + settings.video().getFileName());
        Video video = openVideo(address, settings);
        progress.split(1);
        PostgresProjectStore store = null;
        try {
            progress.subTask("Creating the project on its server");
            store = (PostgresProjectStore) ProjectLocations.create(address, ProjectFolders.videoInfo(settings, video),
                    labelMap, settings.toMap(), ProjectFolders.WRITER);
            progress.split(1);
            return teamProject(store, settings, video, registry);
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(store, video, e);
            throw e;
        }
    }

    private static void requireValidAddress(String address) throws IOException {
        try {
            ProjectLocations.requireValidAddress(address);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static Video openVideo(String location, ProjectSettings settings) throws IOException {
        try {
            return VideoFiles.open(settings.video());
        } catch (IOException | RuntimeException e) {
            throw new IOException(location + ": the project's video " + settings.video()
                    + " cannot be read on this machine (" + e.getMessage() + ")", e);
        }
    }

    private static AnnotationProject teamProject(PostgresProjectStore store, ProjectSettings settings, Video video,
            PluginRegistry registry) throws IOException {
        return new AnnotationProject(store.address().project(), settings, store, new TeamClient(store, LEASE_TIME),
                video, registry);
    }

    private static void closeAfterFailure(PostgresProjectStore store, Video video, Exception failure) {
        if (store != null) {
            try {
                store.close();
            } catch (IOException closing) {
                failure.addSuppressed(closing);
            }
        }
        if (video != null) {
            ProjectFolders.closeQuietly(video);
        }
    }

    private static ProjectSettings settings(PostgresProjectStore store) throws IOException {
        JsonObject recorded = store.settings();
        if (!recorded.has("videoFolder")) {
            // made by the command line, which records the video beside the settings
            store.videoPath().ifPresent(path -> recorded.addProperty("videoFolder", path.toString()));
        }
        try {
            return ProjectSettings.fromJson(recorded);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
            throw new IOException(store.location() + ": the project does not record the settings the IDE needs ("
                    + e.getMessage() + ")", e);
        }
    }
}
