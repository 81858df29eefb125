package org.frameloop.store.postgres;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.store.postgres.ProjectNews.Kind;

/**
 * One annotator's client on a team project, without a display: what an IDE or a command-line client of the
 * team does between the person and the store. It holds at most one sample at a time under a lease
 * ({@link SampleLeases}), stores the person's labels of it in their name, and keeps the project's labels as
 * this client shows them, read again when the trainer publishes a round ({@link ProjectNews}: the round's
 * samples are chosen after its automatic labels are written), so the person sees the new round without
 * reopening. It uses the store's connection: call it from one thread.
 */
public final class TeamClient {

    private final PostgresProjectStore project;
    private final Duration leaseTime;
    private final ProjectNews news;
    private SampleLeases.Lease held;
    private LabelStore labels;

    /**
     * @param leaseTime how long a taken sample is held without {@link #renew}: one sample's work and a margin
     */
    public TeamClient(PostgresProjectStore project, Duration leaseTime) throws IOException {
        this.project = project;
        this.leaseTime = leaseTime;
        this.news = new ProjectNews(project);
        news.listen(); // before reading, so a round published meanwhile is heard
        this.labels = project.readLabels();
    }

    /**
     * The sample this client holds, or the next open one nobody holds, leased to this user; empty when every
     * open sample is held by someone or none is open ({@link #openSamples}).
     */
    public Optional<SampleLeases.Lease> next() throws IOException {
        if (held == null) {
            held = project.leases().next(leaseTime).orElse(null);
        }
        return Optional.ofNullable(held);
    }

    /** The sample held, if any. */
    public Optional<SampleLeases.Lease> held() {
        return Optional.ofNullable(held);
    }

    /** Extends the held sample's lease while the person works on it (nothing when none is held). */
    public void renew() throws IOException {
        if (held != null) {
            held = project.leases().renew(held, leaseTime);
        }
    }

    /**
     * Stores the person's labels of the held sample (its region of {@code frameLabels}) with its journal record,
     * in one transaction, and shows them in {@link #labels}.
     *
     * @throws IllegalStateException when no sample is held
     * @throws LeaseLostException    when the lease ran out and someone else may have the sample; nothing stored
     */
    public LedgerEntry submit(LabelImage frameLabels, int clicks, double seconds) throws IOException {
        if (held == null) {
            throw new IllegalStateException("no sample of " + project.location() + " is held");
        }
        SampleLeases.Lease lease = held;
        held = null; // stored or lost: either way it is no longer this client's
        LedgerEntry stored = project.leases().submit(lease, frameLabels, clicks, seconds);
        labels.putHuman(lease.sample().frameIndex(), lease.sample().region(), frameLabels);
        return stored;
    }

    /** Gives the held sample back unlabelled, for someone else to take now. */
    public void release() throws IOException {
        if (held != null) {
            SampleLeases.Lease lease = held;
            held = null;
            project.leases().release(lease);
        }
    }

    /** How many chosen samples are not labelled yet, held or not. */
    public int openSamples() throws IOException {
        return project.leases().openSamples();
    }

    /** The project's human and automatic labels as this client shows them. */
    public LabelStore labels() {
        return labels;
    }

    /**
     * Waits, at most {@code time}, for news of the project; when the trainer published a round, reads the
     * project's labels again (its new automatic labels, and what the team labelled).
     *
     * @return what changed meanwhile, in order; empty when nothing did
     * @throws org.eclipse.core.runtime.OperationCanceledException when {@code cancelled} became true
     */
    public List<Kind> waitForNews(Duration time, BooleanSupplier cancelled) throws IOException {
        List<Kind> changes = news.await(time, cancelled);
        if (changes.contains(Kind.CHOSEN)) {
            labels = project.readLabels();
        }
        return changes;
    }
}
