package org.frameloop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.editor.dialogs.InstallPluginsDialog;
import org.frameloop.editor.dialogs.ShortcutsDialog;
import org.frameloop.editor.handlers.ProjectOpening;
import org.frameloop.editor.handlers.RoundCompletion;
import org.frameloop.editor.handlers.RoundGuard;
import org.frameloop.core.quality.ReviewQueue;
import org.frameloop.editor.parts.ProgressPart;
import org.frameloop.editor.parts.ReviewQueuePart;
import org.frameloop.editor.parts.TimelinePart;
import org.frameloop.editor.parts.VideoCanvasAccess;
import org.frameloop.editor.parts.VideoEditorPart;
import org.frameloop.editor.session.AnnotationProject;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.DemoVideo;
import org.frameloop.editor.session.ProjectFolders;
import org.frameloop.editor.session.ProjectSettings;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.editor.session.Tool;
import org.frameloop.io.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real IDE workbench (the org.frameloop.app.ide product and its Application.e4xmi) on a
 * real display, which is Xvfb in CI, and works as an annotator would, with posted mouse and key events:
 * a project on a small procedural video, a polygon over a known square, undo and redo, Finish round,
 * and the timeline after the model's round. One workbench start for everything keeps it fast.
 */
class MainWindowTest {

    /** Deleted after each test, so runs leave nothing in the system temp folder. */
    @TempDir
    Path temporaryFolder;

    private static final long TIMEOUT_MS = 120_000;
    private static final int WIDTH = 120;
    private static final int HEIGHT = 90;

    private String title;
    private final List<String> pluginTreeRows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final List<Path> screenshots = new ArrayList<>();
    private Display display;
    private PostedEvents input;

    @Test
    void anAnnotatorLabelsASquareUndoesItFinishesARoundAndSeesTheTimelineUpdate() throws Exception {
        Path temp = Files.createTempDirectory(temporaryFolder, "frameloop-ide-test");
        // a tiny procedural video keeps this UI test fast; the generator is tested in org.frameloop.synth.tests
        Path video = DemoVideo.write(temp.resolve("video"), 6, WIDTH, HEIGHT);
        ProjectSettings settings = new ProjectSettings(video, video.resolve("gt"), PluginChoice.of("propagation"),
                PluginChoice.of("frame"), PluginChoice.of("hybrid"), PluginChoice.of("dis"), PluginChoice.of("polygon"),
                1, 1);
        Path folder = temp.resolve("project");
        ProjectFolders.create(folder, settings, DemoVideo.labelMap(), PluginRegistry.ofPlatform()).close();

        display = Display.getDefault();
        input = new PostedEvents(display);
        PostedEvents.inWorkbench(display, TIMEOUT_MS, failures, (window, workbench) -> annotate(window, workbench, folder));

        assertTrue(failures.isEmpty(), failures.toString());
        assertEquals("Frameloop", title);
        assertTrue(pluginTreeRows.stream().anyMatch(row -> row.startsWith("Sample selectors")), pluginTreeRows.toString());
        for (Path screenshot : screenshots) {
            assertTrue(Files.size(screenshot) > 1000, "screenshot written to " + screenshot);
        }
    }

    private void annotate(Shell window, E4Workbench workbench, Path folder) throws Exception {
        pumpUntil(() -> false, 200);
        title = window.getText();
        Tree tree = find(window, Tree.class);
        if (tree != null) {
            for (TreeItem item : tree.getItems()) {
                pluginTreeRows.add(item.getText());
            }
        }
        AnnotationWorkspace workspace = workbench.getContext().get(AnnotationWorkspace.class);
        EModelService models = workbench.getContext().get(EModelService.class);
        MPart editorPart = (MPart) models.find("org.frameloop.editor.part.videoEditor", workbench.getApplication());
        MPart timelinePart = (MPart) models.find("org.frameloop.editor.part.timeline", workbench.getApplication());
        window.forceActive();

        EHandlerService handlers = workbench.getApplication().getChildren().get(0).getContext().get(EHandlerService.class);
        ECommandService commands = workbench.getContext().get(ECommandService.class);
        ParameterizedCommand export = commands.createCommand("org.frameloop.editor.command.export", null);
        check(!handlers.canExecute(export), "File > Export is disabled without a project");
        check(handlers.canExecute(commands.createCommand("org.frameloop.editor.command.openProjectAddress", null)),
                "File > Open Project Address... has a handler (a team's project: TeamProjectWindowTest)");
        openAndCloseInstallPlugins(handlers, commands);

        UiHeartbeat opening = new UiHeartbeat(display).start();
        Job open = ProjectOpening.open(display, workspace, folder);
        check(pumpUntil(workspace::hasProject, 30_000), "File > Open Project's job opens the project: " + open.getResult());
        System.out.printf("UI thread max gap while the project opened: %.1f ms%n", opening.stop());
        AnnotationProject project = workspace.project();
        workspace.startLoop();
        check(pumpUntil(workspace.queue()::awaitingAnnotation, 60_000), "the loop chose samples for round 1");
        int frame = workspace.currentSample().frameIndex();
        // the editor moves to the sample's frame through an asyncExec that may still be queued
        check(pumpUntil(() -> workspace.frame() == frame, 10_000), "the editor shows the sample's frame");

        workbench.getApplication().getChildren().get(0).getContext().get(EPartService.class).activate(editorPart);
        VideoCanvasAccess canvas = ((VideoEditorPart) editorPart.getObject()).canvasAccess();
        input.countMouseUpsOn(canvas.control());
        canvas.control().setFocus();
        pumpUntil(() -> false, 100);

        key(0, '4');
        check(pumpUntil(() -> workspace.classId() == DemoVideo.CAR, 5_000), "key 4 picks the fourth class (car)");

        LabelStore labels = project.session().labels();
        drawSquare(canvas, 20, 20, 60, 60);
        check(pumpUntil(() -> labels.hasHuman(frame), 5_000), "the polygon labelled pixels");
        long labelled = Math.round(labels.humanShare(frame) * WIDTH * HEIGHT);
        check(labelled > 1400 && labelled < 1800, "the 40x40 square has about 1600 human pixels, got " + labelled);
        check(labels.human(frame).id(40, 40) == DemoVideo.CAR, "the square's inside is car");
        check(labels.human(frame).id(10, 10) == 255, "outside the polygon stays unlabelled");

        key(SWT.CTRL, 'z');
        check(pumpUntil(() -> !labels.hasHuman(frame), 5_000), "Ctrl+Z undoes the polygon");
        key(SWT.CTRL, 'y');
        check(pumpUntil(() -> labels.hasHuman(frame), 5_000), "Ctrl+Y redoes it");
        screenshots.add(screenshot(window, "ide-annotating.png"));

        key(0, '2');
        check(pumpUntil(() -> workspace.classId() == DemoVideo.ROAD, 5_000), "key 2 picks the second class (road)");
        drawSquareClosedByDoubleClick(canvas, 70, 20, 110, 60);
        check(pumpUntil(() -> labels.human(frame).id(90, 40) == DemoVideo.ROAD, 5_000),
                "a double-click on the last vertex closes the polygon");
        long road = countHuman(labels, frame, DemoVideo.ROAD);
        check(road > 1400 && road < 1800, "the double-clicked 40x40 square has about 1600 road pixels, got " + road);
        check(labels.human(frame).id(40, 40) == DemoVideo.CAR, "the first square keeps its class");

        UiHeartbeat round = new UiHeartbeat(display).start();
        // the whole-frame sample still has unlabelled pixels: Finish round asks, and Enter says yes
        String[] question = new String[1];
        answerWhenShown(RoundCompletion.TITLE, dialog -> {
            question[0] = find(dialog, Label.class) == null ? "" : collectText(dialog);
            key(0, SWT.CR);
        });
        key(SWT.CTRL, SWT.CR);
        check(pumpUntil(() -> workspace.rounds().size() >= 2, 90_000), "Finish round (Ctrl+Enter) ran round 1");
        check(question[0] != null && question[0].contains("1 of 1 samples still have unlabelled pixels"),
                "Finish round asked before handing over a half-labelled sample: " + question[0]);
        check(pumpUntil(workspace.queue()::awaitingAnnotation, 60_000), "round 2 asks for samples");
        acceptTheProposalAndTakeItBack(workspace, canvas);
        zoomReadAndListTheKeys(window, workspace, (VideoEditorPart) editorPart.getObject(), canvas);
        System.out.printf("UI thread max gap while round 1's job fine-tuned and predicted: %.1f ms (%d beats of %d ms)%n",
                round.stop(), round.beats(), UiHeartbeat.PERIOD_MS);
        // 4 vertices closed by Enter + 4 closed by a double-click (whose second press is no vertex)
        check(project.session().ledger().size() == 1 && project.session().ledger().entries().get(0).clicks() == 8,
                "the ledger holds the sample with its 8 polygon clicks: " + project.session().ledger().entries());
        for (int f = 0; f < project.session().frameCount(); f++) {
            check(!Float.isNaN(workspace.uncertainty(f)), "frame " + f + " has an uncertainty after the round");
        }
        pumpUntil(() -> false, 300);
        Canvas timeline = find((Composite) timelinePart.getWidget(), Canvas.class);
        RGB bar = pixel(timeline, frame, project.session().frameCount());
        check(bar.green > 120 && bar.red < 100, "the timeline cell of frame " + frame + " shows a human bar, colour " + bar);
        screenshots.add(screenshot(window, "ide-main-window.png"));
        reviewTheWeakestFrameFirst(workbench, workspace, timeline);
        checkTheStatusLineShowsItsWholeText(window);
        System.out.printf("overlay image rebuild for %dx%d: %.2f ms%n", WIDTH, HEIGHT, canvas.lastRenderMicros() / 1000.0);

        exportThroughTheDialog(handlers, export, folder);
        cancelTheLoopInTheProgressView(workbench, workspace, frame);
        reopenAndContinue(workbench, workspace, folder, frame);
        navigateWithTheKeyboard(workbench, window, workspace, editorPart, folder.getParent());
        createADatasetSequenceProjectWithTheWizard(handlers, commands, workspace, folder.getParent());
        keepWorkingWhileTheModelLearns(workbench, window, workspace, editorPart, folder.getParent());
        workspace.close();
    }

