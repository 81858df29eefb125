package org.frameloop.store.postgres;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.OperationCanceledException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * What happens to a project's samples, as its clients learn of it: the database notifies the project's channel
 * at commit (schema V3) when a round's samples are chosen ({@link Kind#CHOSEN}: the trainer has also written
 * that round's automatic labels) and when a sample is labelled ({@link Kind#LABELLED}), whoever did it. The
 * trainer waits on it for the team's labels ({@link TeamAnnotator}); an annotator's client waits on it for the
 * next round instead of asking again and again.
 * <p>
 * It listens on the store's connection, so it is used on the thread that uses the store. A notification is
 * lost if the connection drops between two waits, and some poolers do not pass LISTEN on: a client looks at
 * the project again after each {@link #await} that returns nothing, and so misses nothing for longer than its
 * wait.
 */
public final class ProjectNews {

    /** What changed. */
    public enum Kind {
        /** A round's samples were chosen (its automatic labels are written before). */
        CHOSEN,
        /** A chosen sample was labelled. */
        LABELLED;

        static Kind of(String payload) {
            return valueOf(payload.toUpperCase(Locale.ROOT));
        }
    }

    /** How long {@link #await} blocks on the driver at most before it looks at {@code cancelled} again. */
    private static final int SLICE_MILLIS = 250;

    private final PostgresProjectStore project;
    private boolean listening;

    public ProjectNews(PostgresProjectStore project) {
        this.project = project;
    }

    /** The channel the database notifies when the project's samples change. */
    static String channel(long projectId) {
        return "frameloop_project_" + projectId;
    }

    /**
     * Starts listening (once; later calls do nothing): from now on every change is kept for the next
     * {@link #await}. Call it before looking at the project, so nothing between the look and the wait is missed.
     */
    public void listen() throws IOException {
        if (listening) {
            return;
        }
        try (Statement statement = project.connection().createStatement()) {
            statement.execute("LISTEN " + channel(project.id()));
            listening = true;
        } catch (SQLException e) {
            throw DatabaseException.of(project.address().toString(), "listen for changes of the project", e);
        }
    }

    /**
     * Waits until something changed since the last call, at most {@code time}: the changes, in order (empty when
     * nothing changed meanwhile). Listens first if not yet listening.
     *
     * @param cancelled looked at while waiting
     * @throws OperationCanceledException when {@code cancelled} became true
     */
    public List<Kind> await(Duration time, BooleanSupplier cancelled) throws IOException {
        listen();
        long deadline = System.nanoTime() + time.toNanos();
        try {
            PGConnection connection = project.connection().unwrap(PGConnection.class);
            do {
                if (cancelled.getAsBoolean()) {
                    throw new OperationCanceledException();
                }
                int slice = (int) Math.max(1, Math.min(SLICE_MILLIS, (deadline - System.nanoTime()) / 1_000_000));
                PGNotification[] news = connection.getNotifications(slice);
                if (news != null && news.length > 0) {
                    List<Kind> kinds = new ArrayList<>();
                    for (PGNotification notification : news) {
                        kinds.add(Kind.of(notification.getParameter()));
                    }
                    return kinds;
                }
            } while (System.nanoTime() < deadline);
            return List.of();
        } catch (SQLException e) {
            throw DatabaseException.of(project.address().toString(), "wait for changes of the project", e);
        }
    }
}
