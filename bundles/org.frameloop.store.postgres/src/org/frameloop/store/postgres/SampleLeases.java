package org.frameloop.store.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.JournalJson;

import com.google.gson.Gson;

/**
 * Hands a project's chosen samples to the people labelling them, one sample to one person at a time:
 * <ul>
 * <li>{@link #next} leases the first open sample (lowest round, then the order it was chosen in) that nobody
 * holds, for a limited time; two clients asking at once get different samples ({@code FOR UPDATE SKIP
 * LOCKED}: neither waits for the other).</li>
 * <li>A client renews its lease while the person works ({@link #renew}); a client that dies stops renewing,
 * its lease runs out, and the sample goes to the next person who asks.</li>
 * <li>{@link #submit} stores the labels once, in one transaction with the journal record naming the author,
 * and only while the lease is live: a late client gets {@link LeaseLostException} and stores nothing.</li>
 * </ul>
 * Who is asking is the database user; the database also refuses a lease or a label to anyone not allowed to
 * label the project (row-level security), whatever the client does.
 */
public final class SampleLeases {

    /** A sample held by this user until {@code until} (the database's clock). */
    public record Lease(int round, int ordinal, Sample sample, Instant until) {
    }

    private static final Gson GSON = new Gson();

    private final PostgresProjectStore project;
    private final Connection connection;

    SampleLeases(PostgresProjectStore project) {
        this.project = project;
        this.connection = project.connection();
    }

