package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.registry.PluginChoice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The superpixel-fill tool: exactly the clicked superpixel gets the class; a click made too early waits. */
class SuperpixelFillTest {

    private static final int WIDTH = 40;
    private static final int HEIGHT = 30;

    @TempDir
    Path temp;

    private AnnotationWorkspace workspace;

    @BeforeEach
    void openADemoProjectUnlocked() throws Exception {
        Path video = DemoVideo.write(temp.resolve("video"), 4, WIDTH, HEIGHT);
        ProjectSettings settings = new ProjectSettings(video, null, PluginChoice.of("propagation"),
                PluginChoice.of("frame"), PluginChoice.of("hybrid"), PluginChoice.of("none"), PluginChoice.of("polygon"),
                2, 1);
        workspace = new AnnotationWorkspace(EditorPreferences.ofInstance());
        workspace.open(ProjectFolders.create(temp.resolve("project"), settings, DemoVideo.labelMap(),
                PluginRegistry.ofPlatform()));
        workspace.setUnlocked(true); // no sample needed: any pixel may be edited
    }

    private LabelImage human(int frame) {
        return workspace.project().session().labels().human(frame);
    }

    private static int count(LabelImage labels, int id) {
        int count = 0;
        for (byte value : labels.ids()) {
            count += (value & 0xFF) == id ? 1 : 0;
        }
        return count;
    }

    @Test
    void aClickOnReadySuperpixelsLabelsExactlyTheClickedSuperpixelWithTheCurrentClass() throws Exception {
        SuperpixelLookup lookup = new SuperpixelLookup(workspace.project());
        List<Region> superpixels = lookup.prepare(0).get(60, TimeUnit.SECONDS); // SLIC from the registry
        assertTrue(superpixels.size() > 1, "the frame is cut into superpixels: " + superpixels.size());
        Region clicked = SuperpixelLookup.at(superpixels, 20, 15, WIDTH);
        workspace.selectClass(DemoVideo.CAR);

        CompletableFuture<Boolean> filled = new SuperpixelFill(workspace, lookup::prepare).click(20, 15, 0,
                task -> { throw new AssertionError("ready superpixels are applied at once"); });

        assertTrue(filled.isDone() && filled.get(), "filled at once");
        LabelImage labels = human(0);
        int[] inside = clicked.pixelIndices(WIDTH);
        for (int pixel : inside) {
            assertEquals(DemoVideo.CAR, labels.id(pixel % WIDTH, pixel / WIDTH), "pixel " + pixel + " of the superpixel");
        }
        assertEquals(inside.length, count(labels, DemoVideo.CAR), "no pixel outside the superpixel is labelled");
        assertEquals(WIDTH * HEIGHT - inside.length, count(labels, LabelImage.UNLABELED));
        assertTrue(workspace.undo(), "one undoable edit");
        assertFalse(workspace.project().session().labels().hasHuman(0));
    }

    @Test
    void aClickBeforeTheSuperpixelsAreReadyIsAppliedWhenTheyAreWithTheClassChosenAtTheClick() throws Exception {
        CompletableFuture<List<Region>> computing = new CompletableFuture<>();
        List<Region> halves = List.of(new Region.Rectangle(0, 0, WIDTH / 2, HEIGHT),
                new Region.Rectangle(WIDTH / 2, 0, WIDTH / 2, HEIGHT));
        workspace.selectClass(DemoVideo.ROAD);

        CompletableFuture<Boolean> filled = new SuperpixelFill(workspace, frame -> computing).click(30, 10, 0,
                Runnable::run);
        assertFalse(filled.isDone(), "the click waits for the superpixels");
        assertFalse(workspace.project().session().labels().hasHuman(0), "nothing is labelled yet");
        workspace.selectClass(DemoVideo.CAR); // chosen after the click: not the click's class

        computing.complete(halves);

        assertTrue(filled.isDone() && filled.get(), "applied once the superpixels are ready");
        assertEquals(WIDTH / 2 * HEIGHT, count(human(0), DemoVideo.ROAD), "the right half is road");
        assertEquals(WIDTH / 2 * HEIGHT, count(human(0), LabelImage.UNLABELED), "the left half stays unlabelled");
    }

    @Test
    void aWaitingClickIsDroppedWhenThePersonMovedToAnotherFrame() throws Exception {
        CompletableFuture<List<Region>> computing = new CompletableFuture<>();
        CompletableFuture<Boolean> filled = new SuperpixelFill(workspace, frame -> computing).click(5, 5, 0,
                Runnable::run);
        workspace.showFrame(2);

        computing.complete(List.of(new Region.WholeFrame(WIDTH, HEIGHT)));

        assertFalse(filled.get(), "dropped");
        assertFalse(workspace.project().session().labels().hasHuman(0));
        assertFalse(workspace.project().session().labels().hasHuman(2));
    }
}
