package org.frameloop.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.internal.io.JsonFields;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Sample;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * {@code ledger.jsonl}: the project's append-only journal, one JSON object per line, each line forced to
 * disk before the next step of the loop. Four kinds of line:
 * <pre>
 * {"kind":"chosen","round":3,"samples":[{"frame":2,"region":{...}}, ...]}   the selector's pick, before annotating
 * {"kind":"sample","round":3,"frame":2,"region":{...},"clicks":14,"seconds":0.0,"annotator":"simulated","time":"..."}
 * {"kind":"import","frame":5,"source":"masks/000005.png","pixels":1234}   a mask imported as human labels
 * {"kind":"edit","frame":4}   a person's labels saved outside a journaled sample (journaled before the file)
 * {"kind":"round","round":3,"roundClicks":40,"totalClicks":120,"frameByFrameClicks":9000,"miou":0.61,
 *  "perClassIou":[0.9,null],"estimatedQuality":0.8,"humanPixelShare":0.04,"candidates":64,
 *  "millis":{"select":5,"annotate":60000,"fineTune":900,"predict":300,"evaluate":20},
 *  "warnings":["selector 'x' from org.example failed in round 3 (...); ..."]}   a finished round's report
 *  (warnings only when there were any)
 * </pre>
 * Lines without {@code kind} (project format 1) are samples. Round lines came later (journals without them
 * read as before); a number that is unknown (mIoU without ground truth) is left out or null. A round
 * reported again (a restarted loop reports the state it starts from under the last round's number) keeps
 * its latest line. A crash can only leave the last line torn (no newline, or not JSON): reading sets it
 * aside and says so ({@link Content#tornTail}); whether the project may go on without it is the store's call.
 * <p>
 * Every line ends in {@code "crc":"xxxxxxxx"}, the CRC32 of the line's JSON without it, checked on reading;
 * lines written before checksums have none and are read as they are. Before the first write of a session the
 * journal is copied to {@value #BACKUP_SUFFIX} beside it, so a journal damaged later can be restored.
 */
final class Journal implements AutoCloseable {

    /**
     * Everything the journal says, in order.
     *
     * @param mentionedFrames frames any record names (chosen, annotated, imported, edited)
     * @param records         the number of complete records
     * @param tornText        the start of a torn last line, null when the journal ends cleanly
     * @param tornLine        the line number of the torn line (0 when none)
     */
    record Content(List<LedgerEntry> samples, Map<Integer, List<Sample>> chosenByRound, List<Integer> importedFrames,
            Map<Integer, RoundReport> reportsByRound, Set<Integer> mentionedFrames, int records, long validBytes,
            String tornText, int tornLine) {

        boolean tornTail() {
            return tornText != null;
        }

        /** Whether the torn line may have recorded clicks or human labels (anything but a chosen or round record). */
        boolean tornTailMayHoldClicks() {
            return tornTail() && !TORN_HARMLESS.matcher(tornText).lookingAt();
        }

        /** The highest round any line mentions, 0 when none. */
        int lastRound() {
            int last = 0;
            for (LedgerEntry entry : samples) {
                last = Math.max(last, entry.round());
            }
            for (int round : chosenByRound.keySet()) {
                last = Math.max(last, round);
            }
            return last;
        }
    }

    private static final Gson GSON = new Gson();

    /** The copy of the journal kept before a session's first write, beside it. */
    static final String BACKUP_SUFFIX = ".bak";

    private static final Pattern CHECKSUM = Pattern.compile(",\"crc\":\"([0-9a-f]{8})\"}$");
    private static final Pattern TORN_HARMLESS = Pattern.compile("\\{\\s*\"kind\"\\s*:\\s*\"(chosen|round)\"");

    private final Path file;
    private FileChannel channel;

    Journal(Path file) {
        this.file = file;
    }

    /**
     * @throws ProjectException naming the file and line when a line other than the last is not a valid
     *                          record, or refers to a frame or region outside the video
     */
    static Content read(Path file, VideoInfo video) throws IOException {
        List<LedgerEntry> samples = new ArrayList<>();
        Map<Integer, List<Sample>> chosen = new LinkedHashMap<>();
        List<Integer> imported = new ArrayList<>();
        Map<Integer, RoundReport> reports = new TreeMap<>();
        Set<Integer> mentioned = new TreeSet<>();
        if (!Files.exists(file)) {
            return new Content(samples, chosen, imported, reports, mentioned, 0, 0, null, 0);
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        int lineNumber = 0;
        int records = 0;
        long valid = 0;
        while (start < bytes.length) {
            lineNumber++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            boolean complete = end < bytes.length;
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8).strip();
            if (!complete && line.isEmpty()) {
                break; // trailing blanks
            }
            if (!complete) {
                // A record without its newline was cut off while being written: the step never completed.
                return new Content(samples, chosen, imported, reports, mentioned, records, valid, torn(line), lineNumber);
            }
            if (!line.isEmpty()) {
                try {
                    parseLine(verified(line), video, samples, chosen, imported, reports, mentioned);
                    records++;
                } catch (RuntimeException e) {
                    throw new ProjectException(file, "line " + lineNumber + " is not a valid journal record ("
                            + reason(e) + "); the journal is damaged, which a crash cannot cause. Nothing was "
                            + "changed: restore " + file.getFileName() + " from " + file.getFileName() + BACKUP_SUFFIX
                            + " or a copy, or repair that line by hand, then open the project again", e);
                }
            }
            start = end + 1;
            valid = start;
        }
        return new Content(samples, chosen, imported, reports, mentioned, records, valid, null, 0);
    }

    /** Our own checks say what is wrong; anything else a library threw means a member is missing or mistyped. */
    private static String reason(RuntimeException e) {
        boolean ours = e.getClass() == IllegalArgumentException.class && e.getMessage() != null;
        return ours ? e.getMessage() : "a member is missing or has the wrong type";
    }

    private static String torn(String line) {
        return line.length() <= 80 ? line : line.substring(0, 80) + "...";
    }

    /** The record's JSON without its checksum, after checking the checksum; a line without one as it is. */
    static String verified(String line) {
        Matcher matcher = CHECKSUM.matcher(line);
        if (!matcher.find()) {
            return line; // written before checksums
        }
        String record = line.substring(0, matcher.start()) + "}";
        String expected = matcher.group(1);
        String actual = checksum(record);
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("checksum " + expected + " does not match the record (" + actual
                    + "): it was changed or damaged after it was written");
        }
        return record;
    }

    static String checksum(String record) {
        CRC32 crc = new CRC32();
        crc.update(record.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }

    /** One journal line: the record's JSON with its checksum as the last member. */
    static String withChecksum(JsonObject record) {
        String json = GSON.toJson(record);
        return json.substring(0, json.length() - 1) + ",\"crc\":\"" + checksum(json) + "\"}";
    }

    private static void parseLine(String line, VideoInfo video, List<LedgerEntry> samples,
            Map<Integer, List<Sample>> chosen, List<Integer> imported, Map<Integer, RoundReport> reports,
            Set<Integer> mentioned) {
        JsonObject json;
        try {
            json = JsonParser.parseString(line).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String kind = json.has("kind") ? json.get("kind").getAsString() : "sample";
        switch (kind) {
        case "sample" -> {
            LedgerEntry entry = entry(json, video);
            mentioned.add(entry.sample().frameIndex());
            samples.add(entry);
        }
        case "chosen" -> {
            int round = json.get("round").getAsInt();
            List<Sample> list = chosen.computeIfAbsent(round, r -> new ArrayList<>());
            for (Sample sample : chosenSamples(json, video)) {
                mentioned.add(sample.frameIndex());
                if (!list.contains(sample)) {
                    list.add(sample); // a resumed round journals its pending samples again
                }
            }
        }
        case "import" -> {
            int frame = frame(json, video);
            imported.add(frame);
            mentioned.add(frame);
        }
        case "edit" -> mentioned.add(frame(json, video));
        case "round" -> {
            RoundReport report = JournalJson.report(json);
            reports.put(report.round(), report);
        }
        default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
        }
    }

    static LedgerEntry entry(JsonObject json, VideoInfo video) {
        int round = JsonFields.wholeNumber(json, "round");
        Sample sample = new Sample(frame(json, video), JournalJson.region(json.getAsJsonObject("region"), video));
        String time = json.has("time") ? json.get("time").getAsString() : null;
        return new LedgerEntry(round, sample, JsonFields.wholeNumber(json, "clicks"),
                json.has("seconds") ? json.get("seconds").getAsDouble() : 0,
                json.has("annotator") ? json.get("annotator").getAsString() : "unknown",
                time == null ? 0 : Instant.parse(time).toEpochMilli());
    }

    static List<Sample> chosenSamples(JsonObject json, VideoInfo video) {
        List<Sample> samples = new ArrayList<>();
        for (JsonElement element : json.getAsJsonArray("samples")) {
            JsonObject entry = element.getAsJsonObject();
            samples.add(new Sample(frame(entry, video), JournalJson.region(entry.getAsJsonObject("region"), video)));
        }
        return samples;
    }

    /**
     * The journal's complete records in order, each as written (checksum checked and removed); a torn last
     * line is left out, as reading leaves it out.
     */
    static List<JsonObject> records(Path file) throws IOException {
        List<JsonObject> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        for (String line : Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                JsonObject record = JsonParser.parseString(verified(text)).getAsJsonObject();
                records.add(record);
            } catch (RuntimeException e) {
                break; // only the last line can be torn: the store opened the journal, which checked the rest
            }
        }
        return records;
    }

    /** Appends {@code records} to a new journal file in one write, forced to disk (a copy's journal). */
    static void writeNew(Path file, List<JsonObject> records) throws IOException {
        StringBuilder text = new StringBuilder();
        for (JsonObject record : records) {
            text.append(withChecksum(record)).append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
    }

    private static int frame(JsonObject json, VideoInfo video) {
        int frame = JsonFields.wholeNumber(json, "frame");
        if (frame < 0 || frame >= video.frameCount()) {
            throw new IllegalArgumentException("frame " + frame + " is outside the video's " + video.frameCount()
                    + " frames");
        }
        return frame;
    }


    static JsonObject sampleLine(LedgerEntry entry) {
        JsonObject line = new JsonObject();
        line.addProperty("kind", "sample");
        line.addProperty("round", entry.round());
        line.addProperty("frame", entry.sample().frameIndex());
        line.add("region", JournalJson.describe(entry.sample().region()));
        line.addProperty("clicks", entry.clicks());
        line.addProperty("seconds", entry.seconds());
        line.addProperty("annotator", entry.annotatorId());
        line.addProperty("time", Instant.ofEpochMilli(entry.timestampMillis()).toString());
        return line;
    }

    static JsonObject chosenLine(int round, List<Sample> samples) {
        JsonObject line = new JsonObject();
        line.addProperty("kind", "chosen");
        line.addProperty("round", round);
        JsonArray array = new JsonArray();
        for (Sample sample : samples) {
            JsonObject json = new JsonObject();
            json.addProperty("frame", sample.frameIndex());
            json.add("region", JournalJson.describe(sample.region()));
            array.add(json);
        }
        line.add("samples", array);
        return line;
    }


    static JsonObject editLine(int frame) {
        JsonObject line = new JsonObject();
        line.addProperty("kind", "edit");
        line.addProperty("frame", frame);
        return line;
    }

    static JsonObject importLine(int frame, String source, int pixels) {
        JsonObject line = new JsonObject();
        line.addProperty("kind", "import");
        line.addProperty("frame", frame);
        line.addProperty("source", source);
        line.addProperty("pixels", pixels);
        return line;
    }

    /**
     * Appends one line and forces it to disk. The first append keeps the journal as it was in the backup,
     * then cuts a torn last line left by a crash ({@code validBytes} is where the last complete line ends).
     */
    synchronized void append(JsonObject line, long validBytes) throws IOException {
        if (channel == null) {
            if (Files.exists(file) && Files.size(file) > 0) {
                Path backup = file.resolveSibling(file.getFileName() + BACKUP_SUFFIX);
                AtomicFiles.write(backup, out -> Files.copy(file, out));
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.size() > validBytes) {
                channel.truncate(validBytes);
            }
            channel.position(channel.size());
        }
        ByteBuffer buffer = ByteBuffer.wrap((withChecksum(line) + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