    /**
     * Never wait on the model: after Finish round, while the model (held on a latch) fine-tunes, the Samples
     * view says so and offers the sample it ranks next; A and Tab label it and hand it over, and it is
     * journaled before the model is done; round 1 counts both samples' clicks once.
     */
    private void keepWorkingWhileTheModelLearns(E4Workbench workbench, Shell window, AnnotationWorkspace workspace,
            MPart editorPart, Path temp) throws Exception {
        Path video = DemoVideo.write(temp.resolve("held-video"), 6, WIDTH, HEIGHT);
        ProjectSettings settings = new ProjectSettings(video, video.resolve("gt"), PluginChoice.of("test-held-model"),
                new PluginChoice("rect", java.util.Map.of("sizePx", "30")), PluginChoice.of("uncertainty"),
                PluginChoice.of("none"), PluginChoice.of("polygon"), 1, 1);
        Path folder = temp.resolve("held-project");
        ProjectFolders.create(folder, settings, DemoVideo.labelMap(), PluginRegistry.ofPlatform()).close();
        ProjectOpening.open(display, workspace, folder);
        check(pumpUntil(() -> workspace.hasProject() && workspace.project().folder().equals(folder), 30_000),
                "the held model's project opens");
        if (!workspace.hasProject() || !workspace.project().folder().equals(folder)) {
            return;
        }
        AnnotationProject project = workspace.project();
        EPartService parts = workbench.getApplication().getChildren().get(0).getContext().get(EPartService.class);
        MPart samplesPart = parts.showPart("org.frameloop.editor.part.sampleQueue", EPartService.PartState.VISIBLE);
        Label heading = find((Composite) samplesPart.getWidget(), Label.class);
        Table samples = find((Composite) samplesPart.getWidget(), Table.class);
        Canvas canvas = ((VideoEditorPart) editorPart.getObject()).canvasAccess().control();
        HeldModel.hold();
        try {
            workspace.startLoop();
            check(pumpUntil(workspace.queue()::awaitingAnnotation, 60_000), "round 1 asks for a sample: "
                    + workspace.loopJob().getResult());
            if (!workspace.queue().awaitingAnnotation()) {
                return;
            }
            window.forceActive();
            parts.activate(editorPart);
            canvas.setFocus();
            check(pumpUntil(() -> display.getFocusControl() == canvas, 5_000), "the video canvas has the focus");
            key(0, 'a');
            check(pumpUntil(() -> workspace.incompleteSamples().isEmpty(), 5_000), "A labels the sample in full");
            key(SWT.CTRL, SWT.CR);
            check(pumpUntil(() -> workspace.queue().offering() && HeldModel.fineTuning(), 30_000),
                    "after Finish round the model fine-tunes and extra samples are offered");
            check(pumpUntil(() -> heading.getText().startsWith("The model is learning from round 1"), 5_000),
                    "the Samples view says the model is learning: " + heading.getText());
            check(pumpUntil(() -> workspace.progress().text().contains("Fine-tuning"), 5_000),
                    "the progress names the phase: " + workspace.progress().text());
            if (!workspace.queue().offering()) {
                return;
            }
            int frame = workspace.currentSample().frameIndex();
            check(pumpUntil(() -> workspace.frame() == frame, 5_000), "the editor shows the extra sample");
            canvas.setFocus();
            pumpUntil(() -> display.getFocusControl() == canvas, 5_000);
            key(0, 'a');
            specialKey(0, SWT.TAB, '\t');
            check(pumpUntil(() -> project.session().ledger().size() == 2, 5_000),
                    "Tab hands the labelled extra sample to the loop");
            check(workspace.queue().offering() && !HeldModel.released(), "while the model still works");
            try (org.frameloop.io.ProjectStore saved = org.frameloop.io.ProjectStore.openReadOnly(folder)) {
                check(saved.ledgerEntries().size() == 2, "the extra sample is journaled at once");
            }
            check(pumpUntil(() -> samples.getItemCount() > 0 && samples.getItem(0).getText(3).equals("extra, done"),
                    5_000), "the Samples view marks it done");
            correctTheWeakestFrameMeanwhile(workbench, workspace, canvas, samples, heading);
        } finally {
            HeldModel.release();
        }
        check(pumpUntil(() -> workspace.queue().awaitingAnnotation() && workspace.queue().round() == 2, 60_000),
                "round 2 asks for samples once the model is done");
        check(workspace.rounds().stream().anyMatch(r -> r.round() == 1 && r.samples().size() == 3
                && r.roundClicks() == 3), "round 1 has the sample, the extra one and the weak frame, one click each: "
                + workspace.rounds());
        check(project.session().ledger().totalClicks() == 3, "clicks counted once");
        System.out.printf("while the model worked: %d sample(s) labelled, journaled and counted in round 1%n",
                project.session().ledger().size() - 1);
    }

