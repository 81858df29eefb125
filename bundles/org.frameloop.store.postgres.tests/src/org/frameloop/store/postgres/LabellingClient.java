package org.frameloop.store.postgres;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.ledger.LedgerEntry;

/**
 * A simulated annotator at work on a team project, through the client an annotator's program uses
 * ({@link TeamClient}): leases the next sample, labels it from the ground truth,
 * stores it, until no chosen sample is left open (and, with a trainer, until the trainer is done: it chooses
 * the next round's samples after the team labelled this round's). When no open sample is free it waits for
 * news of the project (the trainer chose the next round) and asks again, at the latest
 * after a short while (a lease held by a client that died frees up when it runs out, which nobody announces).
 */
final class LabellingClient implements Callable<List<LedgerEntry>> {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final PostgresProjectStore store;
    private final LabelSequence truth;
    private final Duration leaseTime;
    private final BooleanSupplier trainerDone;

    LabellingClient(PostgresProjectStore store, LabelSequence truth, Duration leaseTime) {
        this(store, truth, leaseTime, () -> true);
    }

    LabellingClient(PostgresProjectStore store, LabelSequence truth, Duration leaseTime, BooleanSupplier trainerDone) {
        this.store = store;
        this.truth = truth;
        this.leaseTime = leaseTime;
        this.trainerDone = trainerDone;
    }

    /** @return what this annotator stored, in order */
    @Override
    public List<LedgerEntry> call() throws Exception {
        TeamClient client = new TeamClient(store, leaseTime);
        List<LedgerEntry> stored = new ArrayList<>();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (!trainerDone.getAsBoolean() || client.openSamples() > 0) {
            Optional<SampleLeases.Lease> lease = client.next();
            if (lease.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(store.user() + " waited " + GIVE_UP + " for a lease to run out");
                }
                client.waitForNews(POLL, () -> false); // nothing free: the next round, or a lease running out
                continue;
            }
            SampleLeases.Lease held = lease.get();
            int clicks = held.sample().region().area() / 64;
            stored.add(client.submit(truth.labels(held.sample().frameIndex()), clicks, 1.5));
            deadline = System.nanoTime() + GIVE_UP.toNanos();
        }
        return stored;
    }
}
