package org.frameloop.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.video.Video;

import com.google.gson.JsonObject;

/**
 * A project wherever it is kept: a folder ({@link ProjectStore}, one writer at a time) or a PostgreSQL server
 * for a team ({@code org.frameloop.store.postgres}). A run, an export and a copy use a project through this
 * interface only, so they never ask which kind they hold; {@code org.frameloop.run.ProjectLocations} opens the
 * right kind from what a person typed (a folder or a {@code postgresql://} address).
 * <p>
 * Derived data that a run keeps on this machine (the optical flow cache, the model checkpoint while the
 * model uses it) lives in {@link #workFolder}: the project folder itself, or a local folder for a database
 * project, whose checkpoint the store also keeps on the server ({@link #checkpointSaved}, {@link #fetchCheckpoint}).
 */
public interface Project extends AutoCloseable {

    /** Where the project is, as a person names it (a folder, or an address without any password). */
    String location();

    VideoInfo video();

    LabelMap labelMap();

    /** What the project was made with (plugins, loop settings, ground truth), a copy. */
    JsonObject settings();

    /** The video's frames (folder or file), when recorded. */
    Optional<Path> videoPath();

    /** What opening repaired or migrated, for the user (empty when nothing). */
    List<String> notes();

    /**
     * Restores the session saved in the project for {@code frames}: human labels, the journaled samples, and
     * where the loop continues. Attach the session and its loop ({@link #attach(org.frameloop.core.loop.VideoSession)},
     * {@link #attach(AnnotationLoop)}).
     *
     * @throws IOException naming the project when the video does not match it, or its labels are damaged
     */
    ProjectStore.Resumed resume(Video frames, FlowCache flow, LabelSequence groundTruth) throws IOException;

    /** Where a loop on this project continues; see {@link ProjectStore.Continuation}. */
    ProjectStore.Continuation continuation() throws IOException;

    /** Stores every sample the session's ledger receives from now on, with the frame's human labels. */
    void attach(org.frameloop.core.loop.VideoSession session);

    /** Journals each round's chosen samples (before they are annotated) and each finished round's report. */
    void attach(AnnotationLoop loop);

    /** Journals the samples chosen for {@code round}, before any of them is annotated. */
    void journalChosen(int round, List<Sample> samples) throws IOException;

    /** Journals a finished round's report. */
    void journalRound(RoundReport report) throws IOException;

    /** Replaces every frame's automatic labels with those {@code labels} hold after {@code round}. */
    void replaceAutoLabels(int round, LabelStore labels) throws IOException;

    /** Every frame's human and automatic labels as saved. */
    LabelStore readLabels() throws IOException;

    /** The annotated samples journaled so far, in order. */
    List<LedgerEntry> ledgerEntries() throws IOException;

    /** The finished rounds' reports, round 0 first; each report's samples are those annotated in its round. */
    List<RoundReport> roundReports() throws IOException;

    /** The project's labels for exporters, read frame by frame. */
    ProjectLabels labels();

    /**
     * Everything a copy carries to another project ({@code frameloop project copy}), read as one consistent
     * state: label files and journal records exactly as held.
     */
    ProjectContent content() throws IOException;

    /**
     * Makes this the project's one loop (a run, or a team's trainer) until closed, so that two loops never
     * choose samples at once. A folder is held already (its lock, taken when opened for writing).
     *
     * @throws IOException naming the holder's kind when another loop holds the project
     */
    default void holdLoop() throws IOException {
    }

    /** A folder on this machine for derived data: {@code model/}, {@code cache/}, the checkpoint's note. */
    Path workFolder();

    default Path modelFolder() {
        return workFolder().resolve("model");
    }

    default Path cacheFolder() {
        return workFolder().resolve("cache");
    }

    /**
     * Brings the project's model checkpoint into {@link #modelFolder} (and its note into the work folder)
     * before a run loads it; nothing to do for a folder, which holds it there already.
     */
    default void fetchCheckpoint() throws IOException {
    }

    /**
     * Called after the model was saved into {@link #modelFolder} (and its note written): a project kept
     * elsewhere stores the checkpoint there; nothing to do for a folder.
     */
    default void checkpointSaved() throws IOException {
    }

    @Override
    void close() throws IOException;
}