    /**
     * Or the weakest frames: the Samples view lists them after the extra sample; Home in the Review view picks the
     * weakest, which becomes the sample to correct; A accepts the model's labels on it and Tab hands it over,
     * journaled while the model still works.
     */
    private void correctTheWeakestFrameMeanwhile(E4Workbench workbench, AnnotationWorkspace workspace, Canvas canvas,
            Table samples, Label heading) {
        specialKey(SWT.SHIFT, SWT.TAB, '\t'); // back to the extra sample, to pick the weak frame from the Review view
        check(pumpUntil(() -> workspace.queue().currentIndex() == 0, 5_000), "Shift+Tab goes back to the extra sample");
        check(pumpUntil(() -> samples.getItemCount() == 2 && samples.getItem(1).getText(3).equals("weak frame, open")
                && samples.getItem(1).getText(2).equals("whole frame"), 5_000),
                "the Samples view offers the weakest frame after the extra sample");
        check(heading.getText().contains("or correct the 1 weakest frame of the last estimate"),
                "the heading says so: " + heading.getText());
        EPartService parts = workbench.getApplication().getChildren().get(0).getContext().get(EPartService.class);
        MPart reviewPart = parts.showPart("org.frameloop.editor.part.reviewQueue", EPartService.PartState.ACTIVATE);
        Table review = find((Composite) reviewPart.getWidget(), Table.class);
        ReviewQueuePart reviewQueue = (ReviewQueuePart) reviewPart.getObject();
        check(pumpUntil(() -> review.getItemCount() == workspace.frameCount(), 5_000), "the Review view lists every frame");
        review.setFocus();
        check(pumpUntil(() -> display.getFocusControl() == review, 5_000), "the Review table takes the focus");
        key(0, '3');
        check(pumpUntil(() -> workspace.classId() == DemoVideo.BUILDING, 5_000),
                "key 3 picks the third class (building) with the focus in the Review view");
        // (GTK may select the first row when the table takes the focus: End, then Home, select for sure)
        specialKey(0, SWT.END, (char) 0);
        specialKey(0, SWT.HOME, (char) 0);
        int weakest = reviewQueue.entries().isEmpty() ? -1 : reviewQueue.entries().get(0).frame();
        check(pumpUntil(() -> workspace.queue().currentIndex() == 1 && workspace.frame() == weakest, 5_000),
                "Home in the Review view makes the weakest frame " + weakest + " the sample to correct: current "
                        + workspace.queue().currentIndex() + " in " + workspace.queue().entries().stream()
                                .map(e -> e.sample().frameIndex() + (e.weakFrame() ? " weak" : "")).toList()
                        + ", showing frame " + workspace.frame());
        AnnotationProject project = workspace.project();
        parts.activate(parts.findPart("org.frameloop.editor.part.videoEditor"));
        canvas.setFocus();
        pumpUntil(() -> display.getFocusControl() == canvas, 5_000);
        key(0, 'a');
        keepTheRoundWhenClosingIsRefused(workbench, workspace);
        canvas.getShell().forceActive();
        pumpUntil(() -> display.getActiveShell() == canvas.getShell(), 5_000);
        parts.activate(parts.findPart("org.frameloop.editor.part.videoEditor")); // as a click on the video would
        canvas.setFocus();
        check(pumpUntil(() -> display.getFocusControl() == canvas, 5_000), "the canvas has the focus again");
        specialKey(0, SWT.TAB, '\t');
        check(pumpUntil(() -> project.session().ledger().size() == 3, 5_000),
                "Tab hands the corrected weak frame to the loop: current " + workspace.queue().currentIndex() + ", focus "
                        + display.getFocusControl() + ", notice " + workspace.notice() + ", in hand "
                        + workspace.queue().workInHand().size());
        check(project.session().labels().isFullyHuman(weakest, new org.frameloop.core.sample.Region.WholeFrame(
                WIDTH, HEIGHT)), "every pixel of the weak frame is the person's now");
        parts.showPart("org.frameloop.editor.part.sampleQueue", EPartService.PartState.VISIBLE);
        check(pumpUntil(() -> samples.getItem(1).getText(3).equals("weak frame, done"), 5_000),
                "the Samples view marks it done: " + samples.getItem(1).getText(3));
        check(workspace.queue().offering() && !HeldModel.released(), "while the model still works");
    }

    /**
     * Confirm before leaving an open round: with a sample's work in hand, File > Close Project and File > New
     * Project ask; Escape says no and the project, the loop and the sample stay.
     */
    private void keepTheRoundWhenClosingIsRefused(E4Workbench workbench, AnnotationWorkspace workspace) {
        EHandlerService handlers = workbench.getApplication().getChildren().get(0).getContext().get(EHandlerService.class);
        ECommandService commands = workbench.getContext().get(ECommandService.class);
        AnnotationProject project = workspace.project();
        int current = workspace.queue().currentIndex();
        String[] question = new String[1];
        answerWhenShown(RoundGuard.TITLE, dialog -> {
            question[0] = collectText(dialog);
            specialKey(0, SWT.ESC, (char) 27);
        });
        handlers.executeHandler(commands.createCommand("org.frameloop.editor.command.closeProject", null));
        check(question[0] != null && question[0].contains("1 sample(s) of round 1") && question[0].contains("1 clicks"),
                "Close Project asks first while a sample's work is in hand: " + question[0]);
        check(workspace.project() == project && workspace.loopRunning() && workspace.queue().currentIndex() == current,
                "Escape keeps the project, the loop and the sample");
        String[] newProjectQuestion = new String[1];
        answerWhenShown(RoundGuard.TITLE, dialog -> {
            newProjectQuestion[0] = collectText(dialog);
            specialKey(0, SWT.ESC, (char) 27);
        });
        handlers.executeHandler(commands.createCommand("org.frameloop.editor.command.newProject", null));
        check(newProjectQuestion[0] != null && newProjectQuestion[0].contains("Start a new project anyway?"),
                "New Project asks first too: " + newProjectQuestion[0]);
        check(workspace.project() == project && workspace.loopRunning() && workspace.queue().currentIndex() == current,
                "Escape on New Project's question opens no wizard and keeps the project, the loop and the sample");
    }

