package org.frameloop.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.internal.io.JsonFields;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.ledger.ClickLedger;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.video.Video;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A project folder (docs/architecture.md, "The project folder"):
 * <pre>
 * project.json            versioned description: video (path, frames, size), label map file, settings
 * labelmap.json           the label map
 * labels/human/NNNNNN.png the user's work: 8-bit palette PNG, 255 = unlabeled
 * labels/auto/NNNNNN.png  the model's labels (derived: rebuilt by the next prediction)
 * ledger.jsonl            the journal ({@link Journal}): chosen samples, annotated samples, imports, edits, round reports
 * ledger.jsonl.bak        the journal as it was before the last session wrote to it
 * model/                  model checkpoints (derived: rebuilt by fine-tuning on the human labels)
 * cache/                  flow and other derived data (deletable)
 * project.lock(.json)     who writes the project now ({@link ProjectLock}: one writer per project)
 * </pre>
 * A project is opened for writing ({@link #open}, {@link #create}: the lock is taken, a second writer is refused
 * naming the holder) or read-only ({@link #openReadOnly}: no lock, nothing is written, problems are reported
 * in {@link #problems()} instead of refusing). Opening for writing refuses a journal that disagrees with the
 * human label files (missing or emptied while labels exist, a torn record that may have held clicks, labels
 * it records that are gone), naming the files: a resume never starts afresh over a person's clicks.
 * <p>
 * Every file but the journal is written atomically (temp file, fsync, rename); the journal is appended
 * and forced line by line, after the human label file it describes. A project is created in a staging
 * folder and renamed into place, so a crash never leaves half a project.
 * <p>
 * <b>Resume</b> ({@link #resume}) restores exactly: the human labels from their PNGs, the ledger
 * entries and their totals from the journal, the round to continue and the samples of that round chosen
 * but not yet annotated; the settings are in {@link #settings()}. The model and caches are not restored:
 * the loop fine-tunes on the human labels again, and caches refill. Human labels are never rebuilt or
 * dropped: an unreadable one stops the opening with a message naming it.
 */
public final class ProjectStore implements Project {

    /** Suffix of a sample's label file written before its journal record (see {@link #attach(VideoSession)}). */
    static final String IN_HAND_SUFFIX = ".in-hand";

    /** Version of the on-disk layout written by this code. */
    public static final int FORMAT_VERSION = 2;

    /** The oldest version this code opens (migrating it). */
    public static final int OLDEST_FORMAT_VERSION = 1;

    public static final String PROJECT_FILE = "project.json";
    public static final String LEDGER_FILE = "ledger.jsonl";
    private static final String FORMAT_NAME = "frameloop-project";
    private static final Pattern LABEL_FILE = Pattern.compile("(\\d{6})\\.png");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** A session restored from disk and where its loop continues ({@link AnnotationLoop#resumeAt}). */
    public record Resumed(VideoSession session, int round, List<Sample> pendingSamples) {
    }

    /**
     * Where a loop on this project continues, as the journal tells it: the round whose chosen samples are
     * not all annotated yet, with those samples, or else the round after the last one journaled (1 when none).
     */
    public record Continuation(int round, List<Sample> pendingSamples) {
        public Continuation {
            pendingSamples = List.copyOf(pendingSamples);
        }
    }

    private final Path folder;
    private final JsonObject description;
    private final VideoInfo video;
    private final LabelMap labelMap;
    private final Journal journal;
    private final long validJournalBytes;
    private final List<String> notes;
    private final List<String> problems;
    private final ProjectLock lock; // null when read-only
    private final Set<Integer> mentionedFrames; // frames the journal names: a human label file's frame must be one

    private ProjectStore(Path folder, JsonObject description, VideoInfo video, LabelMap labelMap, long validJournalBytes,
            List<String> notes, List<String> problems, ProjectLock lock, Set<Integer> mentionedFrames) {
        this.folder = folder;
        this.description = description;
        this.video = video;
        this.labelMap = labelMap;
        this.journal = new Journal(folder.resolve(LEDGER_FILE));
        this.validJournalBytes = validJournalBytes;
        this.notes = List.copyOf(notes);
        this.problems = List.copyOf(problems);
        this.lock = lock;
        this.mentionedFrames = new HashSet<>(mentionedFrames);
    }

    /** What a process that opens a project for writing without saying what it does is called in the lock. */
    public static final String DEFAULT_WRITER = "frameloop";

    /**
     * Creates a project whose video is described by the {@code frames} and {@code size} ("WxH") entries
     * of {@code settings}, the form the first project format used.
     *
     * @see #create(Path, VideoInfo, LabelMap, Map)
     */
    public static ProjectStore create(Path folder, LabelMap labelMap, Map<String, Object> settings) throws IOException {
        String[] size = String.valueOf(settings.getOrDefault("size", "")).split("x");
        if (size.length != 2 || !(settings.get("frames") instanceof Number frames)) {
            throw new IllegalArgumentException("settings need 'frames' and 'size' (WxH) to describe the video");
        }
        return create(folder, new VideoInfo(String.valueOf(settings.getOrDefault("video", "video")), null,
                frames.intValue(), Integer.parseInt(size[0]), Integer.parseInt(size[1])), labelMap, settings);
    }

    /**
     * Creates a project in {@code folder}, which must not exist, be empty, or hold a project with no
     * human work yet (its files are replaced). The project appears whole or not at all.
     *
     * @param settings what the project was made with: plugins, loop settings, ground truth (recorded so a
     *                 run can be resumed and reproduced)
     * @throws ProjectException when {@code folder} holds human labels or journaled samples, or other files
     */
    public static ProjectStore create(Path folder, VideoInfo video, LabelMap labelMap, Map<String, Object> settings)
            throws IOException {
        return create(folder, video, labelMap, settings, DEFAULT_WRITER);
    }

    /**
     * As {@link #create(Path, VideoInfo, LabelMap, Map)}, holding the project for writing as {@code writer}
     * ("cli run", "ide") until {@link #close}.
     */
    public static ProjectStore create(Path folder, VideoInfo video, LabelMap labelMap, Map<String, Object> settings,
            String writer) throws IOException {
        folder = folder.toAbsolutePath().normalize();
        refuseToReplaceWork(folder, writer);
        Path staging = folder.resolveSibling("." + folder.getFileName() + ".creating");
        deleteRecursively(staging);
        Files.createDirectories(staging.resolve("labels").resolve("human"));
        Files.createDirectories(staging.resolve("labels").resolve("auto"));
        Files.createDirectories(staging.resolve("model"));
        Files.createDirectories(staging.resolve("cache"));
        // locked while staged: the lock file's lock moves with the folder, so nobody opens it between
        ProjectLock lock = ProjectLock.acquire(staging, writer);
        try {
            return createStaged(folder, staging, video, labelMap, settings, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static ProjectStore createStaged(Path folder, Path staging, VideoInfo video, LabelMap labelMap,
            Map<String, Object> settings, ProjectLock lock) throws IOException {
        JsonObject project = new JsonObject();
        project.addProperty("format", FORMAT_NAME);
        project.addProperty("formatVersion", FORMAT_VERSION);
        project.addProperty("created", Instant.now().toString());
        project.add("video", GSON.toJsonTree(video));
        project.addProperty("labelMap", "labelmap.json");
        project.add("settings", GSON.toJsonTree(settings));
        LabelMapJson.write(staging.resolve("labelmap.json"), labelMap);
        AtomicFiles.writeString(staging.resolve(LEDGER_FILE), "");
        AtomicFiles.writeString(staging.resolve(PROJECT_FILE), GSON.toJson(project) + "\n");
        if (Files.isDirectory(folder)) {
            Files.delete(folder); // empty, checked above
        }
        Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        lock.movedTo(folder);
        forceDirectory(folder.getParent());
        return new ProjectStore(folder, project, video, labelMap, 0, List.of(), List.of(), lock, Set.of());
    }

    private static void refuseToReplaceWork(Path folder, String writer) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        if (Files.exists(folder.resolve(PROJECT_FILE))) {
            try (ProjectLock existing = ProjectLock.acquire(folder, writer)) { // nobody may have it open meanwhile
                boolean hasHumanLabels;
                try (Stream<Path> files = list(folder.resolve("labels").resolve("human"))) {
                    hasHumanLabels = files.anyMatch(f -> LABEL_FILE.matcher(f.getFileName().toString()).matches());
                }
                Path ledger = folder.resolve(LEDGER_FILE);
                if (hasHumanLabels || (Files.exists(ledger) && Files.size(ledger) > 0)) {
                    throw new ProjectException(folder, "already holds a project with human labels; continue it with "
                            + "--resume, or choose another folder (nothing was changed)");
                }
                for (String item : List.of(PROJECT_FILE, "labelmap.json", LEDGER_FILE, LEDGER_FILE + Journal.BACKUP_SUFFIX,
                        "labels", "model", "cache")) {
                    deleteRecursively(folder.resolve(item));
                }
            }
            Files.deleteIfExists(folder.resolve(ProjectLock.LOCK_FILE)); // released above; the new project has its own
        }
        try (Stream<Path> rest = Files.list(folder)) {
            if (rest.findAny().isPresent()) {
                throw new ProjectException(folder, "is not empty and holds no project; choose an empty or new folder");
            }
        }
    }

    /**
     * Opens an existing project: reads and checks {@code project.json}, migrates a project of an older
     * format (keeping the original as {@code project.json.v<N>}), reads the label map and the journal. Human
     * label files are checked when they are read ({@link #readLabels}).
     *
     * @throws ProjectException naming the file and saying what is wrong when the project cannot be opened:
     *                          no project, damaged or truncated project.json, a format newer than this
     *                          build, paths leading outside the project, a damaged journal
     */
    public static ProjectStore open(Path folder) throws IOException {
        return open(folder, DEFAULT_WRITER);
    }

    /**
     * Opens a project for writing as {@code writer} ("cli run", "cli export", "ide"): see {@link #open(Path)};
     * the project is held until {@link #close}.
     *
     * @throws ProjectException also when another writer holds the project (naming it), and when the journal
     *                          disagrees with the human label files (naming both)
     */
    public static ProjectStore open(Path folder, String writer) throws IOException {
        return open(folder, writer, false);
    }

    /**
     * Opens a project to read it, whoever writes it: no lock is taken and nothing is written (an older format
     * is migrated in memory only). What opening for writing would refuse is in {@link #problems()}; every
     * method that writes throws.
     */
    public static ProjectStore openReadOnly(Path folder) throws IOException {
        return open(folder, null, true);
    }

    private static ProjectStore open(Path folder, String writer, boolean readOnly) throws IOException {
        folder = folder.toAbsolutePath().normalize();
        Path file = folder.resolve(PROJECT_FILE);
        if (!Files.isRegularFile(file)) {
            throw new ProjectException(folder, "no " + PROJECT_FILE + " here; not a Frameloop project folder");
        }
        ProjectLock lock = readOnly ? null : ProjectLock.acquire(folder, writer);
        try {
            return open(folder, file, lock);
        } catch (IOException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    private static ProjectStore open(Path folder, Path file, ProjectLock lock) throws IOException {
        boolean readOnly = lock == null;
        JsonObject project = parseProjectFile(file);
        List<String> notes = new ArrayList<>();
        int version = project.get("formatVersion").getAsInt();
        if (version > FORMAT_VERSION) {
            throw new ProjectException(file, "written by a newer Frameloop (project format " + version
                    + "); this build reads formats " + OLDEST_FORMAT_VERSION + " to " + FORMAT_VERSION
                    + ". Open it with that newer version; nothing was changed");
        }
        if (version < OLDEST_FORMAT_VERSION) {
            throw new ProjectException(file, "project format " + version + " is not one Frameloop ever wrote");
        }
        if (version < FORMAT_VERSION && readOnly) {
            project = ProjectMigration.migrated(folder, file, project, version);
            notes.add("read as format " + FORMAT_VERSION + " (" + PROJECT_FILE + " is format " + version
                    + "; it is migrated when the project is opened for writing)");
        } else if (version < FORMAT_VERSION) {
            project = ProjectMigration.migrate(folder, file, project, version);
            notes.add("migrated " + PROJECT_FILE + " from format " + version + " to " + FORMAT_VERSION + " (the original is "
                    + PROJECT_FILE + ".v" + version + ")");
        }
        VideoInfo video = videoInfo(file, project.get("video"));
        Path labelMapFile = inside(folder, file, "labelMap", stringOr(project, "labelMap", "labelmap.json"));
        LabelMap labelMap = LabelMapJson.read(labelMapFile);
        Path ledger = folder.resolve(LEDGER_FILE);
        Journal.Content journal = Journal.read(ledger, video);
        if (!readOnly) {
            settleLabelsInHand(folder, journal, notes);
        }
        List<String> problems = JournalAgreement.problems(ledger, journal,
                labelFiles(folder, "human", video.frameCount()));
        if (journal.tornTail() && !journal.tornTailMayHoldClicks()) {
            notes.add(LEDGER_FILE + " ended in a torn line " + journal.tornLine() + " (a crash while journaling a "
                    + "chosen or round record, which holds no clicks); it is dropped");
        }
        if (!readOnly && !problems.isEmpty()) {
            throw new ProjectException(ledger, String.join(" ", problems) + " Nothing was changed; "
                    + "'frameloop project check --project " + folder + "' reports what it finds");
        }
        if (lock != null) {
            lock.takeover().ifPresent(notes::add);
            removeLeftoverTemporaryFiles(folder).ifPresent(notes::add);
        }
        return new ProjectStore(folder, project, video, labelMap, journal.validBytes(), notes, problems, lock,
                journal.mentionedFrames());
    }

    private static JsonObject parseProjectFile(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ProjectException(file, "is not valid JSON: it holds bytes that are not UTF-8 text (damaged, or "
                    + "overwritten by another file?). Nothing was changed; restore it from a copy", e);
        }
        JsonObject project;
        try {
            JsonElement root = JsonParser.parseString(text);
            if (!root.isJsonObject()) {
                throw new JsonParseException("expected a JSON object");
            }
            project = root.getAsJsonObject();
        } catch (JsonParseException e) {
            String backup = Files.exists(file.resolveSibling(PROJECT_FILE + ".bak"))
                    ? " A backup is in " + PROJECT_FILE + ".bak."
                    : "";
            String where = JsonFields.position(e);
            throw new ProjectException(file, "is not valid JSON" + (where.isEmpty() ? "" : " at " + where)
                    + " (truncated or edited by hand?). Nothing was changed; restore it from a copy." + backup, e);
        }
        if (!project.has("format") || !FORMAT_NAME.equals(project.get("format").getAsString())) {
            throw new ProjectException(file, "is not a Frameloop project description (\"format\" should be \""
                    + FORMAT_NAME + "\")");
        }
        try {
            JsonFields.wholeNumber(project, "formatVersion");
        } catch (IllegalArgumentException e) {
            throw new ProjectException(file, e.getMessage() + " (the project format; this build writes "
                    + FORMAT_VERSION + "). Nothing was changed", e);
        }
        return project;
    }

    /** project.json's "video" entry, each member checked so that a wrong one is named. */
    private static VideoInfo videoInfo(Path file, JsonElement entry) throws ProjectException {
        if (entry == null || !entry.isJsonObject()) {
            throw new ProjectException(file, "the \"video\" entry {name, path, frameCount, width, height} is missing. "
                    + "Nothing was changed");
        }
        JsonObject json = entry.getAsJsonObject();
        try {
            return new VideoInfo(JsonFields.optionalText(json, "name"), JsonFields.optionalText(json, "path"),
                    JsonFields.wholeNumber(json, "frameCount"), JsonFields.wholeNumber(json, "width"),
                    JsonFields.wholeNumber(json, "height"));
        } catch (IllegalArgumentException e) {
            throw new ProjectException(file, "the \"video\" entry is invalid: " + e.getMessage() + ". Nothing was changed", e);
        }
    }

    /** A path from project.json that must name something inside the project folder. */
    static Path inside(Path folder, Path file, String key, String relative) throws ProjectException {
        Path resolved = folder.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !resolved.startsWith(folder)) {
            throw new ProjectException(file, "\"" + key + "\" is '" + relative + "', which points outside the project "
                    + "folder; project files must stay inside it. Nothing was changed");
        }
        return resolved;
    }

    private static String stringOr(JsonObject json, String key, String fallback) {
        return json.has(key) && json.get(key).isJsonPrimitive() ? json.get(key).getAsString() : fallback;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public String location() {
        return folder.toString();
    }

    /** The project folder: its model and caches are kept in it. */
    @Override
    public Path workFolder() {
        return folder;
    }

    public Path modelFolder() {
        return folder.resolve("model");
    }

    public Path cacheFolder() {
        return folder.resolve("cache");
    }

    public VideoInfo video() {
        return video;
    }

    public LabelMap labelMap() {
        return labelMap;
    }

    /** The settings the project was created with, as recorded in project.json. */
    public JsonObject settings() {
        JsonElement settings = description.get("settings");
        return settings != null && settings.isJsonObject() ? settings.getAsJsonObject().deepCopy() : new JsonObject();
    }

    /** The video's frames (folder or file), resolved against the project folder; empty when not recorded. */
    public Optional<Path> videoPath() {
        return video.path() == null ? Optional.empty() : Optional.of(folder.resolve(video.path()).normalize());
    }

    /** What opening repaired or migrated, for the user (empty when nothing). */
    public List<String> notes() {
        return notes;
    }

    /**
     * What is wrong with the project that opening it for writing refuses (the journal and the human label
     * files disagree), each naming the files; always empty for a project opened for writing.
     */
    public List<String> problems() {
        return problems;
    }

    /** Whether this store was opened with {@link #openReadOnly}. */
    public boolean readOnly() {
        return lock == null;
    }

    private void requireWritable() throws ProjectException {
        if (lock == null) {
            throw new ProjectException(folder, "was opened read-only; nothing can be written to it");
        }
    }

    /** Appends a record, forced to disk, and notes the frames it names. */
    private void append(JsonObject record, List<Integer> frames) throws IOException {
        requireWritable();
        journal.append(record, validJournalBytes);
        synchronized (mentionedFrames) {
            mentionedFrames.addAll(frames);
        }
    }

    /** What the journal holds now (re-read from disk). */
    Journal.Content journalContent() throws IOException {
        return Journal.read(folder.resolve(LEDGER_FILE), video);
    }

    /** The ledger entries journaled so far, in order. */
    public List<LedgerEntry> ledgerEntries() throws IOException {
        return journalContent().samples();
    }

    /**
     * The reports of the rounds finished so far, by round (0 first), as journaled at each round's end; each
     * report's samples are the samples annotated in that round. Empty for projects from before round lines.
     */
    public List<RoundReport> roundReports() throws IOException {
        Journal.Content content = journalContent();
        List<RoundReport> reports = new ArrayList<>();
        for (RoundReport r : content.reportsByRound().values()) {
            List<Sample> annotated = content.samples().stream().filter(e -> e.round() == r.round())
                    .map(LedgerEntry::sample).toList();
            reports.add(new RoundReport(r.round(), annotated, r.roundClicks(), r.totalClicks(), r.frameByFrameClicks(),
                    r.miou(), r.perClassIou(), r.estimatedQuality(), r.humanPixelShare(), r.candidateCount(),
                    r.timings()).withWarnings(r.warnings()));
        }
        return reports;
    }

    /** Journals a finished round's report (forced to disk), so a reopened project shows its history. */
    public void journalRound(RoundReport report) throws IOException {
        append(JournalJson.roundLine(report), List.of());
    }

    /**
     * Journals every ledger entry of {@code session} as it arrives and saves the frame's human labels
     * right before, so a crash loses at most the sample in hand.
     */
    public void attach(VideoSession session) {
        session.ledger().addListener(entry -> {
            try {
                // the journal record is the commit: the labels wait beside their file until it is forced to
                // disk, so a crash between the two leaves either both or neither (settleLabelsInHand)
                int frame = entry.sample().frameIndex();
                Path aside = labelFileInHand(frame);
                writeHumanLabels(frame, session.labels().human(frame), session.labelMap(), aside);
                journal(entry);
                Files.move(aside, labelFile("human", frame), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save the annotation to " + folder + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Journals each round's chosen samples before they are annotated, so a resumed session finishes the
     * round with exactly those samples, and each finished round's report. Attach the loop's session too
     * ({@link #attach(VideoSession)}).
     */
    public void attach(AnnotationLoop loop) {
        loop.addListener(new LoopListener() {
            @Override
            public void samplesChosen(int round, List<Sample> samples) {
                try {
                    journalChosen(round, samples);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot journal round " + round + " to " + folder + ": "
                            + e.getMessage(), e);
                }
            }

            @Override
            public void roundFinished(RoundReport report) {
                try {
                    journalRound(report);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot journal the report of round " + report.round() + " to "
                            + folder + ": " + e.getMessage(), e);
                }
            }
        });
    }

    /** Journals the samples chosen for {@code round}, before any of them is annotated. */
    public void journalChosen(int round, List<Sample> samples) throws IOException {
        append(Journal.chosenLine(round, samples), samples.stream().map(Sample::frameIndex).toList());
    }

    /** Appends one annotated sample to ledger.jsonl and forces it to disk. */
    public void journal(LedgerEntry entry) throws IOException {
        append(Journal.sampleLine(entry), List.of(entry.sample().frameIndex()));
    }

    /**
     * Saves a frame's human labels (atomic). A frame the journal does not name yet gets an edit record first,
     * so every human label file is accounted for by the journal, and a lost journal is noticed.
     */
    public void writeHumanLabels(int frame, LabelStore labels, LabelMap labelMap) throws IOException {
        writeHumanLabels(frame, labels.human(frame), labelMap);
    }

    private void writeHumanLabels(int frame, LabelImage human, LabelMap labelMap) throws IOException {
        writeHumanLabels(frame, human, labelMap, labelFile("human", frame));
    }

    private void writeHumanLabels(int frame, LabelImage human, LabelMap labelMap, Path file) throws IOException {
        requireWritable();
        synchronized (mentionedFrames) {
            if (!mentionedFrames.contains(frame)) {
                append(Journal.editLine(frame), List.of(frame));
            }
        }
        ImageCodec.writeLabels(file, human, labelMap);
    }

    /** Where a sample's labels wait until its journal record is on disk. */
    private Path labelFileInHand(int frame) {
        Path file = labelFile("human", frame);
        return file.resolveSibling(file.getFileName() + IN_HAND_SUFFIX);
    }

    /**
     * After a crash, a sample's labels waiting beside their file ({@link #attach(VideoSession)}) are moved in
     * when the journal's last sample record is theirs (the record was forced, the move was not: the sample
     * was done) and deleted otherwise (the sample was in hand: it was never counted, and the resumed loop
     * asks for it again, pricing it like the first time).
     */
    private static void settleLabelsInHand(Path folder, Journal.Content journal, List<String> notes) throws IOException {
        Path human = folder.resolve("labels").resolve("human");
        if (!Files.isDirectory(human)) {
            return;
        }
        List<Path> waiting;
        try (java.util.stream.Stream<Path> files = Files.list(human)) {
            waiting = files.filter(f -> f.getFileName().toString().endsWith(".png" + IN_HAND_SUFFIX)).sorted().toList();
        }
        LedgerEntry last = journal.samples().isEmpty() ? null : journal.samples().get(journal.samples().size() - 1);
        for (Path aside : waiting) {
            String name = aside.getFileName().toString();
            Path file = aside.resolveSibling(name.substring(0, name.length() - IN_HAND_SUFFIX.length()));
            int frame;
            try {
                frame = Integer.parseInt(file.getFileName().toString().replace(".png", ""));
            } catch (NumberFormatException e) {
                continue;
            }
            if (last != null && last.sample().frameIndex() == frame && !holdsRegion(file, last.sample())) {
                Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                notes.add("the labels of the last journaled sample (frame " + frame + ") were moved into " + file
                        + " (the process stopped between journaling and saving them)");
            } else {
                Files.delete(aside);
                notes.add("the labels of a sample in hand when the process stopped (frame " + frame
                        + ") were dropped: that sample was not journaled and is asked for again");
            }
        }
    }

    private static boolean holdsRegion(Path file, Sample sample) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        LabelImage labels = ImageCodec.readLabels(file);
        byte[] ids = labels.ids();
        for (int pixel : sample.region().pixelIndices(labels.width())) {
            if (ids[pixel] == (byte) LabelImage.UNLABELED) {
                return false;
            }
        }
        return true;
    }

    public void writeAutoLabels(int frame, LabelStore labels, LabelMap labelMap) throws IOException {
        requireWritable();
        ImageCodec.writeLabels(labelFile("auto", frame), labels.auto(frame), labelMap);
    }

    /** Writes every frame's automatic labels, file by file (each atomic). */
    @Override
    public void replaceAutoLabels(int round, LabelStore labels) throws IOException {
        for (int f = 0; f < video.frameCount(); f++) {
            writeAutoLabels(f, labels, labelMap);
        }
    }

    /** Writes every frame's automatic labels (and human ones where present). */
    public void writeAllLabels(VideoSession session) throws IOException {
        for (int f = 0; f < session.frameCount(); f++) {
            writeAutoLabels(f, session.labels(), session.labelMap());
            if (session.labels().hasHuman(f)) {
                writeHumanLabels(f, session.labels(), session.labelMap());
            }
        }
    }

    public Path labelFile(String layer, int frame) {
        return folder.resolve("labels").resolve(layer).resolve(String.format("%06d.png", frame));
    }

    /**
     * Reads the saved labels: every human label file (checked: size, ids in the label map, frame in
     * range) and the automatic ones that are readable (a damaged automatic file is skipped: the next
     * prediction rewrites it).
     *
     * @throws ProjectException naming the human label file that cannot be used
     */
    public LabelStore readLabels() throws IOException {
        LabelStore store = new LabelStore(video.frameCount(), video.width(), video.height());
        Region whole = new Region.WholeFrame(video.width(), video.height());
        for (Map.Entry<Integer, Path> file : labelFiles("human").entrySet()) {
            store.putHuman(file.getKey(), whole, checkedLabels(file.getValue()));
        }
        for (Map.Entry<Integer, Path> file : labelFiles("auto").entrySet()) {
            try {
                store.putAuto(file.getKey(), checkedLabels(file.getValue()));
            } catch (IOException e) {
                // derived data: rebuilt by the next prediction
            }
        }
        return store;
    }

    /** Label files of a layer by frame index; temporary files of interrupted writes are ignored. */
    java.util.SortedMap<Integer, Path> labelFiles(String layer) throws IOException {
        return labelFiles(folder, layer, video.frameCount());
    }

    static java.util.SortedMap<Integer, Path> labelFiles(Path folder, String layer, int frameCount)
            throws IOException {
        java.util.SortedMap<Integer, Path> files = new java.util.TreeMap<>();
        try (Stream<Path> entries = list(folder.resolve("labels").resolve(layer))) {
            for (Path file : (Iterable<Path>) entries::iterator) {
                Matcher matcher = LABEL_FILE.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    int frame = Integer.parseInt(matcher.group(1));
                    if (frame >= frameCount) {
                        throw new ProjectException(file, "frame " + frame + " does not exist: the video has "
                                + frameCount + " frames");
                    }
                    files.put(frame, file);
                }
            }
        }
        return files;
    }

    /**
     * Reads a label PNG and checks it against the project.
     *
     * @throws ProjectException naming the file when it is unreadable, of the wrong size, or holds ids the
     *                          label map does not have
     */
    public LabelImage checkedLabels(Path file) throws IOException {
        LabelImage labels;
        try {
            labels = ImageCodec.readLabels(file);
        } catch (IOException e) {
            throw new ProjectException(file, "cannot be read as a label image (" + message(e, file) + ")", e);
        }
        LabelChecks.check(file, labels, video.width(), video.height(), labelMap);
        return labels;
    }

    private static String message(IOException e, Path file) {
        String text = e.getMessage();
        return text != null && text.startsWith(file + ": ") ? text.substring(file.toString().length() + 2) : text;
    }

    /**
     * Restores the session saved in this project for {@code video} (see the class comment for what is
     * restored) and says where its loop continues. Attach the returned session and its loop
     * ({@link #attach(VideoSession)}, {@link #attach(AnnotationLoop)}) and call {@link AnnotationLoop#resumeAt}
     * with the returned round and samples.
     *
     * @throws ProjectException when the video does not match the project, or a human label file is damaged
     */
    public Resumed resume(Video frames, FlowCache flow, LabelSequence groundTruth) throws IOException {
        if (frames.frameCount() != video.frameCount() || frames.width() != video.width()
                || frames.height() != video.height()) {
            throw new ProjectException(folder.resolve(PROJECT_FILE), "the project was made for " + video.frameCount()
                    + " frames of " + video.width() + "x" + video.height() + ", but " + frames.name() + " has "
                    + frames.frameCount() + " of " + frames.width() + "x" + frames.height());
        }
        requireWritable();
        LabelStore labels = readLabels();
        Journal.Content content = journalContent();
        ClickLedger ledger = new ClickLedger();
        content.samples().forEach(ledger::append); // before anyone listens: these are on disk already
        VideoSession session = new VideoSession(frames, labelMap, labels, ledger, flow, groundTruth);
        Continuation next = continuation(content);
        return new Resumed(session, next.round(), next.pendingSamples());
    }

    /** Where a loop on this project continues (re-read from the journal); see {@link Continuation}. */
    public Continuation continuation() throws IOException {
        return continuation(journalContent());
    }

    private static Continuation continuation(Journal.Content content) {
        int last = content.lastRound();
        List<Sample> pending = new ArrayList<>(content.chosenByRound().getOrDefault(last, List.of()));
        for (LedgerEntry entry : content.samples()) {
            if (entry.round() == last) {
                pending.remove(entry.sample());
            }
        }
        int round = pending.isEmpty() ? last + 1 : last;
        return new Continuation(Math.max(1, round), pending);
    }

    /**
     * Adds masks as human labels: every frame of {@code masks} is checked first (size, ids in the label
     * map), and only then are label files written, so a bad mask leaves the project untouched. Existing
     * human labels win where both have a label; each imported frame is journaled.
     *
     * @param source a name for the journal (the mask folder, say)
     * @return the number of pixels that received a human label
     * @throws ProjectException naming the first mask that cannot be used
     */
    public long importHumanLabels(LabelSequence masks, String source, IProgressMonitor monitor) throws IOException {
        if (masks.frameCount() != video.frameCount()) {
            throw new ProjectException(Path.of(source), masks.frameCount() + " masks for a video of "
                    + video.frameCount() + " frames; every frame needs one (an all-255 mask for frames without labels)");
        }
        requireWritable();
        SubMonitor progress = SubMonitor.convert(monitor, "Importing masks from " + source, 2 * masks.frameCount());
        for (int f = 0; f < masks.frameCount(); f++) {
            progress.checkCanceled();
            LabelChecks.check(Path.of(source), readMask(masks, f), video.width(), video.height(), labelMap);
            progress.worked(1);
        }
        LabelStore labels = readLabels();
        long written = 0;
        for (int f = 0; f < masks.frameCount(); f++) {
            progress.checkCanceled();
            LabelImage mask = readMask(masks, f);
            LabelImage existing = labels.human(f);
            byte[] ids = existing.ids();
            int pixels = 0;
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] == (byte) LabelImage.UNLABELED && mask.ids()[i] != (byte) LabelImage.UNLABELED) {
                    ids[i] = mask.ids()[i];
                    pixels++;
                }
            }
            if (pixels > 0) {
                writeHumanLabels(f, existing, labelMap);
                append(Journal.importLine(f, source, pixels), List.of(f));
                written += pixels;
            }
            progress.worked(1);
        }
        return written;
    }

    private static LabelImage readMask(LabelSequence masks, int frame) throws IOException {
        try {
            return masks.labels(frame);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Everything a copy carries ({@link ProjectContent}): the journal's records as written, the label files'
     * bytes, the checkpoint's files and its note.
     */
    @Override
    public ProjectContent content() throws IOException {
        java.util.SortedMap<Integer, byte[]> human = new java.util.TreeMap<>();
        for (Map.Entry<Integer, Path> file : labelFiles("human").entrySet()) {
            checkedLabels(file.getValue());
            human.put(file.getKey(), Files.readAllBytes(file.getValue()));
        }
        java.util.SortedMap<Integer, byte[]> auto = new java.util.TreeMap<>();
        for (Map.Entry<Integer, Path> file : labelFiles("auto").entrySet()) {
            if (Files.size(file.getValue()) > 0) {
                auto.put(file.getKey(), Files.readAllBytes(file.getValue()));
            }
        }
        Map<String, byte[]> checkpoint = new java.util.TreeMap<>();
        try (Stream<Path> files = list(modelFolder())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    checkpoint.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        Path note = folder.resolve(CHECKPOINT_NOTE);
        List<RoundReport> reports = roundReports();
        int autoRound = reports.isEmpty() ? 0 : reports.get(reports.size() - 1).round();
        return new ProjectContent(video, labelMap, settings(), Journal.records(folder.resolve(LEDGER_FILE)), human, auto,
                autoRound, checkpoint, Files.isRegularFile(note) ? Files.readAllBytes(note) : null);
    }

    /** The note beside the checkpoint of which labels it learnt (written by the run assembly). */
    public static final String CHECKPOINT_NOTE = "model-state.json";

    /**
     * Makes a project folder holding {@code content} exactly (label files and journal records byte for byte),
     * built in a staging folder and renamed into place: it appears whole or not at all. The folder must not
     * exist, or be empty.
     *
     * @throws ProjectException when {@code folder} holds anything; nothing was changed
     */
    public static void createCopy(Path folder, ProjectContent content) throws IOException {
        folder = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> rest = Files.list(folder)) {
                if (rest.findAny().isPresent()) {
                    throw new ProjectException(folder, "is not empty; a copy goes into a new or empty folder "
                            + "(nothing was copied)");
                }
            }
        } else if (Files.exists(folder)) {
            throw new ProjectException(folder, "is a file; a copy goes into a new or empty folder (nothing was copied)");
        }
        Path staging = folder.resolveSibling("." + folder.getFileName() + ".copying");
        deleteRecursively(staging);
        try {
            Files.createDirectories(staging.resolve("labels").resolve("human"));
            Files.createDirectories(staging.resolve("labels").resolve("auto"));
            Files.createDirectories(staging.resolve("model"));
            Files.createDirectories(staging.resolve("cache"));
            JsonObject project = new JsonObject();
            project.addProperty("format", FORMAT_NAME);
            project.addProperty("formatVersion", FORMAT_VERSION);
            project.addProperty("created", Instant.now().toString());
            project.add("video", GSON.toJsonTree(content.video()));
            project.addProperty("labelMap", "labelmap.json");
            project.add("settings", content.settings());
            LabelMapJson.write(staging.resolve("labelmap.json"), content.labelMap());
            for (Map.Entry<Integer, byte[]> file : content.humanLabels().entrySet()) {
                AtomicFiles.write(staging.resolve("labels").resolve("human").resolve(String.format("%06d.png", file.getKey())),
                        out -> out.write(file.getValue()));
            }
            for (Map.Entry<Integer, byte[]> file : content.autoLabels().entrySet()) {
                AtomicFiles.write(staging.resolve("labels").resolve("auto").resolve(String.format("%06d.png", file.getKey())),
                        out -> out.write(file.getValue()));
            }
            for (Map.Entry<String, byte[]> file : content.checkpoint().entrySet()) {
                AtomicFiles.write(staging.resolve("model").resolve(file.getKey()), out -> out.write(file.getValue()));
            }
            if (content.checkpointNote() != null) {
                AtomicFiles.write(staging.resolve(CHECKPOINT_NOTE), out -> out.write(content.checkpointNote()));
            }
            Journal.writeNew(staging.resolve(LEDGER_FILE), content.journal());
            AtomicFiles.writeString(staging.resolve(PROJECT_FILE), GSON.toJson(project) + "\n");
            if (Files.isDirectory(folder)) {
                Files.delete(folder); // empty, checked above
            }
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(folder.getParent());
        } catch (IOException | RuntimeException e) {
            deleteRecursively(staging);
            throw e;
        }
    }

    /** The project's labels for exporters: merged, human and automatic layers, read frame by frame. */
    public ProjectLabels labels() {
        return new ProjectLabels(this, new ProjectLabels.Layers() {
            @Override
            public Optional<LabelImage> read(String layer, int frame) throws IOException {
                Path file = labelFile(layer, frame);
                if (!Files.exists(file) || Files.size(file) == 0) {
                    return Optional.empty();
                }
                return Optional.of(checkedLabels(file));
            }

            @Override
            public String place(String layer) {
                return "labels/" + layer + "/";
            }

            @Override
            public String frameName(int frame) {
                return String.format("%06d.png", frame);
            }

            @Override
            public IOException refusal(String problem) {
                return new ProjectException(folder.resolve("labels").resolve("auto"), problem);
            }
        });
    }

    @Override
    public void close() throws IOException {
        try {
            journal.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private static Stream<Path> list(Path directory) throws IOException {
        return Files.isDirectory(directory) ? Files.list(directory) : Stream.empty();
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Makes a rename inside {@code directory} durable (Linux: fsync on the directory). */
    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not supported on every platform; the rename itself is still atomic
        }
    }

    /**
     * Deletes what interrupted atomic writes (a killed export or save) left behind; only the writer may, as
     * another writer's temporary files would be in use.
     *
     * @return a note for the user when there were any
     */
    private static Optional<String> removeLeftoverTemporaryFiles(Path folder) throws IOException {
        List<Path> leftovers = leftoverTemporaryFiles(folder);
        for (Path leftover : leftovers) {
            Files.deleteIfExists(leftover); // never referenced: the rename that would have made it a file never ran
        }
        return leftovers.isEmpty() ? Optional.empty()
                : Optional.of("removed " + leftovers.size() + " temporary file(s) left by an interrupted write ("
                        + folder.relativize(leftovers.get(0)) + (leftovers.size() > 1 ? ", ..." : "") + ")");
    }

    /** Temporary files that interrupted atomic writes left behind (names start with '.' and end in .tmp). */
    static List<Path> leftoverTemporaryFiles(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(".") && name.endsWith(".tmp");
            }).forEach(found::add);
        }
        return found;
    }
}
