package org.frameloop.editor.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.core.sample.Sample;

/**
 * The samples the selector chose for the current round, in its order, with what each cost the person:
 * clicks counted by the tools and seconds while the sample was the current one. The loop's worker waits
 * here (through {@link HumanAnnotator}) until the person has finished a sample; the last sample of a round
 * is handed over only when the person finishes the round, so fine-tuning starts when they say so.
 * While the model then works, the queue holds the extra samples and weakest frames the loop offers ({@link #offer}): each one
 * the person finishes is handed to the loop at once, and when the results are in the offer is withdrawn
 * ({@link #withdrawOffer}); a sample begun but not finished comes back first in the next round, with its
 * clicks and seconds so far. Thread-safe: the UI thread edits, the loop's worker waits.
 */
public final class SampleQueue {

    /** One queued sample and its cost so far. */
    public static final class Entry {
        private final Sample sample;
        private final boolean extra;
        private final boolean weakFrame;
        private boolean done;
        private int clicks;
        private double seconds;

        Entry(Sample sample, boolean extra, boolean weakFrame) {
            this.sample = sample;
            this.extra = extra;
            this.weakFrame = weakFrame;
        }

        public Sample sample() {
            return sample;
        }

        /** Offered while the model works, beyond the round's budget (a spare sample or a weak frame). */
        public boolean extra() {
            return extra;
        }

        /** Offered while the model works as one of the frames the latest estimate rates weakest. */
        public boolean weakFrame() {
            return weakFrame;
        }

        public boolean done() {
            return done;
        }

        public int clicks() {
            return clicks;
        }

        public double seconds() {
            return seconds;
        }
    }

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private int round;
    private int current = -1;
    private long currentSinceNanos;
    private boolean roundFinished;
    private boolean aborted;
    /** Hands a finished extra sample to the loop; null when no offer is open. */
    private Predicate<Entry> offerTaker;
    /** Extra samples begun but not finished when the offer was withdrawn: kept for the next round. */
    private final List<Entry> begun = new ArrayList<>();

    /** Told after any change (on the thread that made it). */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * A new round's samples; the first one becomes current. An extra sample begun while the model worked keeps
     * its clicks and seconds. The round already queued (a reopened project's unfinished round, queued before
     * the loop got to it) stays as the person left it.
     */
    public void begin(int round, List<Sample> samples) {
        synchronized (this) {
            if (round == this.round && !aborted && offerTaker == null && !entries.isEmpty()
                    && entries.stream().map(e -> e.sample).toList().equals(samples)) {
                return;
            }
            this.round = round;
            entries.clear();
            for (Sample s : samples) {
                Entry kept = begun.stream().filter(e -> e.sample.equals(s)).findFirst().orElse(null);
                Entry entry = new Entry(s, false, false);
                if (kept != null) {
                    entry.clicks = kept.clicks;
                    entry.seconds = kept.seconds;
                }
                entries.add(entry);
            }
            begun.clear();
            offerTaker = null;
            roundFinished = false;
            aborted = false;
            current = -1;
            selectLocked(entries.isEmpty() ? -1 : 0);
        }
        fire();
    }

    /**
     * The model is working: {@code samples}, then {@code weakestFrames}, are offered for the person to label
     * meanwhile, the first one current. Each extra sample the person finishes ({@link #next}) goes to
     * {@code taker} at once, on the caller's thread; one the taker refuses (the results just came in) stays open.
     */
    public void offer(int round, List<Sample> samples, List<Sample> weakestFrames, Predicate<Entry> taker) {
        synchronized (this) {
            stopClock();
            this.round = round;
            entries.clear();
            samples.forEach(s -> entries.add(new Entry(s, true, false)));
            weakestFrames.forEach(s -> entries.add(new Entry(s, true, true)));
            begun.clear();
            offerTaker = taker;
            current = -1;
            selectLocked(entries.isEmpty() ? -1 : 0);
        }
        fire();
    }

    /**
     * The model's results are in: the extra samples leave the queue. Returns those the person began (clicked
     * on) but did not finish; they come back first in the next round, with their cost so far.
     */
    public List<Sample> withdrawOffer() {
        List<Sample> started = new ArrayList<>();
        synchronized (this) {
            if (offerTaker == null) {
                return started;
            }
            stopClock();
            for (Entry entry : entries) {
                if (!entry.done && entry.clicks > 0) {
                    begun.add(entry);
                    started.add(entry.sample);
                }
            }
            offerTaker = null;
            entries.clear();
            current = -1;
        }
        fire();
        return started;
    }

    /** Whether extra samples are offered while the model works. */
    public synchronized boolean offering() {
        return offerTaker != null && !aborted;
    }

    /** Whether the person labels a sample now: a round's, or an extra one while the model works. */
    public synchronized boolean editing() {
        return current >= 0 && !aborted && (offerTaker != null || !roundFinished);
    }

    /** Empties the queue (the loop stopped); a waiting worker is released with a cancellation. */
    public void clear() {
        synchronized (this) {
            stopClock();
            offerTaker = null;
            begun.clear();
            entries.clear();
            current = -1;
            aborted = true;
            notifyAll();
        }
        fire();
    }