    /**
     * Round 2's sample lies on a frame the propagated labels reach: A accepts them as the person's labels on
     * the sample's unlabelled pixels for one click, and Ctrl+Z takes them back.
     */
    private void acceptTheProposalAndTakeItBack(AnnotationWorkspace workspace, VideoCanvasAccess canvas) {
        int frame = workspace.currentSample().frameIndex();
        LabelStore labels = workspace.project().session().labels();
        check(pumpUntil(() -> workspace.frame() == frame, 10_000), "the editor shows round 2's sample");
        byte[] before = labels.human(frame).ids();
        byte[] proposal = labels.auto(frame).ids();
        byte unlabelled = (byte) LabelImage.UNLABELED;
        long proposed = 0;
        for (int i = 0; i < proposal.length; i++) {
            proposed += before[i] == unlabelled && proposal[i] != unlabelled ? 1 : 0;
        }
        check(proposed > 0, "the propagated labels propose classes on frame " + frame);
        canvas.control().setFocus();
        pumpUntil(() -> display.getFocusControl() == canvas.control(), 5_000);
        long humanBefore = Math.round(labels.humanShare(frame) * WIDTH * HEIGHT);
        key(0, 'a');
        check(pumpUntil(() -> Math.round(labels.humanShare(frame) * WIDTH * HEIGHT) > humanBefore, 5_000),
                "A accepts the proposal as the person's labels");
        byte[] after = labels.human(frame).ids();
        long accepted = 0;
        for (int i = 0; i < after.length; i++) {
            accepted += before[i] == unlabelled && after[i] != unlabelled && after[i] == proposal[i] ? 1 : 0;
        }
        check(accepted == proposed, "every proposed pixel of the sample became the person's: " + accepted + " of "
                + proposed);
        check(workspace.queue().entries().get(workspace.queue().currentIndex()).clicks() == 1,
                "accepting costs one click");
        key(SWT.CTRL, 'z');
        check(pumpUntil(() -> java.util.Arrays.equals(labels.human(frame).ids(), before), 5_000),
                "Ctrl+Z takes the accepted labels back");
    }

    /**
     * Ctrl+0 fits the frame after a wheel zoom, Z zooms to the (whole-frame) sample, O hides and shows the
     * overlay, the status line names the class under the mouse, and F1 lists the keys from the bindings.
     */
    private void zoomReadAndListTheKeys(Shell window, AnnotationWorkspace workspace, VideoEditorPart editor,
            VideoCanvasAccess canvas) {
        canvas.control().setFocus();
        pumpUntil(() -> display.getFocusControl() == canvas.control(), 5_000);
        // the new round's sample is followed (zoomed to) by an asynchronous refresh; on a loaded machine it
        // can still be queued here and would undo the wheel's zoom: let every queued refresh run first
        while (display.readAndDispatch()) {
            // drain
        }
        double fitted = editor.zoom();
        wheel(canvas, 3);
        check(editor.zoom() > fitted * 1.1, "the wheel zooms in: " + fitted + " -> " + editor.zoom());
        key(SWT.CTRL, '0');
        check(pumpUntil(() -> Math.abs(editor.zoom() - fitted) < 1e-9, 5_000), "Ctrl+0 fits the frame again");
        wheel(canvas, 3);
        key(0, 'z');
        check(pumpUntil(() -> Math.abs(editor.zoom() - fitted) < 1e-9, 5_000),
                "Z zooms to the sample, which is the whole frame here");

        specialKey(SWT.CTRL, SWT.ARROW_UP, (char) 0);
        specialKey(SWT.CTRL | SWT.SHIFT, SWT.ARROW_UP, (char) 0);
        check(pumpUntil(() -> workspace.brightness() > 0 && workspace.contrastPercent() > 100, 5_000),
                "Ctrl+Up brightens the frame and Ctrl+Shift+Up adds contrast: " + workspace.brightness() + ", "
                        + workspace.contrastPercent() + "%");
        key(SWT.CTRL | SWT.SHIFT, 'r');
        check(pumpUntil(() -> workspace.brightness() == 0 && workspace.contrastPercent() == 100, 5_000),
                "Ctrl+Shift+R shows the frame as it is again");
        key(0, 'o');
        check(pumpUntil(() -> !workspace.showHuman() && !workspace.showAuto(), 5_000), "O hides the overlay");
        key(0, 'o');
        check(pumpUntil(() -> workspace.showHuman() && workspace.showAuto(), 5_000), "O shows it again");

        move(canvas.toDisplay(40.5, 40.5));
        List<CLabel> labels = new ArrayList<>();
        collect(window, CLabel.class, labels);
        CLabel status = labels.stream().filter(l -> l.getText() != null && l.getText().startsWith("project  |  frame"))
                .findFirst().orElse(null);
        check(status != null && pumpUntil(() -> status.getText().contains("x 40, y 40: "), 5_000),
                "the status line names the pixel under the mouse and its class: " + (status == null ? "" : status.getText()));
        move(canvas.toDisplay(-2, 45)); // into the letterbox: the pixel text goes
        check(status != null && pumpUntil(() -> !status.getText().contains("x 40, y 40"), 5_000),
                "off the image the status line drops the pixel");

        List<String> rows = new ArrayList<>();
        answerWhenShown(ShortcutsDialog.TITLE, dialog -> {
            Table table = find(dialog, Table.class);
            for (TableItem item : table.getItems()) {
                rows.add(item.getText(0) + " = " + item.getText(1));
            }
            key(0, SWT.CR);
        });
        specialKey(0, SWT.F1, (char) 0);
        check(pumpUntil(() -> !rows.isEmpty() && shell(ShortcutsDialog.TITLE) == null, 20_000), "F1 lists the shortcuts");
        for (String expected : List.of("A = Accept Proposal", "Z = Zoom to Sample", "Ctrl+Enter = Finish Round",
                "F1 = Keyboard Shortcuts", "P = Polygon Tool")) {
            check(rows.contains(expected), "the shortcut list has '" + expected + "': " + rows);
        }
        window.forceActive();
        pumpUntil(() -> display.getActiveShell() == window, 5_000);
        canvas.control().setFocus();
        pumpUntil(() -> display.getFocusControl() == canvas.control(), 5_000);
    }

