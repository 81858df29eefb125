package org.frameloop.app;

import org.eclipse.swt.widgets.Display;

/**
 * Measures how long the UI thread was unavailable: a timer every {@link #PERIOD_MS} ms on the UI thread
 * records the longest time between two of its runs (the period included). Tests print it; they never
 * assert it, since a shared CI machine decides wall-clock times.
 */
final class UiHeartbeat {

    static final int PERIOD_MS = 10;

    private final Display display;
    private long lastNanos;
    private long maxGapNanos;
    private int beats;
    private boolean running;

    UiHeartbeat(Display display) {
        this.display = display;
    }

    /** Starts beating; call on the UI thread. */
    UiHeartbeat start() {
        running = true;
        lastNanos = System.nanoTime();
        display.timerExec(PERIOD_MS, this::beat);
        return this;
    }

    private void beat() {
        if (!running) {
            return;
        }
        long now = System.nanoTime();
        maxGapNanos = Math.max(maxGapNanos, now - lastNanos);
        lastNanos = now;
        beats++;
        display.timerExec(PERIOD_MS, this::beat);
    }

    /** Stops beating and returns the longest gap between beats, in milliseconds. */
    double stop() {
        running = false;
        maxGapNanos = Math.max(maxGapNanos, System.nanoTime() - lastNanos); // the time since the last beat counts too
        return maxGapNanos / 1e6;
    }

    int beats() {
        return beats;
    }
}
