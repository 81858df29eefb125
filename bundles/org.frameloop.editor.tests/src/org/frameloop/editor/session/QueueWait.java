package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waits on the loop's progress through a workspace, woken by its sample queue's changes (no sleeps). */
final class QueueWait {

    static final long TIMEOUT_MS = 60_000;

    private QueueWait() {
    }

    /** Waits until {@code condition} holds; fails naming the workspace's progress when it does not in time. */
    static void until(AnnotationWorkspace workspace, BooleanSupplier condition) throws InterruptedException {
        until(workspace, condition, () -> "timed out; progress: " + workspace.progress().text());
    }

    /** Waits until {@code condition} holds; fails with {@code whatFailed} when it does not in time. */
    static void until(AnnotationWorkspace workspace, BooleanSupplier condition, Supplier<String> whatFailed)
            throws InterruptedException {
        Object signal = new Object();
        Runnable wake = () -> {
            synchronized (signal) {
                signal.notifyAll();
            }
        };
        workspace.queue().addListener(wake);
        try {
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            synchronized (signal) {
                while (!condition.getAsBoolean()) {
                    long left = deadline - System.currentTimeMillis();
                    assertTrue(left > 0, whatFailed);
                    // re-checked now and then too: some conditions change without a queue event
                    signal.wait(Math.min(left, 100));
                }
            }
        } finally {
            workspace.queue().removeListener(wake);
        }
    }
}
