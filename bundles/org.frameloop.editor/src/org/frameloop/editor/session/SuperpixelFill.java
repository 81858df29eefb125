package org.frameloop.editor.session;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

import org.frameloop.core.sample.Region;

/**
 * The superpixel-fill tool without its widget: a click labels the superpixel under it with the class
 * chosen at the click, as one undoable edit of one click. When the frame's superpixels are still being
 * computed, the click is remembered (frame, class, point) and applied once they are ready, unless the
 * person moved to another frame or project meanwhile.
 */
public final class SuperpixelFill {

    private final AnnotationWorkspace workspace;
    private final IntFunction<CompletableFuture<List<Region>>> superpixels;

    /**
     * @param superpixels the superpixels of a frame, as {@link SuperpixelLookup#prepare} gives them (at
     *                    once when known, else computed in the background)
     */
    public SuperpixelFill(AnnotationWorkspace workspace, IntFunction<CompletableFuture<List<Region>>> superpixels) {
        this.workspace = workspace;
        this.superpixels = superpixels;
    }

    /**
     * Fills the superpixel under pixel (x, y) of the frame in view with the current class.
     *
     * @param waitMs     how long the caller may wait for superpixels being computed before the click is
     *                   applied later instead
     * @param applyLater where a deferred click is applied (the UI thread in the IDE)
     * @return done at once when the superpixels were ready (or failed), else when the click is applied:
     *         true when pixels were labelled, false when the person moved on or clicked outside every
     *         superpixel; failed with what the superpixel computation threw
     */
    public CompletableFuture<Boolean> click(int x, int y, long waitMs, Executor applyLater) {
        AnnotationProject project = workspace.project();
        if (project == null) {
            return CompletableFuture.completedFuture(false);
        }
        int frame = workspace.frame();
        int classId = workspace.classId();
        CompletableFuture<List<Region>> pending = superpixels.apply(frame);
        try {
            return CompletableFuture.completedFuture(apply(project, frame, classId, pending.get(waitMs,
                    TimeUnit.MILLISECONDS), x, y));
        } catch (TimeoutException e) {
            return pending.thenApplyAsync(regions -> apply(project, frame, classId, regions, x, y), applyLater);
        } catch (ExecutionException e) {
            return CompletableFuture.failedFuture(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(false);
        }
    }

    private boolean apply(AnnotationProject project, int frame, int classId, List<Region> regions, int x, int y) {
        if (workspace.project() != project || workspace.frame() != frame) {
            return false; // the person moved on before the superpixels were ready
        }
        Region found = SuperpixelLookup.at(regions, x, y, project.session().width());
        if (found == null) {
            return false;
        }
        LabelEdit edit = workspace.beginEdit("superpixel fill");
        workspace.paint(edit, found.pixelIndices(project.session().width()), classId);
        workspace.commit(edit, 1);
        return true;
    }
}
