package org.frameloop.store.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

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
 * It waits with {@code LISTEN} ({@link ProjectNews}): the database notifies the project's channel when a sample
 * is labelled (schema V3), and it also looks again every {@code poll} in case a notification was missed (a
 * dropped connection, a server that forbids LISTEN). Register it as a listener of the loop, so it knows the
 * round being annotated. It uses the store's connection, so it runs on the loop's thread only.
 */
public final class TeamAnnotator implements Annotator, LoopListener {

    private static final Gson GSON = new Gson();

    private final PostgresProjectStore project;
    private final Duration poll;
    private final BooleanSupplier cancelled;
    private final ProjectNews news;
    private int round;

    /**
     * @param poll      how long to wait for a notification before looking again
     * @param cancelled checked while waiting; when true, {@link #annotate} throws
     *                  {@link org.eclipse.core.runtime.OperationCanceledException}
     */
    public TeamAnnotator(PostgresProjectStore project, Duration poll, BooleanSupplier cancelled) throws IOException {
        this.project = project;
        this.poll = poll;
        this.cancelled = cancelled;
        this.news = new ProjectNews(project);
        this.round = project.continuation().round();
    }

    @Override
    public void samplesChosen(int round, List<Sample> samples) {
        this.round = round;
    }

    @Override
    public Annotation annotate(Sample sample, AnnotatedVideo video) {
        try {
            news.listen(); // before looking, so a label stored between the look and the wait wakes it
            while (true) {
                Annotation done = labelled(sample);
                if (done != null) {
                    return done;
                }
                news.await(poll, cancelled);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wait for the team's labels of " + sample + " in " + project.address()
                    + ": " + e.getMessage(), e);
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
