package org.frameloop.store.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.ledger.ClickLedger;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.video.Video;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.JournalJson;
import org.frameloop.io.LabelChecks;
import org.frameloop.io.Project;
import org.frameloop.io.ProjectContent;
import org.frameloop.io.ProjectLabels;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A project on a PostgreSQL server, holding what a project folder holds (docs/team.md): the video's
 * reference and size, the label map, the settings, each frame's human labels (palette PNG), the automatic
 * labels of the latest round, the chosen samples of every round, the journal of what people did (round,
 * clicks, seconds, annotator) and the rounds' reports. Many people work on one project at once, each through
 * their own store on their own connection (a store is used by one thread); samples are handed out by
 * {@link #leases()}, members and roles by {@link #members()}.
 * <p>
 * The server decides who may read and change what (row-level security): a store opened by a non-member finds
 * no project, and a write its role does not allow fails with the database's refusal.
 */
public final class PostgresProjectStore implements Project {

    private static final Gson GSON = new Gson();

    private final Connection connection;
    private final ProjectAddress address;
    private final String user;
    private final long id;
    private final VideoInfo video;
    private final LabelMap labelMap;
    private final JsonObject settings;
    private final ProjectRole role;
    private final Path workFolder;

    private PostgresProjectStore(Connection connection, ProjectAddress address, String user, long id, VideoInfo video,
            LabelMap labelMap, JsonObject settings, ProjectRole role) {
        this.workFolder = WorkFolders.of(address);
        this.connection = connection;
        this.address = address;
        this.user = user;
        this.id = id;
        this.video = video;
        this.labelMap = labelMap;
        this.settings = settings;
        this.role = role;
    }

    /**
     * Creates the project {@code address} names, owned by {@code credentials.user()}, who must have the
     * database role {@code frameloop_user}.
     *
     * @param settings what the project is made with (plugins, loop settings), as a folder project records them
     * @throws DatabaseException when a project of that name exists, or the user may not create projects
     */
    public static PostgresProjectStore create(ProjectAddress address, Credentials credentials, VideoInfo video,
            LabelMap labelMap, Map<String, Object> settings) throws IOException {
        Connection connection = ProjectDatabase.connect(address, credentials);
        try {
            try (PreparedStatement create = connection.prepareStatement(
                    "SELECT frameloop.create_project(?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
                create.setString(1, address.project());
                create.setString(2, video.name());
                create.setString(3, video.path());
                create.setInt(4, video.frameCount());
                create.setInt(5, video.width());
                create.setInt(6, video.height());
                create.setString(7, LabelMapJson.toJson(labelMap));
                create.setString(8, GSON.toJson(settings));
                create.executeQuery().close();
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    throw new DatabaseException(address.toString(), "a project named '" + address.project()
                            + "' exists already in " + address.server() + "; open it, or choose another name", e);
                }
                throw DatabaseException.of(address.toString(), "create the project", e);
            }
            return load(connection, address, credentials.user());
        } catch (IOException | RuntimeException e) {
            ProjectDatabase.close(connection);
            throw e;
        }
    }

    /**
     * Opens the project {@code address} names as {@code credentials.user()}.
     *
     * @throws DatabaseException when there is no such project or the user is not one of its members (the
     *                           database shows a non-member nothing, so the two look alike)
     */
    public static PostgresProjectStore open(ProjectAddress address, Credentials credentials) throws IOException {
        Connection connection = ProjectDatabase.connect(address, credentials);
        try {
            return load(connection, address, credentials.user());
        } catch (IOException | RuntimeException e) {
            ProjectDatabase.close(connection);
            throw e;
        }
    }

    private static PostgresProjectStore load(Connection connection, ProjectAddress address, String user)
            throws IOException {
        String sql = "SELECT id, video_name, video_path, frame_count, width, height, label_map::text, settings::text, "
                + "frameloop.role_in(id) FROM frameloop.projects WHERE name = ?";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, address.project());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new DatabaseException(address.toString(), "no project '" + address.project()
                            + "' that database user " + user + " may see: it does not exist, or " + user
                            + " is not one of its members (an owner adds members: docs/team.md)");
                }
                VideoInfo video = new VideoInfo(row.getString(2), row.getString(3), row.getInt(4), row.getInt(5),
                        row.getInt(6));
                LabelMap labelMap;
                try {
                    labelMap = LabelMapJson.fromJson(row.getString(7));
                } catch (IllegalArgumentException e) {
                    throw new DatabaseException(address + " (frameloop.projects.label_map)", "not a valid label map: "
                            + e.getMessage(), e);
                }
                JsonObject settings = JsonParser.parseString(row.getString(8)).getAsJsonObject();
                return new PostgresProjectStore(connection, address, user, row.getLong(1), video, labelMap, settings,
                        ProjectRole.fromDatabase(row.getString(9)));
            }
        } catch (SQLException e) {
            throw DatabaseException.of(address.toString(), "open the project", e);
        }
    }

    public ProjectAddress address() {
        return address;
    }

    @Override
    public String location() {
        return address.toString();
    }

    /** The video's path as recorded when the project was made (on the machine that made it). */
    @Override
    public Optional<Path> videoPath() {
        return video.path() == null ? Optional.empty() : Optional.of(Path.of(video.path()));
    }

    @Override
    public List<String> notes() {
        return List.of();
    }

    /**
     * A folder on this machine for the flow cache and the checkpoint while a model uses it
     * ({@link WorkFolders}); the checkpoint itself is kept in the database.
     */
    @Override
    public Path workFolder() {
        return workFolder;
    }

    /** The database user this store works as: the author of what it stores. */
    public String user() {
        return user;
    }

    public VideoInfo video() {
        return video;
    }

    public LabelMap labelMap() {
        return labelMap;
    }

    /** What the project was made with, as recorded at creation (a copy). */
    public JsonObject settings() {
        return settings.deepCopy();
    }

    /** This user's role in the project, as the database said when the store was opened. */
    public ProjectRole role() {
        return role;
    }

    /**
     * Makes this store the project's one loop (a {@code run} or the trainer, {@code serve}) until it is closed:
     * a session advisory lock, so a loop whose process dies loses it with its connection. Annotators need no
     * lock: leases keep them apart.
     *
     * @throws DatabaseException when another loop holds the project
     */
    @Override
    public void holdLoop() throws IOException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, TRAINER_LOCK);
            lock.setInt(2, (int) id);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    throw new DatabaseException(address.toString(), "another loop (frameloop serve, or run) works on "
                            + "this project now; a project has one loop at a time, and annotators take samples");
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(address.toString(), "become the project's loop", e);
        }
    }

    /**
     * Whether a loop (a {@code run} or {@code serve}, on any client) holds the project now ({@link #holdLoop});
     * read from the server's lock table, so it takes nothing.
     */
    public boolean loopRunning() throws IOException {
        try (PreparedStatement query = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE "
                + "locktype = 'advisory' AND granted AND classid = ? AND objid = ? AND objsubid = 2 AND database = "
                + "(SELECT oid FROM pg_database WHERE datname = current_database()))")) {
            query.setInt(1, TRAINER_LOCK);
            query.setInt(2, (int) id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw DatabaseException.of(address.toString(), "read whether a loop holds the project", e);
        }
    }

    /** The first key of the trainer's advisory lock ("fl"); the second is the project's id. */
    private static final int TRAINER_LOCK = 0x666c;

    /** Samples handed to this user one at a time, each for a limited time. */
    public SampleLeases leases() {
        return new SampleLeases(this);
    }

    /** The project's members and their roles (changed by owners only). */
    public ProjectMembers members() {
        return new ProjectMembers(this);
    }

    Connection connection() {
        return connection;
    }

    long id() {
        return id;
    }

    /** Where a problem with {@code table} happened, for messages. */
    String where(String table) {
        return address + " (frameloop." + table + ")";
    }

    /**
     * Records the samples chosen for {@code round}, before anyone labels them; samples the round already has
     * (a restarted trainer choosing the pending ones again) are not added twice. Owners only.
     */
    public void journalChosen(int round, List<Sample> samples) throws IOException {
        try {
            SqlWork.inTransaction(connection, c -> {
                List<Sample> existing = chosen(round);
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO frameloop.samples "
                        + "(project_id, round, ordinal, frame, region) VALUES (?, ?, ?, ?, ?::jsonb)")) {
                    int ordinal = existing.size();
                    for (Sample sample : samples) {
                        if (existing.contains(sample)) {
                            continue;
                        }
                        insert.setLong(1, id);
                        insert.setInt(2, round);
                        insert.setInt(3, ordinal++);
                        insert.setInt(4, sample.frameIndex());
                        insert.setString(5, GSON.toJson(JournalJson.describe(sample.region())));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw DatabaseException.of(where("samples"), "record the samples chosen for round " + round, e);
        }
    }

    /** The samples chosen for {@code round}, in the order they were chosen. */
    public List<Sample> chosen(int round) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT frame, region::text FROM frameloop.samples "
                + "WHERE project_id = ? AND round = ? ORDER BY ordinal")) {
            query.setLong(1, id);
            query.setInt(2, round);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    samples.add(sample(rows.getInt(1), rows.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(where("samples"), "read the samples of round " + round, e);
        }
        return samples;
    }

    Sample sample(int frame, String regionJson) throws DatabaseException {
        try {
            return new Sample(frame, JournalJson.region(JsonParser.parseString(regionJson).getAsJsonObject(), video));
        } catch (RuntimeException e) {
            throw new DatabaseException(where("samples"), "a sample of frame " + frame + " has an unusable region ("
                    + e.getMessage() + ")", e);
        }
    }

    /**
     * Where the loop continues: the last round with chosen samples while some of them are unlabelled (those
     * samples, in order), else the round after it (1 when none was chosen yet).
     */
    public ProjectStore.Continuation continuation() throws IOException {
        try (PreparedStatement query = connection.prepareStatement("SELECT round, frame, region::text, labelled_by "
                + "FROM frameloop.samples WHERE project_id = ? AND round = (SELECT max(round) FROM frameloop.samples "
                + "WHERE project_id = ?) ORDER BY ordinal")) {
            query.setLong(1, id);
            query.setLong(2, id);
            int round = 0;
            List<Sample> pending = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    round = rows.getInt(1);
                    if (rows.getString(4) == null) {
                        pending.add(sample(rows.getInt(2), rows.getString(3)));
                    }
                }
            }
            return new ProjectStore.Continuation(pending.isEmpty() ? round + 1 : round, pending);
        } catch (SQLException e) {
            throw DatabaseException.of(where("samples"), "read where the project continues", e);
        }
    }

    /** Every labelled sample, in the order they were stored, with its author, clicks and seconds. */
    public List<LedgerEntry> ledgerEntries() throws IOException {
        List<LedgerEntry> entries = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT round, frame, region::text, clicks, seconds, "
                + "coalesce(recorded_annotator, annotator), at FROM frameloop.journal WHERE project_id = ? "
                + "AND kind = 'sample' ORDER BY id")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new LedgerEntry(rows.getInt(1), sample(rows.getInt(2), rows.getString(3)), rows.getInt(4),
                            rows.getDouble(5), rows.getString(6), rows.getTimestamp(7).getTime()));
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(where("journal"), "read the journal", e);
        }
        return entries;
    }

    /** Records a finished round's report (a round reported again keeps its latest report). Owners only. */
    public void journalRound(RoundReport report) throws IOException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO frameloop.rounds (project_id, round, "
                + "report) VALUES (?, ?, ?::jsonb) ON CONFLICT (project_id, round) DO UPDATE SET report = EXCLUDED.report, "
                + "finished_at = now()")) {
            upsert.setLong(1, id);
            upsert.setInt(2, report.round());
            upsert.setString(3, GSON.toJson(JournalJson.roundLine(report)));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseException.of(where("rounds"), "record the report of round " + report.round(), e);
        }
    }

    /** The finished rounds' reports, round 0 first; each report's samples are those labelled in its round. */
    public List<RoundReport> roundReports() throws IOException {
        Map<Integer, RoundReport> reports = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT report::text FROM frameloop.rounds WHERE project_id = ? ORDER BY round")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    RoundReport r = JournalJson.report(JsonParser.parseString(rows.getString(1)).getAsJsonObject());
                    reports.put(r.round(), r);
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(where("rounds"), "read the rounds", e);
        }
        List<LedgerEntry> entries = ledgerEntries();
        List<RoundReport> withSamples = new ArrayList<>();
        for (RoundReport r : reports.values()) {
            List<Sample> labelled = entries.stream().filter(e -> e.round() == r.round()).map(LedgerEntry::sample).toList();
            withSamples.add(new RoundReport(r.round(), labelled, r.roundClicks(), r.totalClicks(), r.frameByFrameClicks(),
                    r.miou(), r.perClassIou(), r.estimatedQuality(), r.humanPixelShare(), r.candidateCount(),
                    r.timings()).withWarnings(r.warnings()));
        }
        return withSamples;
    }

    /**
     * Replaces every frame's automatic labels with those of {@code labels}, in one transaction: a reader sees
     * one round's labels or the next one's, never a mix. Owners only.
     */
    @Override
    public void replaceAutoLabels(int round, LabelStore labels) throws IOException {
        try {
            SqlWork.inTransaction(connection, c -> {
                try (PreparedStatement upsert = c.prepareStatement("INSERT INTO frameloop.auto_labels (project_id, frame, "
                        + "round, png) VALUES (?, ?, ?, ?) ON CONFLICT (project_id, frame) DO UPDATE SET round = "
                        + "EXCLUDED.round, png = EXCLUDED.png")) {
                    for (int f = 0; f < video.frameCount(); f++) {
                        upsert.setLong(1, id);
                        upsert.setInt(2, f);
                        upsert.setInt(3, round);
                        upsert.setBytes(4, ImageCodec.encodeLabels(labels.auto(f), labelMap));
                        upsert.executeUpdate();
                    }
                }
                return null;
            });
        } catch (SQLException e) {
            throw DatabaseException.of(where("auto_labels"), "store the automatic labels of round " + round, e);
        }
    }

    /** A frame's human labels (all unlabeled when nobody labelled it). */
    public LabelImage humanLabels(int frame) throws IOException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT png FROM frameloop.human_labels WHERE project_id = ? AND frame = ?")) {
            query.setLong(1, id);
            query.setInt(2, frame);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? decode("human_labels", frame, row.getBytes(1))
                        : LabelImage.unlabeled(video.width(), video.height());
            }
        } catch (SQLException e) {
            throw DatabaseException.of(where("human_labels"), "read the human labels of frame " + frame, e);
        }
    }

    /** Every frame's human and automatic labels. */
    public LabelStore readLabels() throws IOException {
        LabelStore store = new LabelStore(video.frameCount(), video.width(), video.height());
        Region whole = new Region.WholeFrame(video.width(), video.height());
        for (String table : List.of("human_labels", "auto_labels")) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT frame, png FROM frameloop." + table + " WHERE project_id = ?")) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        LabelImage labels = decode(table, rows.getInt(1), rows.getBytes(2));
                        if (table.equals("human_labels")) {
                            store.putHuman(rows.getInt(1), whole, labels);
                        } else {
                            store.putAuto(rows.getInt(1), labels);
                        }
                    }
                }
            } catch (SQLException e) {
                throw DatabaseException.of(where(table), "read the labels", e);
            }
        }
        return store;
    }

    /** A frame's labels of {@code layer} ("human" or "auto"), checked; empty when the frame has none. */
    Optional<LabelImage> layer(String layer, int frame) throws IOException {
        String table = layer + "_labels";
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT png FROM frameloop." + table + " WHERE project_id = ? AND frame = ?")) {
            query.setLong(1, id);
            query.setInt(2, frame);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(decode(table, frame, row.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw DatabaseException.of(where(table), "read the labels of frame " + frame, e);
        }
    }

    @Override
    public ProjectLabels labels() {
        return new ProjectLabels(this, new ProjectLabels.Layers() {
            @Override
            public Optional<LabelImage> read(String layer, int frame) throws IOException {
                return layer(layer, frame);
            }

            @Override
            public String place(String layer) {
                return where(layer + "_labels") + " ";
            }

            @Override
            public String frameName(int frame) {
                return "frame " + frame;
            }

            @Override
            public IOException refusal(String problem) {
                return new DatabaseException(address.toString(), problem);
            }
        });
    }

    /**
     * The session saved in the project: human and automatic labels, the labelled samples in the order they
     * were stored, and where the loop continues.
     */
    @Override
    public ProjectStore.Resumed resume(Video frames, FlowCache flow, LabelSequence groundTruth) throws IOException {
        if (frames.frameCount() != video.frameCount() || frames.width() != video.width()
                || frames.height() != video.height()) {
            throw new DatabaseException(address.toString(), "the project was made for " + video.frameCount()
                    + " frames of " + video.width() + "x" + video.height() + ", but " + frames.name() + " has "
                    + frames.frameCount() + " of " + frames.width() + "x" + frames.height());
        }
        LabelStore labels = readLabels();
        ClickLedger ledger = new ClickLedger();
        ledgerEntries().forEach(ledger::append); // before anyone listens: these are stored already
        VideoSession session = new VideoSession(frames, labelMap, labels, ledger, flow, groundTruth);
        ProjectStore.Continuation next = continuation();
        return new ProjectStore.Resumed(session, next.round(), next.pendingSamples());
    }

    /**
     * Stores every sample the session's ledger receives, as this user's run chose and labelled it: the sample
     * is taken ({@link SampleLeases#submitChosen}) and stored with the frame's human labels and its journal
     * record in one transaction. A sample the team labelled already (the trainer's {@link TeamAnnotator}
     * read it from here) is stored as it is.
     */
    @Override
    public void attach(VideoSession session) {
        SampleLeases leases = leases();
        session.ledger().addListener(entry -> {
            try {
                if (leases.isLabelled(entry.round(), entry.sample())) {
                    return;
                }
                leases.submitChosen(entry, session.labels().human(entry.sample().frameIndex()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store the sample in " + address + ": " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void attach(AnnotationLoop loop) {
        loop.addListener(new LoopListener() {
            @Override
            public void samplesChosen(int round, List<Sample> samples) {
                try {
                    journalChosen(round, samples);
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
            }

            @Override
            public void roundFinished(RoundReport report) {
                try {
                    journalRound(report);
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
            }
        });
    }

    /**
     * Replaces the project's checkpoint by the files of {@link #modelFolder} and the note beside it, in one
     * transaction. Owners only.
     */
    @Override
    public void checkpointSaved() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(modelFolder())) {
            try (Stream<Path> list = Files.list(modelFolder())) {
                for (Path file : (Iterable<Path>) list::iterator) {
                    if (Files.isRegularFile(file)) {
                        files.put(file.getFileName().toString(), Files.readAllBytes(file));
                    }
                }
            }
        }
        Path note = workFolder.resolve(CHECKPOINT_NOTE);
        if (Files.isRegularFile(note)) {
            files.put(NOTE_PREFIX + CHECKPOINT_NOTE, Files.readAllBytes(note));
        }
        replaceCheckpoint(files);
    }

    /** Replaces the project's checkpoint files (name to bytes) in one transaction. Owners only. */
    void replaceCheckpoint(Map<String, byte[]> files) throws IOException {
        try {
            SqlWork.inTransaction(connection, c -> {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM frameloop.checkpoint_files WHERE project_id = ?")) {
                    delete.setLong(1, id);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO frameloop.checkpoint_files (project_id, file, bytes) VALUES (?, ?, ?)")) {
                    for (Map.Entry<String, byte[]> file : files.entrySet()) {
                        insert.setLong(1, id);
                        insert.setString(2, file.getKey());
                        insert.setBytes(3, file.getValue());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw DatabaseException.of(where("checkpoint_files"), "store the model checkpoint", e);
        }
    }

    /** The project's checkpoint files by name (the note's name starts with {@value #NOTE_PREFIX}). */
    Map<String, byte[]> checkpointFiles() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT file, bytes FROM frameloop.checkpoint_files WHERE project_id = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    files.put(rows.getString(1), rows.getBytes(2));
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(where("checkpoint_files"), "read the model checkpoint", e);
        }
        return files;
    }

    /** Replaces the local model folder and note by the checkpoint kept in the database (none: both removed). */
    @Override
    public void fetchCheckpoint() throws IOException {
        Map<String, byte[]> files = checkpointFiles();
        WorkFolders.deleteRecursively(modelFolder());
        Files.deleteIfExists(workFolder.resolve(CHECKPOINT_NOTE));
        Files.createDirectories(modelFolder());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = file.getKey().startsWith(NOTE_PREFIX)
                    ? workFolder.resolve(file.getKey().substring(NOTE_PREFIX.length()))
                    : modelFolder().resolve(file.getKey());
            Files.write(target, file.getValue());
        }
    }

    /** The checkpoint's note, kept beside the model's files. */
    static final String CHECKPOINT_NOTE = ProjectStore.CHECKPOINT_NOTE;

    /** Marks the note among the checkpoint's files (a model's own file never starts with it). */
    static final String NOTE_PREFIX = "frameloop-note:";

    /**
     * Everything a copy carries ({@link ProjectContent}): the label PNGs as stored, and the journal's records
     * in the order a folder's journal has them: imports and edits made before any round's report first (in the
     * order stored), then round by round the chosen samples, the samples labelled (in the order stored), the
     * round's report and the imports and edits made after it.
     */
    @Override
    public ProjectContent content() throws IOException {
        try {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for all reads
            try {
                return SqlWork.inTransaction(connection, c -> contentOfSnapshot());
            } finally {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw DatabaseException.of(address.toString(), "read the project", e);
        }
    }

    private ProjectContent contentOfSnapshot() throws IOException {
        List<JsonObject> journal = new ArrayList<>();
        // imports and edits after a round's report (their round column) go after that report, the others first
        Map<Integer, List<JsonObject>> afterReport = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT kind, frame, detail::text, round FROM "
                + "frameloop.journal WHERE project_id = ? AND kind <> 'sample' ORDER BY id")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    JsonObject record;
                    if (rows.getString(1).equals("import")) {
                        JsonObject detail = rows.getString(3) == null ? new JsonObject()
                                : JsonParser.parseString(rows.getString(3)).getAsJsonObject();
                        record = JournalJson.importRecord(rows.getInt(2),
                                detail.has("source") ? detail.get("source").getAsString() : "unknown",
                                detail.has("pixels") ? detail.get("pixels").getAsInt() : 0);
                    } else {
                        record = JournalJson.editRecord(rows.getInt(2));
                    }
                    int round = rows.getInt(4);
                    if (rows.wasNull()) {
                        journal.add(record);
                    } else {
                        afterReport.computeIfAbsent(round, r -> new ArrayList<>()).add(record);
                    }
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(where("journal"), "read the journal", e);
        }
        Map<Integer, List<Sample>> chosen = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT round, frame, region::text FROM "
                + "frameloop.samples WHERE project_id = ? ORDER BY round, ordinal")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    chosen.computeIfAbsent(rows.getInt(1), r -> new ArrayList<>())
                            .add(sample(rows.getInt(2), rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(where("samples"), "read the chosen samples", e);
        }
        Map<Integer, List<LedgerEntry>> labelled = new TreeMap<>();
        for (LedgerEntry entry : ledgerEntries()) {
            labelled.computeIfAbsent(entry.round(), r -> new ArrayList<>()).add(entry);
        }
        Map<Integer, RoundReport> reports = new TreeMap<>();
        for (RoundReport report : roundReports()) {
            reports.put(report.round(), report);
        }
        java.util.SortedSet<Integer> rounds = new java.util.TreeSet<>(chosen.keySet());
        rounds.addAll(labelled.keySet());
        rounds.addAll(reports.keySet());
        for (int round : rounds) {
            if (chosen.containsKey(round)) {
                journal.add(JournalJson.chosenRecord(round, chosen.get(round)));
            }
            labelled.getOrDefault(round, List.of()).forEach(entry -> journal.add(JournalJson.sampleRecord(entry)));
            if (reports.containsKey(round)) {
                journal.add(JournalJson.roundLine(reports.get(round)));
            }
            journal.addAll(afterReport.getOrDefault(round, List.of()));
        }
        afterReport.keySet().removeAll(rounds);
        afterReport.values().forEach(journal::addAll);
        java.util.SortedMap<Integer, byte[]> human = pngs("human_labels");
        java.util.SortedMap<Integer, byte[]> auto = pngs("auto_labels");
        int autoRound = 0;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT coalesce(max(round), 0) FROM frameloop.auto_labels WHERE project_id = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                autoRound = row.getInt(1);
            }
        } catch (SQLException e) {
            throw DatabaseException.of(where("auto_labels"), "read the automatic labels' round", e);
        }
        Map<String, byte[]> checkpoint = new TreeMap<>(checkpointFiles());
        byte[] note = checkpoint.remove(NOTE_PREFIX + CHECKPOINT_NOTE);
        return new ProjectContent(video, labelMap, settings(), journal, human, auto, autoRound, checkpoint, note);
    }

    /** Each frame's PNG of {@code table}, checked, as stored. */
    private java.util.SortedMap<Integer, byte[]> pngs(String table) throws IOException {
        java.util.SortedMap<Integer, byte[]> pngs = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT frame, png FROM frameloop." + table + " WHERE project_id = ? ORDER BY frame")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    decode(table, rows.getInt(1), rows.getBytes(2));
                    pngs.put(rows.getInt(1), rows.getBytes(2));
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(where(table), "read the labels", e);
        }
        return pngs;
    }

    /**
     * Makes the project {@code address} names, owned by the connecting user, holding {@code content} exactly,
     * in one transaction: it appears whole or not at all. Every record of the journal is stored as the
     * connecting user's (row-level security allows nothing else); the annotator the record names is kept
     * beside it ({@code recorded_annotator}), with its time, clicks and seconds.
     *
     * @throws DatabaseException when a project of that name exists, the user may not create projects, or the
     *                           content cannot be stored (nothing of it is then)
     */
    public static void createCopy(ProjectAddress address, Credentials credentials, ProjectContent content)
            throws IOException {
        Connection connection = ProjectDatabase.connect(address, credentials);
        try {
            SqlWork.inTransaction(connection, c -> {
                long project;
                try (PreparedStatement create = c.prepareStatement(
                        "SELECT frameloop.create_project(?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
                    VideoInfo video = content.video();
                    create.setString(1, address.project());
                    create.setString(2, video.name());
                    create.setString(3, video.path());
                    create.setInt(4, video.frameCount());
                    create.setInt(5, video.width());
                    create.setInt(6, video.height());
                    create.setString(7, LabelMapJson.toJson(content.labelMap()));
                    create.setString(8, content.settings().toString());
                    try (ResultSet row = create.executeQuery()) {
                        row.next();
                        project = row.getLong(1);
                    }
                }
                new ProjectCopyWriter(c, project, credentials.user(), content).write();
                return null;
            });
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new DatabaseException(address.toString(), "a project named '" + address.project()
                        + "' exists already in " + address.server() + "; nothing was copied", e);
            }
            throw DatabaseException.of(address.toString(), "copy the project (nothing was copied)", e);
        } finally {
            ProjectDatabase.close(connection);
        }
    }

    /**
     * @throws DatabaseException naming the table and frame when the PNG is unreadable, of the wrong size, or
     *                           holds ids the label map lacks
     */
    LabelImage decode(String table, int frame, byte[] png) throws DatabaseException {
        String where = where(table) + " frame " + frame;
        LabelImage labels;
        try {
            labels = ImageCodec.decodeLabels(png, where);
        } catch (IOException e) {
            throw new DatabaseException(where, e.getMessage(), e);
        }
        if (labels.width() != video.width() || labels.height() != video.height()) {
            throw new DatabaseException(where, "labels of " + labels.width() + "x" + labels.height() + " for a video of "
                    + video.width() + "x" + video.height());
        }
        boolean[] allowed = LabelChecks.allowedIds(labelMap);
        for (byte id : labels.ids()) {
            if (!allowed[id & 0xFF]) {
                throw new DatabaseException(where, "class id " + (id & 0xFF) + " is not in the project's label map");
            }
        }
        return labels;
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (SQLException e) {
            throw DatabaseException.of(address.toString(), "close the connection", e);
        }
    }
}
