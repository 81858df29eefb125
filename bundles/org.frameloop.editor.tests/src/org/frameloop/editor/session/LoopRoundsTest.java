package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.registry.PluginChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's round numbers come from the project's journal, not from the job that happens to run. */
class LoopRoundsTest {

    private static final long TIMEOUT_MS = 60_000;

    @TempDir
    Path temp;

    @Test
    void aRestartedLoopContinuesTheJournaledRoundsAlsoAfterTheProjectIsReopened() throws Exception {
        Path video = DemoVideo.write(temp.resolve("video"), 4, 40, 30);
        ProjectSettings settings = new ProjectSettings(video, video.resolve("gt"), PluginChoice.of("propagation"),
                new PluginChoice("rect", Map.of("sizePx", "10")), PluginChoice.of("hybrid"), PluginChoice.of("none"),
                PluginChoice.of("polygon"), 1, 7);
        Path folder = temp.resolve("project");
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        workspace.open(ProjectFolders.create(folder, settings, DemoVideo.labelMap(), PluginRegistry.ofPlatform()));

        workspace.startLoop();
        awaitRound(workspace, 1);
        workspace.finishRound();
        awaitRound(workspace, 2);
        List<Sample> chosenInRound2 = workspace.queue().entries().stream().map(SampleQueue.Entry::sample).toList();
        cancelAndWait(workspace);

        workspace.startLoop();
        awaitRound(workspace, 2);
        assertEquals(chosenInRound2, workspace.queue().entries().stream().map(SampleQueue.Entry::sample).toList(),
                "the unfinished round goes on with the samples it had chosen");
        workspace.finishRound();
        awaitRound(workspace, 3);
        cancelAndWait(workspace);
        assertEquals(2, workspace.project().session().ledger().size(), "one sample per finished round");
        workspace.close();

        workspace.open(ProjectFolders.open(folder, PluginRegistry.ofPlatform()));
        assertEquals(2, workspace.project().session().ledger().size(), "the ledger is restored from the journal");
        workspace.startLoop();
        awaitRound(workspace, 3);
        assertEquals(List.of(1, 2), workspace.project().session().ledger().entries().stream().map(e -> e.round()).toList());
        workspace.close();
    }

    private static void cancelAndWait(AnnotationWorkspace workspace) throws InterruptedException {
        Job job = workspace.loopJob();
        workspace.cancelLoop();
        assertTrue(job.join(TIMEOUT_MS, null), "the cancelled loop stops");
        assertEquals(IStatus.CANCEL, job.getResult().getSeverity(), job.getResult().toString());
    }

    /** Waits (bounded) until the loop asks for the samples of {@code round}. */
    private static void awaitRound(AnnotationWorkspace workspace, int round) throws InterruptedException {
        BooleanSupplier asked = () -> workspace.queue().awaitingAnnotation() && workspace.queue().round() == round;
        QueueWait.until(workspace, asked, () -> "the loop should ask for round " + round + ", queue is at round "
                + workspace.queue().round() + ", job " + workspace.loopJob().getResult());
    }
}
