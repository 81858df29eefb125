package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.frameloop.core.ledger.LedgerEntry;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.ProjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never wait on the model: while a round's fine-tuning runs (a {@link HeldModel} held on a latch), the person
 * labels an extra sample the loop offers; it is on disk at once, counted once, and not chosen again.
 */
class ModelWorkingTest {


    @TempDir
    Path temp;

    @AfterEach
    void release() {
        HeldModel.release();
    }

    @Test
    void anExtraSampleLabelledWhileTheModelFineTunesIsJournaledAtOnceCountedOnceAndNotChosenAgain() throws Exception {
        Path folder = temp.resolve("project");
        AnnotationWorkspace workspace = openHeldModelProject(folder);
        Sample chosen = finishRoundOneWhileTheModelIsHeld(workspace);
        Sample extra = workspace.currentSample();
        assertFalse(extra.equals(chosen));
        workspace.nextSample(); // nothing labelled yet: skipped, not handed over
        assertEquals(1, workspace.project().session().ledger().size());
        workspace.queue().select(0);
        label(workspace, DemoVideo.CAR, 2);
        workspace.nextSample();

        assertTrue(workspace.queue().offering(), "the model is still working");
        try (ProjectStore saved = ProjectStore.openReadOnly(folder)) {
            List<LedgerEntry> journaled = saved.ledgerEntries();
            assertEquals(List.of(chosen, extra), journaled.stream().map(LedgerEntry::sample).toList(),
                    "the extra sample is journaled as soon as it is finished");
            assertEquals(List.of(3, 2), journaled.stream().map(LedgerEntry::clicks).toList());
            assertEquals(DemoVideo.CAR, saved.readLabels().human(extra.frameIndex()).ids()[
                    extra.region().pixelIndices(40)[0]], "with its labels");
        }

        HeldModel.release();
        QueueWait.until(workspace, () -> workspace.queue().awaitingAnnotation() && workspace.queue().round() == 2);
        assertFalse(workspace.queue().entries().stream().anyMatch(e -> e.sample().equals(extra)
                || e.sample().equals(chosen)), "round 2 chooses neither again");
        RoundReport round1 = workspace.rounds().stream().filter(r -> r.round() == 1).findFirst().orElseThrow();
        assertEquals(List.of(chosen, extra), round1.samples());
        assertEquals(5, round1.roundClicks(), "clicks counted once");
        assertEquals(5, workspace.project().session().ledger().totalClicks());
        workspace.close();
    }

    /**
     * Or the weakest frames: after the extra sample, the queue offers the frames the last estimate rates weakest;
     * the person picks one from the Review view, accepts the proposal on it and hands it over; it is journaled at
     * once, counted once in the round whose model works, and not offered again.
     */
    @Test
    void aWeakFrameCorrectedWhileTheModelFineTunesIsJournaledAtOnceAndCountedOnce() throws Exception {
        Path folder = temp.resolve("project");
        AnnotationWorkspace workspace = openHeldModelProject(folder);
        Sample chosen = finishRoundOneWhileTheModelIsHeld(workspace);
        List<SampleQueue.Entry> offered = workspace.queue().entries();
        assertEquals(List.of(false, true), offered.stream().map(SampleQueue.Entry::weakFrame).toList(),
                "the extra sample, then the weakest frame");
        Sample weak = offered.get(1).sample();
        assertEquals(new Region.WholeFrame(40, 30), weak.region());
        assertEquals(workspace.latestEstimate().frameAccuracy()[weak.frameIndex()],
                java.util.Arrays.stream(workspace.latestEstimate().frameAccuracy()).min().orElseThrow(), 1e-12,
                "the weakest frame of the last estimate");

        workspace.reviewFrame(weak.frameIndex()); // picked in the Review view
        assertEquals(weak, workspace.currentSample(), "the weak frame is the sample to correct");
        assertEquals(40 * 30, workspace.acceptProposal(), "A takes the proposal on the whole frame");
        workspace.nextSample();

        assertTrue(workspace.queue().offering(), "the model is still working");
        try (ProjectStore saved = ProjectStore.openReadOnly(folder)) {
            assertEquals(List.of(chosen, weak), saved.ledgerEntries().stream().map(LedgerEntry::sample).toList(),
                    "the weak frame is journaled as soon as it is finished");
        }
        HeldModel.release();
        QueueWait.until(workspace, () -> workspace.queue().awaitingAnnotation() && workspace.queue().round() == 2);
        RoundReport round1 = workspace.rounds().stream().filter(r -> r.round() == 1).findFirst().orElseThrow();
        assertEquals(List.of(chosen, weak), round1.samples());
        assertEquals(4, round1.roundClicks(), "3 clicks for the sample, 1 for accepting the weak frame, once");
        assertFalse(workspace.queue().entries().stream().anyMatch(e -> e.sample().frameIndex() == weak.frameIndex()),
                "nothing of the corrected frame is chosen again");
        workspace.close();
    }