    public synchronized int round() {
        return round;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Samples the person has worked on (clicked) that are not handed to the loop yet: closing the project now
     * keeps their labels (saved) but not their clicks and seconds, which count only once a sample is finished.
     */
    public synchronized List<Entry> workInHand() {
        return entries.stream().filter(e -> !e.done && e.clicks > 0 && !aborted).toList();
    }

    /** Index of the current sample, or -1. */
    public synchronized int currentIndex() {
        return current;
    }

    /** The sample being annotated, or null. */
    public synchronized Sample currentSample() {
        return current < 0 ? null : entries.get(current).sample;
    }

    /** Whether the person is asked for the round's labels now (a round is open and not finished). */
    public synchronized boolean awaitingAnnotation() {
        return !entries.isEmpty() && !roundFinished && !aborted && offerTaker == null;
    }

    public void select(int index) {
        synchronized (this) {
            if (index < -1 || index >= entries.size()) {
                throw new IndexOutOfBoundsException("no sample " + index + " in a queue of " + entries.size());
            }
            selectLocked(index);
        }
        fire();
    }

    /**
     * Marks the current sample finished and makes the next one current (wrapping to the first open one). An
     * extra sample is handed to the loop here, inside the lock, so withdrawing the offer sees it either taken or
     * still open.
     */
    public void next() {
        synchronized (this) {
            if (current < 0) {
                return;
            }
            Entry entry = entries.get(current);
            if (offerTaker != null) {
                if (!entry.done) {
                    stopClock();
                    currentSinceNanos = System.nanoTime();
                    entry.done = offerTaker.test(entry);
                }
            } else {
                entry.done = true;
            }
            notifyAll();
            int following = current + 1 < entries.size() ? current + 1 : firstOpen();
            selectLocked(following < 0 ? current : following);
        }
        fire();
    }

    /**
     * While the model works, makes the open weak frame {@code frameIndex} current (the person picked it in the
     * Review view); false, changing nothing, when no such frame is offered.
     */
    public boolean selectWeakFrame(int frameIndex) {
        synchronized (this) {
            int index = -1;
            for (int i = 0; i < entries.size() && offerTaker != null; i++) {
                Entry entry = entries.get(i);
                if (entry.weakFrame && !entry.done && entry.sample.frameIndex() == frameIndex) {
                    index = i;
                    break;
                }
            }
            if (index < 0 || index == current) {
                return index >= 0;
            }
            selectLocked(index);
        }
        fire();
        return true;
    }

    public void previous() {
        synchronized (this) {
            if (current > 0) {
                selectLocked(current - 1);
            }
        }
        fire();
    }

    /** Finishes every sample and the round: the loop goes on to fine-tuning. Ignored while extras are offered. */
    public void finishRound() {
        synchronized (this) {
            if (offerTaker != null) {
                return;
            }
            stopClock();
            entries.forEach(e -> e.done = true);
            roundFinished = true;
            current = -1;
            notifyAll();
        }
        fire();
    }

    /** Counts a click of the person on the current sample. */
    public void addClicks(int clicks) {
        synchronized (this) {
            if (current < 0) {
                return;
            }
            entries.get(current).clicks += clicks;
        }
        fire();
    }

    /**
     * Blocks the loop's worker until the person finished {@code sample} (and, for the round's last
     * sample, the round).
     *
     * @return the sample's entry with its clicks and seconds
     * @throws OperationCanceledException when the queue is cleared or {@link #abort}ed meanwhile
     */
    public synchronized Entry awaitFinished(Sample sample) {
        Entry entry = entries.stream().filter(e -> e.sample.equals(sample)).findFirst()
                .orElseThrow(() -> new IllegalStateException("sample " + sample + " is not queued"));
        boolean last = entries.get(entries.size() - 1) == entry;
        while (!aborted && !(entry.done && (!last || roundFinished))) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException();
            }
        }
        if (aborted) {
            throw new OperationCanceledException();
        }
        return entry;
    }

    /**
     * Blocks a team project's worker until the person finished {@code sample} (Tab, or Finish round), at most
     * {@code timeoutMillis}: one leased sample is a round of its own, so its end needs no Finish round.
     *
     * @return the sample's entry with its clicks and seconds, or null when the time ran out first
     * @throws OperationCanceledException when the queue is cleared or {@link #abort}ed meanwhile
     */
    public synchronized Entry awaitDone(Sample sample, long timeoutMillis) {
        Entry entry = entries.stream().filter(e -> e.sample.equals(sample)).findFirst()
                .orElseThrow(() -> new IllegalStateException("sample " + sample + " is not queued"));
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        long left = timeoutMillis;
        while (!aborted && !entry.done && left > 0) {
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OperationCanceledException();
            }
            left = (deadline - System.nanoTime()) / 1_000_000L;
        }
        if (aborted) {
            throw new OperationCanceledException();
        }
        return entry.done ? entry : null;
    }

    /** Releases a waiting worker with a cancellation (the loop's job was cancelled). */
    public synchronized void abort() {
        aborted = true;
        notifyAll();
    }

    private int firstOpen() {
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).done) {
                return i;
            }
        }
        return -1;
    }

    private void selectLocked(int index) {
        stopClock();
        current = index;
        currentSinceNanos = System.nanoTime();
    }

    private void stopClock() {
        if (current >= 0 && current < entries.size()) {
            entries.get(current).seconds += (System.nanoTime() - currentSinceNanos) / 1e9;
        }
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }
}