    /** A wheel turn over the canvas's centre, as GTK delivers it (posted wheel events are not portable). */
    private void wheel(VideoCanvasAccess canvas, int count) {
        Point centre = canvas.control().toControl(canvas.toDisplay(60, 45));
        Event event = new Event();
        event.type = SWT.MouseVerticalWheel;
        event.count = count;
        event.x = centre.x;
        event.y = centre.y;
        event.widget = canvas.control();
        event.display = display;
        canvas.control().notifyListeners(SWT.MouseVerticalWheel, event);
        pumpUntil(() -> false, 50);
    }

    /**
     * Help > Install Plugins... runs its handler in the workbench, which opens the dialog on this runtime's own
     * installation; Enter closes it. (Installing and removing through it: InstallPluginsDialogTest.)
     */
    private void openAndCloseInstallPlugins(EHandlerService handlers, ECommandService commands) {
        ParameterizedCommand install = commands.createCommand("org.frameloop.editor.command.installPlugins", null);
        check(handlers.canExecute(install), "Help > Install Plugins... has a handler");
        String[] shown = new String[1];
        answerWhenShown(InstallPluginsDialog.TITLE, dialog -> {
            shown[0] = collectText(dialog);
            key(0, SWT.CR);
        });
        handlers.executeHandler(install); // returns when the dialog is closed
        check(shown[0] != null && shown[0].contains("Plugins live in ") && shown[0].contains("installed-plugins"),
                "Help > Install Plugins... opens the dialog on the running installation: " + shown[0]);
    }

    /** Runs {@code answer} inside the modal shell titled {@code title} once it opens (it has its own event loop). */
    private void answerWhenShown(String title, java.util.function.Consumer<Shell> answer) {
        input.answerWhenShown(title, answer, failures);
    }

    private static String collectText(Shell dialog) {
        return PostedEvents.collectText(dialog);
    }

    /**
     * After a round the Review view ranks every frame by its estimated quality, weakest first, under the
     * whole-video estimate; End and Home in its table show the strongest and the weakest frame in the editor,
     * and the timeline's cells are coloured by the same estimate.
     */
    private void reviewTheWeakestFrameFirst(E4Workbench workbench, AnnotationWorkspace workspace, Canvas timeline) {
        int frames = workspace.frameCount();
        EPartService parts = workbench.getApplication().getChildren().get(0).getContext().get(EPartService.class);
        MPart reviewPart = parts.showPart("org.frameloop.editor.part.reviewQueue", EPartService.PartState.ACTIVATE);
        ReviewQueuePart review = (ReviewQueuePart) reviewPart.getObject();
        Table table = find((Composite) reviewPart.getWidget(), Table.class);
        check(pumpUntil(() -> review.entries().size() == frames && table.getItemCount() == frames, 5_000),
                "the Review view lists all " + frames + " frames: " + review.entries());
        List<ReviewQueue.Entry> entries = review.entries();
        if (entries.size() != frames) {
            return;
        }
        for (int i = 1; i < entries.size(); i++) {
            check(entries.get(i - 1).estimatedAccuracy() <= entries.get(i).estimatedAccuracy(),
                    "weakest first: " + entries);
        }
        Label summary = find((Composite) reviewPart.getWidget(), Label.class);
        check(summary.getText().startsWith("Estimated mIoU"), "the Review view states the estimate: " + summary.getText());
        check(table.getItem(0).getText(1).equals(Integer.toString(entries.get(0).frame() + 1)),
                "the first row is the weakest frame, numbered from 1: " + table.getItem(0).getText(1));
        table.getShell().forceActive();
        pumpUntil(() -> display.getActiveShell() == table.getShell(), 5_000);
        table.setFocus();
        check(pumpUntil(() -> display.getFocusControl() == table, 5_000), "the Review table takes the focus");
        int strongest = entries.get(frames - 1).frame();
        int weakest = entries.get(0).frame();
        specialKey(0, SWT.END, (char) 0);
        check(pumpUntil(() -> workspace.frame() == strongest, 5_000), "End in the Review view shows the strongest frame "
                + strongest + ", showing " + workspace.frame());
        specialKey(0, SWT.HOME, (char) 0);
        check(pumpUntil(() -> workspace.frame() == weakest, 5_000), "Home in the Review view shows the weakest frame "
                + weakest + ", showing " + workspace.frame());
        pumpUntil(() -> false, 300);
        RGB cell = pixel(timeline, weakest, frames, 8);
        RGB expected = TimelinePart.estimateColour(workspace.estimatedAccuracy(weakest));
        check(Math.abs(cell.red - expected.red) + Math.abs(cell.green - expected.green) + Math.abs(cell.blue - expected.blue) < 12,
                "the timeline cell of frame " + weakest + " has the colour of its estimate " + expected + ", got " + cell);
    }

    /** The status line in the bottom trim shows its whole text, from the project name to the loop's step. */
    private void checkTheStatusLineShowsItsWholeText(Shell window) {
        List<CLabel> labels = new ArrayList<>();
        collect(window, CLabel.class, labels);
        CLabel status = labels.stream().filter(l -> l.getText() != null && l.getText().startsWith("project  |  frame"))
                .findFirst().orElse(null);
        check(status != null, "the status line names the project and the frame: "
                + labels.stream().map(CLabel::getText).toList());
        if (status != null) {
            String text = status.getText();
            check(text.contains("Round 2"), "the status line tells the loop's step: " + text);
            int needed = status.computeSize(SWT.DEFAULT, SWT.DEFAULT).x;
            check(status.getSize().x >= needed, "the status line is " + status.getSize().x + " px wide, its text needs "
                    + needed + ": " + text);
            ProgressBar bar = find(status.getParent(), ProgressBar.class);
            check(bar != null && bar.isVisible() && bar.getBounds().x >= status.getBounds().x + status.getSize().x
                    && status.getParent().getClientArea().width >= bar.getBounds().x + bar.getBounds().width,
                    "the loop's progress bar fits beside the text");
        }
    }

