package org.frameloop.store.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.JournalJson;
import org.frameloop.io.ProjectContent;
import org.frameloop.io.VideoInfo;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Writes a copied project's content into the tables of a project just created, inside the copy's one
 * transaction ({@link PostgresProjectStore#createCopy}): the journal's records in order ("chosen" become
 * samples, "sample" mark one labelled and add its journal record, "import" and "edit" journal records,
 * "round" the round's report), then the label PNGs and the checkpoint as they are.
 */
final class ProjectCopyWriter {

    private static final Gson GSON = new Gson();

    private final Connection connection;
    private final long project;
    private final String user;
    private final ProjectContent content;
    private final Map<Integer, List<Sample>> chosen = new HashMap<>();
    private final Map<Integer, Set<Integer>> labelled = new HashMap<>();

    ProjectCopyWriter(Connection connection, long project, String user, ProjectContent content) {
        this.connection = connection;
        this.project = project;
        this.user = user;
        this.content = content;
    }

    void write() throws SQLException, IOException {
        VideoInfo video = content.video();
        int number = 0;
        Integer lastReport = null;
        for (JsonObject record : content.journal()) {
            number++;
            String kind = record.has("kind") ? record.get("kind").getAsString() : "sample";
            try {
                switch (kind) {
                case "chosen" -> choose(record.get("round").getAsInt(), JournalJson.samples(record, video));
                case "sample" -> label(JournalJson.entry(record, video));
                case "import" -> {
                    JsonObject detail = new JsonObject();
                    detail.add("source", record.get("source"));
                    detail.add("pixels", record.get("pixels"));
                    other("import", record.get("frame").getAsInt(), detail, lastReport);
                }
                case "edit" -> other("edit", record.get("frame").getAsInt(), null, lastReport);
                case "round" -> lastReport = round(record);
                default -> throw new IllegalArgumentException("unknown kind '" + kind + "'");
                }
            } catch (RuntimeException e) {
                throw new IOException("journal record " + number + " cannot be copied: " + e.getMessage(), e);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO frameloop.human_labels (project_id, frame, png) VALUES (?, ?, ?)")) {
            for (Map.Entry<Integer, byte[]> png : content.humanLabels().entrySet()) {
                insert.setLong(1, project);
                insert.setInt(2, png.getKey());
                insert.setBytes(3, png.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO frameloop.auto_labels (project_id, frame, round, png) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Integer, byte[]> png : content.autoLabels().entrySet()) {
                insert.setLong(1, project);
                insert.setInt(2, png.getKey());
                insert.setInt(3, content.autoRound());
                insert.setBytes(4, png.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Map<String, byte[]> checkpoint = new HashMap<>(content.checkpoint());
        if (content.checkpointNote() != null) {
            checkpoint.put(PostgresProjectStore.NOTE_PREFIX + PostgresProjectStore.CHECKPOINT_NOTE,
                    content.checkpointNote());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO frameloop.checkpoint_files (project_id, file, bytes) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, byte[]> file : checkpoint.entrySet()) {
                insert.setLong(1, project);
                insert.setString(2, file.getKey());
                insert.setBytes(3, file.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Adds the samples a round's journal lists that it does not have yet (a resumed round lists its pending ones again). */
    private void choose(int round, List<Sample> samples) throws SQLException {
        List<Sample> list = chosen.computeIfAbsent(round, r -> new ArrayList<>());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO frameloop.samples (project_id, round, "
                + "ordinal, frame, region) VALUES (?, ?, ?, ?, ?::jsonb)")) {
            for (Sample sample : samples) {
                if (list.contains(sample)) {
                    continue;
                }
                insert.setLong(1, project);
                insert.setInt(2, round);
                insert.setInt(3, list.size());
                insert.setInt(4, sample.frameIndex());
                insert.setString(5, GSON.toJson(JournalJson.describe(sample.region())));
                insert.addBatch();
                list.add(sample);
            }
            insert.executeBatch();
        }
    }

    /** Marks the entry's sample labelled (choosing it first if the journal never did) and journals it. */
    private void label(LedgerEntry entry) throws SQLException {
        int ordinal = ordinal(entry.round(), entry.sample());
        if (ordinal < 0) {
            choose(entry.round(), List.of(entry.sample())); // a journal from before "chosen" records
            ordinal = ordinal(entry.round(), entry.sample());
        }
        labelled.computeIfAbsent(entry.round(), r -> new HashSet<>()).add(ordinal);
        Timestamp at = new Timestamp(entry.timestampMillis());
        try (PreparedStatement mark = connection.prepareStatement("UPDATE frameloop.samples SET labelled_by = "
                + "session_user, labelled_at = ? WHERE project_id = ? AND round = ? AND ordinal = ?")) {
            mark.setTimestamp(1, at);
            mark.setLong(2, project);
            mark.setInt(3, entry.round());
            mark.setInt(4, ordinal);
            mark.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO frameloop.journal (project_id, kind, "
                + "round, ordinal, frame, region, clicks, seconds, recorded_annotator, at) "
                + "VALUES (?, 'sample', ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")) {
            insert.setLong(1, project);
            insert.setInt(2, entry.round());
            insert.setInt(3, ordinal);
            insert.setInt(4, entry.sample().frameIndex());
            insert.setString(5, GSON.toJson(JournalJson.describe(entry.sample().region())));
            insert.setInt(6, entry.clicks());
            insert.setDouble(7, entry.seconds());
            insert.setString(8, user.equals(entry.annotatorId()) ? null : entry.annotatorId());
            insert.setTimestamp(9, at);
            insert.executeUpdate();
        }
    }

    /** The first chosen, not yet labelled sample of {@code round} equal to {@code sample}; -1 when none. */
    private int ordinal(int round, Sample sample) {
        List<Sample> list = chosen.getOrDefault(round, List.of());
        Set<Integer> done = labelled.getOrDefault(round, Set.of());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).equals(sample) && !done.contains(i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An import or edit record; {@code afterReport} is the round whose report the journal had last before it (null
     * before any), kept in the row's round column so that the copy back puts it where it was.
     */
    private void other(String kind, int frame, JsonObject detail, Integer afterReport) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO frameloop.journal (project_id, kind, "
                + "frame, detail, round) VALUES (?, ?, ?, ?::jsonb, ?)")) {
            insert.setLong(1, project);
            insert.setString(2, kind);
            insert.setInt(3, frame);
            insert.setString(4, detail == null ? null : GSON.toJson(detail));
            insert.setObject(5, afterReport, Types.INTEGER);
            insert.executeUpdate();
        }
    }

    /** A round's report as the journal has it (a round reported again keeps its latest report). */
    private int round(JsonObject record) throws SQLException {
        int round = JournalJson.report(record).round();
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO frameloop.rounds (project_id, round, "
                + "report) VALUES (?, ?, ?::jsonb) ON CONFLICT (project_id, round) DO UPDATE SET report = EXCLUDED.report")) {
            upsert.setLong(1, project);
            upsert.setInt(2, round);
            upsert.setString(3, GSON.toJson(record));
            upsert.executeUpdate();
        }
        return round;
    }
}
