package org.frameloop.bench;

import org.frameloop.core.report.RoundReport;

/** Follows a bench run for progress lines. Called on the bench's thread. */
public interface BenchListener {

    /** @param index 1-based position among {@code total} runs of this bench */
    default void runStarted(int index, int total, String video, BenchMethod method) {
    }

    default void roundFinished(String video, BenchMethod method, RoundReport report) {
    }

    default void runFinished(int index, int total, CellResult result) {
    }

    /** The run was not started: already finished earlier, or being run by another process. */
    default void runSkipped(int index, int total, String video, BenchMethod method, String reason) {
    }

    /** The run failed; the bench goes on with the next one. */
    default void runFailed(int index, int total, String video, BenchMethod method, String message) {
    }
}