    /**
     * File > Export with the dialog's defaults (the first format by name, COCO RLE, into the project's
     * export folder): Enter exports, the job's report names the folder, Enter closes it.
     */
    private void exportThroughTheDialog(EHandlerService handlers, ParameterizedCommand export, Path folder) {
        check(handlers.canExecute(export), "File > Export is enabled with a project open");
        Path out = folder.resolve("export").resolve("coco-rle");
        String[] report = new String[1];
        long deadline = System.currentTimeMillis() + 30_000;
        // the report is a modal dialog with its own event loop: a timer running inside it reads and closes it
        Runnable closeReport = new Runnable() {
            @Override
            public void run() {
                Shell done = shell("Export");
                if (done == null) {
                    if (System.currentTimeMillis() < deadline) {
                        display.timerExec(50, this);
                    }
                    return;
                }
                List<Label> texts = new ArrayList<>();
                collect(done, Label.class, texts);
                report[0] = texts.stream().map(Label::getText).filter(t -> t.contains("Exported")).findFirst()
                        .orElse("no report among " + texts.stream().map(Label::getText).toList());
                key(0, SWT.CR);
                if (!pumpUntil(() -> shell("Export") == null, 5_000)) {
                    failures.add("Enter closes the export's report");
                    done.close();
                }
            }
        };
        display.timerExec(200, () -> {
            check(pumpUntil(() -> shell("Export labels") != null, 10_000), "the export dialog opens");
            key(0, SWT.CR);
            Shell dialog = shell("Export labels");
            if (!pumpUntil(() -> dialog == null || dialog.isDisposed(), 5_000)) {
                failures.add("Enter in the export dialog starts the export");
                dialog.close();
                return;
            }
            display.timerExec(50, closeReport);
        });
        handlers.executeHandler(export); // returns when the dialog is closed; the job goes on
        check(pumpUntil(() -> report[0] != null, 30_000), "the export reports its result");
        check(report[0] != null && report[0].contains(out.toString()), "the report names the folder: " + report[0]);
        check(Files.isRegularFile(out.resolve("annotations.json")), "COCO annotations written into " + out);
    }

    private Shell shell(String text) {
        return input.shell(text);
    }

    /** Window > Progress lists the loop's job; its Cancel button stops it and the person's work stays. */
    private void cancelTheLoopInTheProgressView(E4Workbench workbench, AnnotationWorkspace workspace, int frame) {
        EPartService parts = workbench.getApplication().getChildren().get(0).getContext().get(EPartService.class);
        MPart progressPart = parts.showPart("org.frameloop.editor.part.progress", EPartService.PartState.ACTIVATE);
        Job loop = workspace.loopJob();
        Button[] cancel = new Button[1];
        check(pumpUntil(() -> (cancel[0] = cancelButton((Composite) progressPart.getWidget(), loop)) != null
                && cancel[0].isVisible(), 10_000), "the Progress view lists the loop job with a Cancel button");
        if (cancel[0] == null) {
            return;
        }
        ProgressBar bar = find(cancel[0].getParent(), ProgressBar.class);
        check(bar != null && bar.isVisible(), "the loop job has a progress bar");
        // GTK delivers posted presses at the shell's origin, which misses a button: press it with the keyboard
        cancel[0].getShell().forceActive(); // back from the export's dialogs
        cancel[0].setFocus();
        check(pumpUntil(() -> display.getFocusControl() == cancel[0], 5_000), "the Cancel button takes the focus");
        key(0, ' ');
        check(pumpUntil(() -> loop.getState() == Job.NONE, 30_000), "Cancel in the Progress view stops the loop");
        check(loop.getResult() != null && loop.getResult().getSeverity() == IStatus.CANCEL, "the loop was cancelled: "
                + loop.getResult());
        check(pumpUntil(() -> cancelButton((Composite) progressPart.getWidget(), loop) == null, 5_000),
                "the cancelled job leaves the Progress view");
        AnnotationProject project = workspace.project();
        check(project.session().ledger().size() == 1, "the ledger keeps its sample");
        check(project.session().labels().human(frame).id(40, 40) == DemoVideo.CAR, "the labels stay");
        check(Files.isRegularFile(((ProjectStore) project.store()).labelFile("human", frame)), "the labels are on disk");
    }

    /** The reopened project has the labels, the ledger and the round history, and its loop goes on with round 2. */
    private void reopenAndContinue(E4Workbench workbench, AnnotationWorkspace workspace, Path folder, int frame) {
        workspace.close();
        ProjectOpening.open(display, workspace, folder);
        check(pumpUntil(workspace::hasProject, 30_000), "the project reopens");
        if (!workspace.hasProject()) {
            return;
        }
        AnnotationProject reopened = workspace.project();
        check(reopened.session().ledger().size() == 1 && reopened.session().ledger().totalClicks() == 8,
                "the reopened ledger has the sample and its clicks: " + reopened.session().ledger().entries());
        check(reopened.session().labels().human(frame).id(40, 40) == DemoVideo.CAR
                && reopened.session().labels().human(frame).id(90, 40) == DemoVideo.ROAD, "the reopened labels");
        check(workspace.rounds().stream().map(r -> r.round()).toList().equals(List.of(0, 1))
                && workspace.rounds().get(1).totalClicks() == 8 && workspace.rounds().get(1).samples().size() == 1,
                "the reopened project has its round history, round 1 with 8 clicks: " + workspace.rounds());
        EPartService parts = workbench.getApplication().getChildren().get(0).getContext().get(EPartService.class);
        MPart roundsPart = parts.showPart("org.frameloop.editor.part.roundHistory", EPartService.PartState.VISIBLE);
        Table table = find((Composite) roundsPart.getWidget(), Table.class);
        check(pumpUntil(() -> table.getItemCount() == 2 && table.getItem(1).getText(2).equals("8"), 5_000),
                "the Rounds view lists rounds 0 and 1 again, round 1 with 8 clicks");
        workspace.startLoop();
        check(pumpUntil(workspace.queue()::awaitingAnnotation, 60_000), "the reopened project's loop asks for samples");
        check(workspace.queue().round() == 2, "the loop goes on with round 2, not 1: " + workspace.queue().round());
    }