    /**
     * Leases the first open sample nobody holds to this user for {@code time}; empty when every open sample is
     * held by someone (or none is open: see {@link #openSamples}).
     */
    public Optional<Lease> next(Duration time) throws IOException {
        // The pick is a scalar subquery, evaluated once (an InitPlan); as a joined FROM subquery PostgreSQL may
        // run it again per row and lease every open sample at once.
        String sql = "UPDATE frameloop.samples SET leased_to = session_user, "
                + "lease_until = now() + make_interval(secs => ?) "
                + "WHERE project_id = ? AND (round, ordinal) = (SELECT round, ordinal FROM frameloop.samples "
                + "WHERE project_id = ? AND labelled_by IS NULL AND (leased_to IS NULL OR lease_until < now()) "
                + "ORDER BY round, ordinal LIMIT 1 FOR UPDATE SKIP LOCKED) "
                + "RETURNING round, ordinal, frame, region::text, lease_until";
        try (PreparedStatement lease = connection.prepareStatement(sql)) {
            lease.setDouble(1, seconds(time));
            lease.setLong(2, project.id());
            lease.setLong(3, project.id());
            try (ResultSet row = lease.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Lease(row.getInt(1), row.getInt(2), project.sample(row.getInt(3),
                        row.getString(4)), row.getTimestamp(5).toInstant()));
            }
        } catch (SQLException e) {
            throw DatabaseException.of(project.where("samples"), "lease a sample as " + project.user(), e);
        }
    }

    /**
     * Extends a live lease to {@code time} from now.
     *
     * @throws LeaseLostException when the lease ran out and someone else took the sample, or it was labelled
     */
    public Lease renew(Lease lease, Duration time) throws IOException {
        try (PreparedStatement renew = connection.prepareStatement("UPDATE frameloop.samples "
                + "SET lease_until = now() + make_interval(secs => ?) WHERE project_id = ? AND round = ? AND ordinal = ? "
                + "AND leased_to = session_user AND labelled_by IS NULL RETURNING lease_until")) {
            renew.setDouble(1, seconds(time));
            renew.setLong(2, project.id());
            renew.setInt(3, lease.round());
            renew.setInt(4, lease.ordinal());
            try (ResultSet row = renew.executeQuery()) {
                if (!row.next()) {
                    throw lost(lease, "renew");
                }
                return new Lease(lease.round(), lease.ordinal(), lease.sample(), row.getTimestamp(1).toInstant());
            }
        } catch (SQLException e) {
            throw DatabaseException.of(project.where("samples"), "renew the lease of " + describe(lease), e);
        }
    }

    /**
     * Stores what this user labelled in the leased sample: the region's pixels of {@code labels} (a full
     * frame; unlabeled pixels in it stay as they were) merged into the frame's human labels, the sample marked
     * labelled by this user, and its journal record, all in one transaction.
     *
     * @return the journal record as stored
     * @throws LeaseLostException when the lease ran out (nothing is stored; the sample is someone else's now)
     */
    public LedgerEntry submit(Lease lease, LabelImage labels, int clicks, double seconds) throws IOException {
        try {
            return SqlWork.inTransaction(connection, c -> {
                markLabelled(c, lease);
                storeHumanLabels(c, lease.sample(), labels);
                return journal(c, lease, clicks, seconds, null, null);
            });
        } catch (SQLException e) {
            throw DatabaseException.of(project.where("samples"), "store the labels of " + describe(lease), e);
        }
    }

    /**
     * Stores a sample this user's own loop chose and labelled (a run on a team project, whose annotator is the
     * loop's, not a lease holder): takes that very sample of {@code entry}'s round, if nobody else holds it,
     * and stores it as {@link #submit} does, all in one transaction. The entry's annotator is recorded beside
     * this database user when they differ (the simulated annotator), and its time is kept.
     *
     * @param frameLabels the frame's human labels, of which the sample's region is stored
     * @throws LeaseLostException when the sample is labelled already, held by someone else, or was never chosen
     */
    public LedgerEntry submitChosen(LedgerEntry entry, LabelImage frameLabels) throws IOException {
        Sample sample = entry.sample();
        String describe = "sample " + sample + " of round " + entry.round();
        try {
            return SqlWork.<LedgerEntry>inTransaction(connection, c -> {
                Lease lease = take(c, entry.round(), sample);
                if (lease == null) {
                    throw new LeaseLostException(project.where("samples"), "cannot store " + describe + ": it is not "
                            + "an open sample of that round that " + project.user() + " may take (labelled already, "
                            + "held by someone else, or never chosen); nothing was stored");
                }
                markLabelled(c, lease);
                storeHumanLabels(c, sample, frameLabels);
                String recorded = entry.annotatorId() == null || entry.annotatorId().equals(project.user()) ? null
                        : entry.annotatorId();
                return journal(c, lease, entry.clicks(), entry.seconds(), recorded, Instant.ofEpochMilli(entry.timestampMillis()));
            });
        } catch (SQLException e) {
            throw DatabaseException.of(project.where("samples"), "store " + describe, e);
        }
    }

    /** Leases the first open, free sample of {@code round} equal to {@code sample}, or null when there is none. */
    private Lease take(Connection c, int round, Sample sample) throws SQLException, IOException {
        String sql = "UPDATE frameloop.samples SET leased_to = session_user, lease_until = now() + interval '1 minute' "
                + "WHERE project_id = ? AND round = ? AND ordinal = (SELECT ordinal FROM frameloop.samples "
                + "WHERE project_id = ? AND round = ? AND frame = ? AND region = ?::jsonb AND labelled_by IS NULL "
                + "AND (leased_to IS NULL OR leased_to = session_user OR lease_until < now()) ORDER BY ordinal LIMIT 1 "
                + "FOR UPDATE) RETURNING ordinal, lease_until";
        try (PreparedStatement lease = c.prepareStatement(sql)) {
            lease.setLong(1, project.id());
            lease.setInt(2, round);
            lease.setLong(3, project.id());
            lease.setInt(4, round);
            lease.setInt(5, sample.frameIndex());
            lease.setString(6, GSON.toJson(JournalJson.describe(sample.region())));
            try (ResultSet row = lease.executeQuery()) {
                return row.next() ? new Lease(round, row.getInt(1), sample, row.getTimestamp(2).toInstant()) : null;
            }
        }
    }

    /** Gives a leased sample back unlabelled, for someone else to take now. */
    public void release(Lease lease) throws IOException {
        try (PreparedStatement release = connection.prepareStatement("UPDATE frameloop.samples SET leased_to = NULL, "
                + "lease_until = NULL WHERE project_id = ? AND round = ? AND ordinal = ? AND leased_to = session_user "
                + "AND labelled_by IS NULL")) {
            release.setLong(1, project.id());
            release.setInt(2, lease.round());
            release.setInt(3, lease.ordinal());
            release.executeUpdate();
        } catch (SQLException e) {
            throw DatabaseException.of(project.where("samples"), "give back " + describe(lease), e);
        }
    }

    /** Whether {@code sample}, chosen for {@code round}, is labelled. */
    public boolean isLabelled(int round, Sample sample) throws IOException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM frameloop.samples WHERE project_id = ? "
                + "AND round = ? AND frame = ? AND region = ?::jsonb AND labelled_by IS NOT NULL")) {
            query.setLong(1, project.id());
            query.setInt(2, round);
            query.setInt(3, sample.frameIndex());
            query.setString(4, GSON.toJson(JournalJson.describe(sample.region())));
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw DatabaseException.of(project.where("samples"), "read whether " + sample + " is labelled", e);
        }
    }

    /** How many chosen samples are not labelled yet, held or not. */
    public int openSamples() throws IOException {
        return countSamples("labelled_by IS NULL", "count the open samples");
    }

    /** How many open samples someone holds under a live lease now. */
    public int heldSamples() throws IOException {
        return countSamples("labelled_by IS NULL AND leased_to IS NOT NULL AND lease_until >= now()",
                "count the leased samples");
    }

    private int countSamples(String condition, String what) throws IOException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM frameloop.samples WHERE project_id = ? AND " + condition)) {
            count.setLong(1, project.id());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw DatabaseException.of(project.where("samples"), what, e);
        }
    }

    private void markLabelled(Connection c, Lease lease) throws SQLException, IOException {
        // now() is the transaction's start: a lease that was live when the labels arrived counts
        try (PreparedStatement mark = c.prepareStatement("UPDATE frameloop.samples SET labelled_by = session_user, "
                + "labelled_at = now() WHERE project_id = ? AND round = ? AND ordinal = ? AND labelled_by IS NULL "
                + "AND leased_to = session_user AND lease_until >= now()")) {
            mark.setLong(1, project.id());
            mark.setInt(2, lease.round());
            mark.setInt(3, lease.ordinal());
            if (mark.executeUpdate() != 1) {
                throw lost(lease, "store the labels of");
            }
        }
    }

    /** Merges the sample's pixels into the frame's human labels, the frame's row locked while merging. */
    private void storeHumanLabels(Connection c, Sample sample, LabelImage labels) throws SQLException, IOException {
        int frame = sample.frameIndex();
        LabelImage empty = LabelImage.unlabeled(labels.width(), labels.height());
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO frameloop.human_labels (project_id, frame, png) "
                + "VALUES (?, ?, ?) ON CONFLICT (project_id, frame) DO NOTHING")) {
            insert.setLong(1, project.id());
            insert.setInt(2, frame);
            insert.setBytes(3, ImageCodec.encodeLabels(merged(empty, sample, labels), project.labelMap()));
            if (insert.executeUpdate() == 1) {
                return; // the frame's first labels
            }
        }
        LabelImage current;
        try (PreparedStatement lock = c.prepareStatement("SELECT png FROM frameloop.human_labels "
                + "WHERE project_id = ? AND frame = ? FOR UPDATE")) {
            lock.setLong(1, project.id());
            lock.setInt(2, frame);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                current = project.decode("human_labels", frame, row.getBytes(1));
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE frameloop.human_labels SET png = ?, "
                + "written_by = session_user, written_at = now() WHERE project_id = ? AND frame = ?")) {
            update.setBytes(1, ImageCodec.encodeLabels(merged(current, sample, labels), project.labelMap()));
            update.setLong(2, project.id());
            update.setInt(3, frame);
            update.executeUpdate();
        }
    }

    /** {@code base} with the sample's region taken from {@code labels} where they are not unlabeled. */
    private static LabelImage merged(LabelImage base, Sample sample, LabelImage labels) {
        byte[] ids = base.ids().clone();
        byte[] source = labels.ids();
        for (int pixel : sample.region().pixelIndices(labels.width())) {
            if (source[pixel] != (byte) LabelImage.UNLABELED) {
                ids[pixel] = source[pixel];
            }
        }
        return new LabelImage(base.width(), base.height(), ids);
    }

    /**
     * @param recordedAnnotator who the client says labelled it when not this database user, or null
     * @param at                when it was labelled, or null for now
     */
    private LedgerEntry journal(Connection c, Lease lease, int clicks, double seconds, String recordedAnnotator,
            Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO frameloop.journal (project_id, kind, round, "
                + "ordinal, frame, region, clicks, seconds, recorded_annotator, at) "
                + "VALUES (?, 'sample', ?, ?, ?, ?::jsonb, ?, ?, ?, coalesce(?, now())) "
                + "RETURNING coalesce(recorded_annotator, annotator), at")) {
            insert.setLong(1, project.id());
            insert.setInt(2, lease.round());
            insert.setInt(3, lease.ordinal());
            insert.setInt(4, lease.sample().frameIndex());
            insert.setString(5, GSON.toJson(JournalJson.describe(lease.sample().region())));
            insert.setInt(6, clicks);
            insert.setDouble(7, seconds);
            insert.setString(8, recordedAnnotator);
            insert.setTimestamp(9, at == null ? null : java.sql.Timestamp.from(at));
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return new LedgerEntry(lease.round(), lease.sample(), clicks, seconds, row.getString(1),
                        row.getTimestamp(2).getTime());
            }
        }
    }

    private LeaseLostException lost(Lease lease, String doing) {
        return new LeaseLostException(project.where("samples"), "cannot " + doing + " " + describe(lease) + ": "
                + project.user() + "'s lease ran out (until " + lease.until() + ") and the sample went back to the team; "
                + "nothing was stored");
    }

    private static String describe(Lease lease) {
        return "sample " + lease.ordinal() + " of round " + lease.round() + " (frame " + lease.sample().frameIndex() + ")";
    }

    private static double seconds(Duration time) {
        if (time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("a lease needs a positive time, got " + time);
        }
        return time.toMillis() / 1000.0;
    }
}
