package org.frameloop.core.loop;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.frameloop.core.internal.flow.FlowCache;

/**
 * Computes the video's optical flow in the background while the annotator has a sample, so that a person's
 * labelling time, not the person, pays for it: the first round's carrying and temporal term need the flow of
 * every frame pair (about 30 s at 480×360 at full resolution, minutes at 1080p). Closing it stops the
 * computation after the pair in progress; the loop computes what is left when it needs it.
 */
final class FlowAhead implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FlowAhead.class.getName());

    private final AtomicBoolean stop = new AtomicBoolean();
    private final Thread thread;

    private FlowAhead(FlowCache cache) {
        thread = new Thread(() -> {
            try {
                cache.computeAhead(stop::get);
            } catch (RuntimeException e) {
                // the loop asks for the same pair itself and reports the failure where it belongs
                LOG.log(Level.DEBUG, "computing flow ahead stopped: " + e);
            }
        }, "Frameloop flow ahead");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts computing ahead unless there is no flow or it is all computed. */
    static FlowAhead start(Optional<FlowCache> cache) {
        return cache.filter(c -> !c.allComputed()).map(FlowAhead::new).orElse(null);
    }

    @Override
    public void close() {
        stop.set(true);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