    /**
     * A project of three whole-frame samples per round, worked with the keyboard only: Tab and Shift+Tab move
     * through the queue and the editor follows, Right/Left/Home/End move frames, Ctrl+G jumps to a typed
     * frame number, number keys pick classes, S and L pick superpixel fill on the unlocked frame.
     */
    private void navigateWithTheKeyboard(E4Workbench workbench, Shell window, AnnotationWorkspace workspace,
            MPart editorPart, Path temp) throws Exception {
        Path video = DemoVideo.write(temp.resolve("keyboard-video"), 6, WIDTH, HEIGHT);
        ProjectSettings settings = new ProjectSettings(video, null, PluginChoice.of("propagation"),
                PluginChoice.of("frame"), PluginChoice.of("hybrid"), PluginChoice.of("none"), PluginChoice.of("polygon"),
                3, 1);
        Path folder = temp.resolve("keyboard-project");
        ProjectFolders.create(folder, settings, DemoVideo.labelMap(), PluginRegistry.ofPlatform()).close();
        ProjectOpening.open(display, workspace, folder);
        check(pumpUntil(() -> workspace.hasProject() && workspace.project().folder().equals(folder), 30_000),
                "the keyboard project opens");
        workspace.startLoop();
        check(pumpUntil(() -> workspace.queue().awaitingAnnotation() && workspace.queue().size() == 3, 60_000),
                "the loop asks for three samples");
        if (workspace.queue().size() != 3) {
            return;
        }
        List<Integer> sampleFrames = workspace.queue().entries().stream().map(e -> e.sample().frameIndex()).toList();
        check(sampleFrames.stream().distinct().count() == 3, "three different frames: " + sampleFrames);
        check(pumpUntil(() -> workspace.frame() == sampleFrames.get(0), 5_000), "the editor shows the first sample");

        window.forceActive();
        workbench.getApplication().getChildren().get(0).getContext().get(EPartService.class).activate(editorPart);
        Canvas canvas = ((VideoEditorPart) editorPart.getObject()).canvasAccess().control();
        canvas.setFocus();
        check(pumpUntil(() -> display.getFocusControl() == canvas, 5_000), "the video canvas has the focus");
        Composite editor = (Composite) editorPart.getWidget();

        specialKey(0, SWT.TAB, '\t');
        check(pumpUntil(() -> workspace.queue().currentIndex() == 1, 5_000), "Tab moves to the second sample");
        check(pumpUntil(() -> frameLabel(editor).equals("Frame " + (sampleFrames.get(1) + 1) + " / 6"), 5_000),
                "the editor follows Tab to frame " + (sampleFrames.get(1) + 1) + ", shows " + frameLabel(editor));
        specialKey(SWT.SHIFT, SWT.TAB, '\t');
        check(pumpUntil(() -> workspace.queue().currentIndex() == 0, 5_000), "Shift+Tab moves back to the first sample");
        check(pumpUntil(() -> frameLabel(editor).equals("Frame " + (sampleFrames.get(0) + 1) + " / 6"), 5_000),
                "the editor follows Shift+Tab, shows " + frameLabel(editor));

        specialKey(0, SWT.HOME, (char) 0);
        check(pumpUntil(() -> workspace.frame() == 0, 5_000), "Home shows the first frame");
        specialKey(0, SWT.ARROW_RIGHT, (char) 0);
        specialKey(0, SWT.ARROW_RIGHT, (char) 0);
        check(pumpUntil(() -> workspace.frame() == 2, 5_000), "Right twice shows frame 3, shows " + workspace.frame());
        specialKey(0, SWT.ARROW_LEFT, (char) 0);
        check(pumpUntil(() -> workspace.frame() == 1, 5_000), "Left shows frame 2, shows " + workspace.frame());
        specialKey(0, SWT.END, (char) 0);
        check(pumpUntil(() -> workspace.frame() == 5, 5_000), "End shows the last frame");
        check(pumpUntil(() -> frameLabel(editor).equals("Frame 6 / 6"), 5_000), "the editor shows " + frameLabel(editor));

        // Ctrl+G's dialog has its own event loop: a timer running inside it types the number
        long deadline = System.currentTimeMillis() + 20_000;
        boolean[] typed = new boolean[1];
        display.timerExec(50, new Runnable() {
            @Override
            public void run() {
                Shell dialog = shell("Jump to frame");
                if (dialog == null) {
                    if (System.currentTimeMillis() < deadline) {
                        display.timerExec(50, this);
                    }
                    return;
                }
                Text number = find(dialog, Text.class);
                // without a window manager a new shell is not always active at once: keys would go elsewhere
                for (int attempt = 0; attempt < 3 && !typed[0]; attempt++) {
                    dialog.forceActive();
                    pumpUntil(() -> display.getActiveShell() == dialog, 2_000);
                    number.setFocus();
                    pumpUntil(() -> display.getFocusControl() == number, 2_000);
                    number.selectAll();
                    key(0, '4');
                    typed[0] = pumpUntil(() -> number.getText().equals("4"), 2_000);
                }
                key(0, SWT.CR);
                if (!pumpUntil(dialog::isDisposed, 5_000)) {
                    failures.add("Enter closes the Jump to frame dialog");
                    dialog.close();
                }
            }
        });
        key(SWT.CTRL, 'g');
        check(pumpUntil(() -> typed[0] && shell("Jump to frame") == null, 20_000), "Ctrl+G asks for a frame number");
        check(pumpUntil(() -> workspace.frame() == 3, 5_000), "Jump to frame 4 shows frame 4, shows " + workspace.frame());

        window.forceActive(); // back from the dialog: without a window manager activation may lag
        pumpUntil(() -> display.getActiveShell() == window, 5_000);
        canvas.setFocus();
        pumpUntil(() -> display.getFocusControl() == canvas, 5_000);
        key(0, '3');
        if (!pumpUntil(() -> workspace.classId() == DemoVideo.BUILDING, 2_000)) {
            key(0, '3'); // the first key after a dialog can still reach the shell being deactivated
        }
        check(pumpUntil(() -> workspace.classId() == DemoVideo.BUILDING, 5_000), "key 3 picks the third class (building)");
        key(0, '1');
        check(pumpUntil(() -> workspace.classId() == DemoVideo.SKY, 5_000), "key 1 picks the first class (sky)");
        key(0, '9');
        check(workspace.classId() == DemoVideo.SKY, "key 9 changes nothing with four classes");

        // S picks superpixel fill, L unlocks the frame in view; a click labels the superpixel under it
        key(0, 's');
        check(pumpUntil(() -> workspace.tool() == Tool.SUPERPIXEL, 5_000), "S picks the superpixel fill");
        key(0, 'l');
        check(pumpUntil(workspace::unlocked, 5_000), "L unlocks the frame");
        LabelStore labels = workspace.project().session().labels();
        click(((VideoEditorPart) editorPart.getObject()).canvasAccess().toDisplay(20, 20));
        check(pumpUntil(() -> labels.hasHuman(3), 30_000), "the click on frame 4 labels its superpixel");
        long sky = countHuman(labels, 3, DemoVideo.SKY);
        check(labels.hasHuman(3) && labels.human(3).id(20, 20) == DemoVideo.SKY && sky > 0 && sky < WIDTH * HEIGHT / 4
                && sky == Math.round(labels.humanShare(3) * WIDTH * HEIGHT),
                "one superpixel around the click is sky and nothing else is labelled: " + sky + " pixels");
        System.out.printf("keyboard: samples on frames %s; superpixel fill labelled %d pixels%n", sampleFrames, sky);
        key(0, 'l');
    }

