package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.frameloop.core.label.LabelStore;
import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.ProjectLock;
import org.frameloop.io.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDE's save path survives a crash: a project driven through {@link AnnotationWorkspace} (the editor's
 * session: {@link ProjectFolders}, {@link LoopJob}, {@link HumanAnnotator}) is abandoned in the middle of a
 * round, with one sample finished and one in hand, without closing anything; what the kernel does when a
 * process dies (its file lock released, nothing else) is all that happens. Reopened, the project has every
 * journaled sample with its clicks and its labels in the human label files, and the loop continues the
 * unfinished round with the samples still to do. {@code io}'s CrashResumeTest does the same with kill -9 for
 * the command line's path.
 */
class IdeCrashResumeTest {

    private static final int WIDTH = 40;

    @TempDir
    Path temp;

    @Test
    void abandonedMidRoundTheReopenedProjectHasEverySavedLabelAndClickAndContinuesTheRound() throws Exception {
        Path video = DemoVideo.write(temp.resolve("video"), 4, WIDTH, 30);
        ProjectSettings settings = new ProjectSettings(video, video.resolve("gt"), PluginChoice.of("propagation"),
                new PluginChoice("rect", Map.of("sizePx", "10")), PluginChoice.of("hybrid"), PluginChoice.of("none"),
                PluginChoice.of("polygon"), 3, 7);
        Path folder = temp.resolve("project");
        AnnotationWorkspace crashed = new AnnotationWorkspace(EditorPreferences.ofInstance());
        crashed.open(ProjectFolders.create(folder, settings, DemoVideo.labelMap(), PluginRegistry.ofPlatform()));

        crashed.startLoop();
        QueueWait.until(crashed, () -> crashed.queue().awaitingAnnotation() && crashed.queue().round() == 1);
        int roundOneSamples = crashed.queue().size();
        for (int i = 0; i < roundOneSamples; i++) {
            label(crashed, classFor(i), 2 + i);
            crashed.nextSample();
        }
        crashed.finishRound();
        QueueWait.until(crashed, () -> crashed.queue().awaitingAnnotation() && crashed.queue().round() == 2);
        List<Sample> roundTwo = crashed.queue().entries().stream().map(SampleQueue.Entry::sample).toList();
        assertTrue(roundTwo.size() >= 2, "round 2 has a sample to finish and one to leave in hand");
        label(crashed, DemoVideo.CAR, 4);
        crashed.nextSample(); // finished: saved and journaled by the loop's worker
        Sample inHand = crashed.currentSample();
        label(crashed, DemoVideo.BUILDING, 1); // painted, never finished
        int journaledBeforeCrash = roundOneSamples + 1;
        QueueWait.until(crashed, () -> journaled(folder).size() == journaledBeforeCrash);
        List<LedgerEntry> saved = journaled(folder);
        assertEquals(roundTwo.get(0), saved.get(saved.size() - 1).sample());

        dieWithoutClosing(crashed);

        AnnotationWorkspace reopened = new AnnotationWorkspace(EditorPreferences.ofInstance());
        reopened.open(ProjectFolders.open(folder, PluginRegistry.ofPlatform()));
        try {
            assertTrue(reopened.project().store().notes().stream().anyMatch(n -> n.contains("took over the lock")),
                    "the dead session's lock is taken over: " + reopened.project().store().notes());
            List<LedgerEntry> restored = reopened.project().session().ledger().entries();
            assertEquals(saved.stream().map(LedgerEntry::sample).toList(),
                    restored.stream().map(LedgerEntry::sample).toList(), "every journaled sample");
            assertEquals(saved.stream().map(LedgerEntry::clicks).toList(),
                    restored.stream().map(LedgerEntry::clicks).toList(), "with its clicks");
            LabelStore labels = reopened.project().session().labels();
            for (int i = 0; i < saved.size(); i++) {
                Sample sample = saved.get(i).sample();
                int expected = i < roundOneSamples ? classFor(i) : DemoVideo.CAR;
                byte[] human = labels.human(sample.frameIndex()).ids();
                for (int pixel : sample.region().pixelIndices(WIDTH)) {
                    assertEquals(expected, human[pixel], "sample " + sample + " lost its label at pixel " + pixel);
                }
            }

            reopened.startLoop();
            QueueWait.until(reopened, () -> reopened.queue().awaitingAnnotation() && reopened.queue().round() == 2);
            List<Sample> toDo = reopened.queue().entries().stream().map(SampleQueue.Entry::sample).toList();
            assertEquals(roundTwo.subList(1, roundTwo.size()), toDo,
                    "the unfinished round goes on with its samples not yet journaled, the one in hand first");
            assertEquals(inHand, toDo.get(0));
            for (int i = 0; i < toDo.size(); i++) {
                label(reopened, DemoVideo.ROAD, 3);
                reopened.nextSample();
            }
            reopened.finishRound();
            QueueWait.until(reopened, () -> reopened.queue().awaitingAnnotation() && reopened.queue().round() == 3);
            List<LedgerEntry> after = journaled(folder);
            assertEquals(saved, after.subList(0, saved.size()), "the journal is continued, never rewritten");
            assertEquals(roundOneSamples + roundTwo.size(), after.size(), "round 2 complete once");
            assertEquals(saved.stream().mapToLong(LedgerEntry::clicks).sum() + 3L * toDo.size(),
                    reopened.project().session().ledger().totalClicks());
        } finally {
            reopened.close();
            // the dead session's worker, still parked in its queue, is let go only now
            crashed.loopJob().cancel();
            crashed.queue().abort();
        }
    }

    private static int classFor(int sampleIndex) {
        return sampleIndex % 2 == 0 ? DemoVideo.ROAD : DemoVideo.SKY;
    }

    /** The samples the project's journal holds, read as another process would. */
    private static List<LedgerEntry> journaled(Path folder) {
        try (ProjectStore store = ProjectStore.openReadOnly(folder)) {
            return new ArrayList<>(store.ledgerEntries());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * What the kernel does for a process that dies: its OS file lock is released and forgotten. Nothing of the
     * IDE's closing runs (no cancel, no save of the frame in view, the owner record stays behind).
     */
    private static void dieWithoutClosing(AnnotationWorkspace workspace) throws Exception {
        ProjectLock lock = (ProjectLock) field(ProjectStore.class, "lock").get(workspace.project().store());
        Map<?, ?> held = (Map<?, ?>) field(ProjectLock.class, "HELD").get(null);
        synchronized (held) {
            held.remove(field(ProjectLock.class, "key").get(lock));
        }
        ((FileLock) field(ProjectLock.class, "lock").get(lock)).release();
        ((FileChannel) field(ProjectLock.class, "channel").get(lock)).close();
        assertTrue(Files.exists(workspace.project().folder().resolve(ProjectLock.OWNER_FILE)),
                "a dead process leaves its owner record");
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /** Fills the current sample with {@code classId}, charged {@code clicks}. */
    private static void label(AnnotationWorkspace workspace, int classId, int clicks) {
        Sample sample = workspace.currentSample();
        workspace.showFrame(sample.frameIndex());
        LabelEdit edit = workspace.beginEdit("fill");
        workspace.paint(edit, sample.region().pixelIndices(WIDTH), classId);
        workspace.commit(edit, clicks);
        assertEquals((byte) classId, workspace.project().session().labels().human(sample.frameIndex()).ids()[
                sample.region().pixelIndices(WIDTH)[0]], "painted");
    }
}
