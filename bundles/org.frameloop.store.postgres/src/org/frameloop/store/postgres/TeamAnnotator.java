package org.frameloop.store.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.AnnotatedVideo;
import org.frameloop.core.spi.Annotator;
import org.frameloop.io.JournalJson;

import com.google.gson.Gson;

/**
 * The team, as the trainer's loop sees its annotator ({@code frameloop serve}): for each chosen sample it waits
 * until someone of the team has labelled it (through {@link SampleLeases}, in any order, on any client) and
 * answers with the labels, clicks, seconds and annotator stored. A sample whose lease ran out is not skipped:
 * it goes back to the team, and the trainer waits until someone labels it.
 * <p>
 * It waits with {@code LISTEN}: the database notifies the project's channel when a sample is labelled (schema
 * V3), and it also looks again every {@code poll} in case a notification was missed (a dropped connection, a
 * server that forbids LISTEN). Register it as a listener of the loop, so it knows the round being annotated.
 * It uses the store's connection, so it runs on the loop's thread only.
 */
public final class TeamAnnotator implements Annotator, LoopListener {

    private static final Gson GSON = new Gson();

    private final PostgresProjectStore project;
    private final Duration poll;
    private final BooleanSupplier cancelled;
    private int round;
    private boolean listening;

    /**
     * @param poll      how long to wait for a notification before looking again
     * @param cancelled checked while waiting; when true, {@link #annotate} throws {@link OperationCanceledException}
     */
    public TeamAnnotator(PostgresProjectStore project, Duration poll, BooleanSupplier cancelled) throws IOException {
        this.project = project;
        this.poll = poll;
        this.cancelled = cancelled;
        this.round = project.continuation().round();
    }

    /** The channel the database notifies when the project's samples change. */
    static String channel(long projectId) {
        return "frameloop_project_" + projectId;
    }

    @Override
    public void samplesChosen(int round, List<Sample> samples) {
        this.round = round;
    }

    @Override
    public Annotation annotate(Sample sample, AnnotatedVideo video) {
        try {
            listen();
            while (true) {
                Annotation done = labelled(sample);
                if (done != null) {
                    return done;
                }
                waitForNews();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wait for the team's labels of " + sample + " in " + project.address()
                    + ": " + e.getMessage(), e);
        }
    }

    private void listen() throws IOException {
        if (listening) {
            return;
        }
        try (Statement statement = project.connection().createStatement()) {
            statement.execute("LISTEN " + channel(project.id()));
            listening = true;
        } catch (SQLException e) {
            throw DatabaseException.of(project.address().toString(), "listen for the team's labels", e);
        }
    }

    /** Waits for a notification on the project's channel, at most {@code poll}, in short slices to see a cancel. */
    private void waitForNews() throws IOException {
        long deadline = System.nanoTime() + poll.toNanos();
        try {
            org.postgresql.PGConnection connection = project.connection().unwrap(org.postgresql.PGConnection.class);
            while (System.nanoTime() < deadline) {
                if (cancelled.getAsBoolean()) {
                    throw new OperationCanceledException();
                }
                int slice = (int) Math.max(1, Math.min(250, (deadline - System.nanoTime()) / 1_000_000));
                org.postgresql.PGNotification[] news = connection.getNotifications(slice);
                if (news != null && news.length > 0) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw DatabaseException.of(project.address().toString(), "wait for the team's labels", e);
        }
    }

    /** The sample's annotation as stored, or null while nobody has labelled it. */
    private Annotation labelled(Sample sample) throws IOException {
        try (PreparedStatement query = project.connection().prepareStatement("SELECT j.clicks, j.seconds, "
                + "coalesce(j.recorded_annotator, j.annotator) FROM frameloop.samples s JOIN frameloop.journal j "
                + "ON j.project_id = s.project_id AND j.round = s.round AND j.ordinal = s.ordinal "
                + "WHERE s.project_id = ? AND s.round = ? AND s.frame = ? AND s.region = ?::jsonb "
                + "AND s.labelled_by IS NOT NULL")) {
            query.setLong(1, project.id());
            query.setInt(2, round);
            query.setInt(3, sample.frameIndex());
            query.setString(4, GSON.toJson(JournalJson.describe(sample.region())));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                LabelImage labels = project.humanLabels(sample.frameIndex());
                return new Annotation(labels, row.getInt(1), row.getDouble(2), row.getString(3));
            }
        } catch (SQLException e) {
            throw DatabaseException.of(project.where("samples"), "read whether " + sample + " is labelled", e);
        }
    }
}