    /**
     * File > New Project on a dataset sequence as it comes (images/ + labels/ + labelmap.json): the wizard
     * offers labels/ as ground truth and the label map, Enter goes to the next page and Enter finishes; a
     * job creates the project, which opens with the images as its frames and the labels as ground truth.
     */
    private void createADatasetSequenceProjectWithTheWizard(EHandlerService handlers, ECommandService commands,
            AnnotationWorkspace workspace, Path temp) throws Exception {
        Path sequence = temp.resolve("dataset-sequence");
        DemoVideo.write(sequence.resolve("images"), 5, WIDTH, HEIGHT);
        Files.move(sequence.resolve("images").resolve("gt"), sequence.resolve("labels"));
        Files.move(sequence.resolve("images").resolve("labelmap.json"), sequence.resolve("labelmap.json"));
        Path folder = temp.resolve("dataset-sequence-project");
        String[] offered = new String[2];
        long deadline = System.currentTimeMillis() + 10_000;
        display.timerExec(50, new Runnable() {
            @Override
            public void run() {
                Shell wizard = shell("New Frameloop Project");
                if (wizard == null) {
                    if (System.currentTimeMillis() < deadline) {
                        display.timerExec(50, this);
                    }
                    return;
                }
                List<Text> fields = new ArrayList<>();
                collect(wizard, Text.class, fields);
                fields.get(0).setText(sequence.toString()); // what the folder chooser would fill in
                offered[0] = fields.get(1).getText();
                offered[1] = fields.get(2).getText();
                fields.get(2).setText(folder.toString());
                key(0, SWT.CR); // Next
                key(0, SWT.CR); // Finish
                if (!pumpUntil(wizard::isDisposed, 5_000)) {
                    failures.add("Enter, Enter goes through the wizard and finishes it");
                    wizard.close();
                }
            }
        });
        handlers.executeHandler(commands.createCommand("org.frameloop.editor.command.newProject", null));
        check(sequence.resolve("labels").toString().equals(offered[0]), "the wizard offers labels/ as ground truth: "
                + offered[0]);
        check(ProjectFolders.workspaceFolder().resolve("projects").resolve("dataset-sequence-project").toString()
                .equals(offered[1]), "the wizard proposes a project folder in the IDE's workspace: " + offered[1]);
        check(pumpUntil(() -> workspace.hasProject() && workspace.project().folder().equals(folder), 30_000),
                "the wizard's job creates and opens the project");
        if (workspace.hasProject() && workspace.project().folder().equals(folder)) {
            AnnotationProject created = workspace.project();
            check(created.session().frameCount() == 5, "the project's frames are the 5 images");
            check(created.settings().video().equals(sequence.resolve("images")), "the video is images/: "
                    + created.settings().video());
            check(created.session().groundTruth().isPresent()
                    && created.session().groundTruth().get().labels(0).id(WIDTH / 2, 2) == DemoVideo.SKY,
                    "labels/ is the ground truth");
            check(created.session().labelMap().classes().size() == 4, "the sequence's label map was taken");
        }
    }

    private static String frameLabel(Composite editor) {
        List<Label> labels = new ArrayList<>();
        collect(editor, Label.class, labels);
        return labels.stream().map(Label::getText).filter(t -> t.startsWith("Frame ")).findFirst().orElse("");
    }

    private static Button cancelButton(Composite part, Job job) {
        List<Button> buttons = new ArrayList<>();
        collect(part, Button.class, buttons);
        return buttons.stream().filter(b -> b.getData(ProgressPart.JOB_KEY) == job).findFirst().orElse(null);
    }

    private static <T extends Control> void collect(Control control, Class<T> type, List<T> found) {
        PostedEvents.collect(control, type, found);
    }

    private static long countHuman(LabelStore labels, int frame, int id) {
        LabelImage human = labels.human(frame);
        long count = 0;
        for (byte value : human.ids()) {
            count += (value & 0xFF) == id ? 1 : 0;
        }
        return count;
    }

    private void check(boolean condition, String what) {
        if (!condition) {
            failures.add(what);
        }
    }

    /**
     * Clicks the four corners and closes with Enter. (GTK turns presses synthesised by Display.post into
     * single clicks only, so the double-click way of closing cannot be posted.)
     */
    private void drawSquare(VideoCanvasAccess canvas, double left, double top, double right, double bottom) {
        click(canvas.toDisplay(left, top));
        click(canvas.toDisplay(right, top));
        click(canvas.toDisplay(right, bottom));
        click(canvas.toDisplay(left, bottom));
        key(0, SWT.CR);
    }

    /**
     * Clicks three corners and double-clicks the fourth. GTK does not turn posted presses into a
     * double-click, so the double-click is sent to the canvas as the event sequence GTK produces for a real
     * one: press (count 1), release, press (count 2), double-click, release.
     */
    private void drawSquareClosedByDoubleClick(VideoCanvasAccess canvas, double left, double top, double right,
            double bottom) {
        click(canvas.toDisplay(left, top));
        click(canvas.toDisplay(right, top));
        click(canvas.toDisplay(right, bottom));
        Point last = canvas.control().toControl(canvas.toDisplay(left, bottom));
        move(canvas.toDisplay(left, bottom));
        for (int[] step : new int[][] { { SWT.MouseDown, 1 }, { SWT.MouseUp, 1 }, { SWT.MouseDown, 2 },
                { SWT.MouseDoubleClick, 2 }, { SWT.MouseUp, 2 } }) {
            Event event = new Event();
            event.type = step[0];
            event.button = 1;
            event.count = step[1];
            event.x = last.x;
            event.y = last.y;
            event.widget = canvas.control();
            event.display = display;
            canvas.control().notifyListeners(step[0], event);
        }
        pumpUntil(() -> false, 100);
    }

    private void click(Point at) {
        input.click(at);
    }

    private void move(Point at) {
        input.move(at);
    }

    private void key(int modifier, int key) {
        input.key(modifier, key);
    }

    /** A key with a key code (Tab, arrows, Home, End), with an optional modifier held. */
    private void specialKey(int modifier, int keyCode, char character) {
        input.specialKey(modifier, keyCode, character);
    }

    /** Dispatches events until {@code condition} holds or {@code timeoutMs} passed (a bounded wait). */
    private boolean pumpUntil(BooleanSupplier condition, long timeoutMs) {
        return input.pumpUntil(condition, timeoutMs);
    }

    /** The colour near the bottom of frame {@code frame}'s timeline cell, as shown on screen. */
    private RGB pixel(Canvas timeline, int frame, int frames) {
        return pixel(timeline, frame, frames, timeline.getClientArea().height - 3);
    }

    /** The colour on screen of frame {@code frame}'s timeline cell, {@code y} pixels from its top. */
    private RGB pixel(Canvas timeline, int frame, int frames, int y) {
        Rectangle area = timeline.getClientArea();
        int x = (int) ((frame + 0.5) * area.width / frames);
        Point onScreen = timeline.toDisplay(x, y);
        Image image = new Image(display, 1, 1);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, onScreen.x, onScreen.y);
            ImageData data = image.getImageData();
            return data.palette.getRGB(data.getPixel(0, 0));
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static <T extends Control> T find(Control control, Class<T> type) {
        return PostedEvents.find(control, type);
    }

    private Path screenshot(Shell window, String name) throws Exception {
        pumpUntil(() -> false, 200);
        Rectangle bounds = window.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        Path directory = Paths.get(System.getProperty("frameloop.screenshots",
                Paths.get(System.getProperty("frameloop.test.output", "target"), "screenshots").toString()));
        Files.createDirectories(directory);
        Path file = directory.resolve(name);
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(file.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
        return file;
    }

}