    /**
     * A reopened project's unfinished round is queued at once: the person labels its sample while the model is
     * still being restored (its first fine-tuning held), and the loop takes that work when it gets there.
     */
    @Test
    void aReopenedProjectsUnfinishedRoundCanBeLabelledBeforeTheModelIsRestored() throws Exception {
        Path folder = temp.resolve("project");
        AnnotationWorkspace workspace = openHeldModelProject(folder);
        workspace.startLoop();
        QueueWait.until(workspace, () -> workspace.queue().awaitingAnnotation() && workspace.queue().round() == 1);
        label(workspace, DemoVideo.ROAD, 3);
        workspace.finishRound();
        QueueWait.until(workspace, () -> workspace.queue().awaitingAnnotation() && workspace.queue().round() == 2);
        Sample pending = workspace.currentSample();
        workspace.close();

        workspace.open(ProjectFolders.open(folder, PluginRegistry.ofPlatform()));
        HeldModel.hold();
        workspace.startLoop();
        QueueWait.until(workspace, () -> workspace.queue().awaitingAnnotation() && workspace.queue().round() == 2);
        assertEquals(pending, workspace.currentSample(), "the unfinished round's sample is back");
        assertTrue(HeldModel.awaitFineTuning(), "the model is being restored");
        label(workspace, DemoVideo.CAR, 4);
        workspace.finishRound();
        assertEquals(1, workspace.project().session().ledger().size(), "handed over when the loop gets there");

        HeldModel.release();
        QueueWait.until(workspace, () -> workspace.queue().awaitingAnnotation() && workspace.queue().round() == 3);
        List<LedgerEntry> entries = workspace.project().session().ledger().entries();
        assertEquals(List.of(1, 2), entries.stream().map(LedgerEntry::round).toList());
        assertEquals(pending, entries.get(1).sample());
        assertEquals(4, entries.get(1).clicks(), "the clicks made before the loop got there count");
        workspace.close();
    }

    /** A new project on a 4-frame 40x30 video: the held model, 10-pixel tiles, one sample a round; opened. */
    private AnnotationWorkspace openHeldModelProject(Path folder) throws Exception {
        Path video = DemoVideo.write(temp.resolve("video"), 4, 40, 30);
        ProjectSettings settings = new ProjectSettings(video, video.resolve("gt"), PluginChoice.of("test-held-model"),
                new PluginChoice("rect", Map.of("sizePx", "10")), PluginChoice.of("uncertainty"), PluginChoice.of("none"),
                PluginChoice.of("polygon"), 1, 7);
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        workspace.open(ProjectFolders.create(folder, settings, DemoVideo.labelMap(), PluginRegistry.ofPlatform()));
        return workspace;
    }

    /**
     * Holds the model's fine-tuning, starts the loop, labels round 1's sample as road for 3 clicks and finishes
     * the round; returns that sample once the model fine-tunes and the extra samples are offered.
     */
    private static Sample finishRoundOneWhileTheModelIsHeld(AnnotationWorkspace workspace) throws Exception {
        HeldModel.hold();
        workspace.startLoop();
        QueueWait.until(workspace, () -> workspace.queue().awaitingAnnotation() && workspace.queue().round() == 1);
        Sample chosen = workspace.currentSample();
        label(workspace, DemoVideo.ROAD, 3);
        workspace.finishRound();
        QueueWait.until(workspace, () -> workspace.queue().offering());
        assertTrue(HeldModel.awaitFineTuning(), "the model is fine-tuning");
        return chosen;
    }

    /** Fills the current sample with {@code classId}, charged {@code clicks}. */
    private static void label(AnnotationWorkspace workspace, int classId, int clicks) {
        Sample sample = workspace.currentSample();
        LabelEdit edit = workspace.beginEdit("fill");
        workspace.paint(edit, sample.region().pixelIndices(workspace.project().session().width()), classId);
        workspace.commit(edit, clicks);
    }
}
