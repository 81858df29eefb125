package org.frameloop.core.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The journal of every annotated sample and its cost. Append-only; a project store subscribes to write
 * each entry durably as it arrives, so a crashed session can resume from it.
 */
public final class ClickLedger {

    private final List<LedgerEntry> entries = new ArrayList<>();
    private final List<Consumer<LedgerEntry>> listeners = new CopyOnWriteArrayList<>();
    private long totalClicks;
    private double totalSeconds;

    public void addListener(Consumer<LedgerEntry> listener) {
        listeners.add(listener);
    }

    public void append(LedgerEntry entry) {
        synchronized (this) {
            entries.add(entry);
            totalClicks += entry.clicks();
            totalSeconds += entry.seconds();
        }
        for (Consumer<LedgerEntry> listener : listeners) {
            listener.accept(entry);
        }
    }

    public synchronized List<LedgerEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized long totalClicks() {
        return totalClicks;
    }

    public synchronized double totalSeconds() {
        return totalSeconds;
    }

    public synchronized int size() {
        return entries.size();
    }
}
