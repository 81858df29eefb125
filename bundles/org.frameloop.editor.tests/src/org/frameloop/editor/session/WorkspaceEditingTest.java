package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.Annotator.Annotation;
import org.frameloop.io.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceEditingTest {

    @TempDir
    Path temp;

    private AnnotationProject demoProject() throws Exception {
        Path video = DemoVideo.write(temp.resolve("video"), 4, 40, 30);
        ProjectSettings settings = new ProjectSettings(video, video.resolve("gt"), PluginChoice.of("propagation"),
                new PluginChoice("rect", Map.of("sizePx", "10")), PluginChoice.of("hybrid"), PluginChoice.of("none"),
                PluginChoice.of("polygon"), 2, 1);
        return ProjectFolders.create(temp.resolve("project"), settings, DemoVideo.labelMap(), PluginRegistry.ofPlatform());
    }

    @Test
    void onlyTheCurrentSampleIsEditableUntilTheFrameIsUnlockedAndUndoRestoresIt() throws Exception {
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        workspace.open(demoProject());
        Region sample = new Region.Rectangle(0, 0, 10, 10);
        workspace.queue().begin(1, List.of(new Sample(0, sample)));

        LabelEdit edit = workspace.beginEdit("polygon");
        workspace.paint(edit, new int[] { 0, 5 * 40 + 5, 20 * 40 + 20 }, DemoVideo.CAR);
        workspace.commit(edit, 4);

        LabelImage human = workspace.project().session().labels().human(0);
        assertEquals(DemoVideo.CAR, human.id(0, 0));
        assertEquals(DemoVideo.CAR, human.id(5, 5));
        assertEquals(LabelImage.UNLABELED, human.id(20, 20), "outside the sample while locked");
        assertEquals(4, workspace.queue().entries().get(0).clicks());

        assertTrue(workspace.undo());
        assertFalse(workspace.project().session().labels().hasHuman(0));
        assertTrue(workspace.redo());
        assertEquals(DemoVideo.CAR, workspace.project().session().labels().human(0).id(5, 5));

        workspace.setUnlocked(true);
        LabelEdit outside = workspace.beginEdit("brush");
        workspace.paint(outside, new int[] { 20 * 40 + 20 }, DemoVideo.ROAD);
        assertEquals(DemoVideo.ROAD, workspace.project().session().labels().human(0).id(20, 20));
        workspace.close();
    }

    @Test
    void acceptingTheProposalFillsTheSamplesUnlabelledPixelsForOneClickAndUndoTakesItBack() throws Exception {
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        workspace.open(demoProject());
        LabelStore labels = workspace.project().session().labels();
        Region sample = new Region.Rectangle(0, 0, 10, 10);
        workspace.queue().begin(1, List.of(new Sample(0, sample)));
        LabelImage proposal = LabelImage.unlabeled(40, 30);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                proposal.set(x, y, x < 5 ? DemoVideo.ROAD : DemoVideo.SKY);
            }
        }
        proposal.set(9, 9, LabelImage.UNLABELED); // a pixel the loop proposes nothing for
        labels.putAuto(0, proposal);
        LabelEdit first = workspace.beginEdit("polygon");
        workspace.paint(first, new int[] { 0 }, DemoVideo.CAR); // the person already fixed pixel (0, 0)
        workspace.commit(first, 2);
        assertEquals(1, workspace.incompleteSamples().size());

        assertEquals(98, workspace.acceptProposal(), "100 pixels less the fixed one and the unproposed one");

        LabelImage human = labels.human(0);
        assertEquals(DemoVideo.CAR, human.id(0, 0), "what the person labelled stays");
        assertEquals(DemoVideo.ROAD, human.id(4, 3));
        assertEquals(DemoVideo.SKY, human.id(8, 8));
        assertEquals(LabelImage.UNLABELED, human.id(9, 9));
        assertEquals(LabelImage.UNLABELED, human.id(20, 20), "outside the sample nothing is accepted");
        assertEquals(3, workspace.queue().entries().get(0).clicks(), "accepting is one click");
        assertEquals(1, workspace.incompleteSamples().size(), "pixel (9, 9) is still unlabelled");
        LabelEdit last = workspace.beginEdit("brush");
        workspace.paint(last, new int[] { 9 * 40 + 9 }, DemoVideo.SKY);
        workspace.commit(last, 1);
        assertTrue(workspace.incompleteSamples().isEmpty());

        assertTrue(workspace.undo());
        assertTrue(workspace.undo(), "the acceptance is one undoable edit");
        assertEquals(DemoVideo.CAR, labels.human(0).id(0, 0));
        assertEquals(LabelImage.UNLABELED, labels.human(0).id(4, 3));
        workspace.close();
    }

    @Test
    void theLoopWorkerWaitsForThePersonAndGetsTheLastSampleOnlyWhenTheRoundIsFinished() throws Exception {
        SampleQueue queue = new SampleQueue();
        Sample first = new Sample(0, new Region.Rectangle(0, 0, 2, 2));
        Sample last = new Sample(1, new Region.Rectangle(0, 0, 2, 2));
        queue.begin(1, List.of(first, last));
        CompletableFuture<SampleQueue.Entry> waitingForFirst = CompletableFuture.supplyAsync(() -> queue.awaitFinished(first));
        CompletableFuture<SampleQueue.Entry> waitingForLast = CompletableFuture.supplyAsync(() -> queue.awaitFinished(last));

        queue.addClicks(3);
        queue.next();
        assertEquals(3, waitingForFirst.get(10, TimeUnit.SECONDS).clicks());
        queue.next();
        assertFalse(waitingForLast.isDone(), "the last sample waits for Finish round");
        queue.finishRound();
        assertTrue(waitingForLast.get(10, TimeUnit.SECONDS).done());
    }

    @Test
    void aCancelledLoopReleasesTheWaitingWorker() throws Exception {
        SampleQueue queue = new SampleQueue();
        Sample sample = new Sample(0, new Region.WholeFrame(2, 2));
        queue.begin(1, List.of(sample));
        HumanAnnotator annotator = new HumanAnnotator(queue, VideoSession.start(
                org.frameloop.core.video.Video.of("v", 1, 2, 2, f -> org.frameloop.core.image.RgbImage.blank(2, 2)),
                DemoVideo.labelMap(), null, null));
        CompletableFuture<Annotation> waiting = CompletableFuture.supplyAsync(() -> annotator.annotate(sample, null));

        queue.abort();

        var failure = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> waiting.get(10, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof org.eclipse.core.runtime.OperationCanceledException, failure.toString());
    }

    @Test
    void aReopenedProjectHasTheHumanLabelsSavedAfterEachSample() throws Exception {
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        AnnotationProject project = demoProject();
        workspace.open(project);
        workspace.queue().begin(1, List.of(new Sample(0, new Region.WholeFrame(40, 30))));
        LabelEdit edit = workspace.beginEdit("fill");
        workspace.paint(edit, new int[] { 41, 42 }, DemoVideo.SKY);
        workspace.commit(edit, 1);
        workspace.nextSample();

        // read from disk while the workspace still holds the project: read-only, as a second writer is refused
        try (ProjectStore saved = ProjectStore.openReadOnly(temp.resolve("project"))) {
            LabelStore labels = saved.readLabels();
            assertEquals(DemoVideo.SKY, labels.human(0).id(1, 1));
            assertEquals(2 / (40.0 * 30), labels.humanShare(0), 1e-9);
        }
        workspace.close();
    }

    @Test
    void aProjectOpenInTheWorkspaceIsRefusedASecondTimeNamingItsHolderAndReopensOnceClosed() throws Exception {
        AnnotationWorkspace workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        workspace.open(demoProject());
        Path folder = temp.resolve("project");

        java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ProjectFolders.open(folder, PluginRegistry.ofPlatform()));

        assertTrue(refused.getMessage().contains(folder.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("already open for writing in this process by ide (pid "
                + ProcessHandle.current().pid()), refused.getMessage());
        workspace.close();
        try (AnnotationProject reopened = ProjectFolders.open(folder, PluginRegistry.ofPlatform())) {
            assertEquals(folder, reopened.folder());
        }
    }

    @Test
    void aReopenedProjectRestoresTheLedgerWithoutJournalingItTwice() throws Exception {
        AnnotationProject project = demoProject();
        Sample sample = new Sample(0, new Region.WholeFrame(40, 30));
        project.session().labels().putHuman(0, sample.region(), project.session().labels().merged(0));
        project.session().ledger().append(new org.frameloop.core.ledger.LedgerEntry(1, sample, 7, 3.5, "human",
                System.currentTimeMillis()));
        project.close();

        AnnotationProject reopened = ProjectFolders.open(temp.resolve("project"), PluginRegistry.ofPlatform());

        assertEquals(1, reopened.session().ledger().size(), "the ledger is restored from the journal");
        assertEquals(7, reopened.session().ledger().totalClicks());
        assertEquals(3.5, reopened.session().ledger().totalSeconds(), 1e-9);
        assertEquals(1, reopened.store().ledgerEntries().size(), "reopening journals nothing again");
        reopened.close();
    }

    @Test
    void labelMapPresetsAndTypedListsGiveTheExpectedClasses() {
        assertEquals(11, LabelMapPresets.camVid11().classes().size());
        assertEquals(11, LabelMapPresets.camVid11().ignoreId().getAsInt());
        assertEquals(19, LabelMapPresets.cityscapes19().classes().size());
        var custom = LabelMapPresets.parseClassList("road #804080\n\ncar\n");
        assertEquals(2, custom.classes().size());
        assertEquals(0x804080, custom.classes().get(0).rgb());
        assertEquals("car", custom.classes().get(1).name());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> LabelMapPresets.parseClassList("road #80408"));
    }
}
