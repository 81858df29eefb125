package org.frameloop.editor.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.Granularity;

/**
 * Finds the superpixel under a click for the superpixel-fill tool. Cutting a frame into superpixels (SLIC)
 * takes a noticeable time on large frames, so {@link #prepare} starts it in a background job as soon as
 * a frame is shown with the tool selected, and keeps the last frames' superpixels. It uses the project's
 * granularity when that is {@code superpixel} (the samples are the same superpixels), otherwise a
 * {@code superpixel} granularity from the registry with its default parameters.
 */
public final class SuperpixelLookup {

    private static final int FRAMES_KEPT = 8;

    private final AnnotationProject project;
    private Granularity superpixels;
    private final Map<Integer, CompletableFuture<List<Region>>> frames = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, CompletableFuture<List<Region>>> eldest) {
            return size() > FRAMES_KEPT;
        }
    };

    public SuperpixelLookup(AnnotationProject project) {
        this.project = project;
    }

    /**
     * The superpixels of frame {@code frameIndex}: at once when known, else computed by a background job
     * started now (or earlier, by another call). The future fails with a {@link ContributionException} when
     * no superpixel granularity is installed, or with what the granularity threw.
     */
    public synchronized CompletableFuture<List<Region>> prepare(int frameIndex) {
        CompletableFuture<List<Region>> known = frames.get(frameIndex);
        if (known != null && !known.isCompletedExceptionally()) {
            return known;
        }
        CompletableFuture<List<Region>> future = new CompletableFuture<>();
        frames.put(frameIndex, future);
        Job job = Job.create("Computing superpixels of frame " + (frameIndex + 1), monitor -> {
            try {
                future.complete(granularity().candidates(frameIndex, project.session().frame(frameIndex)));
            } catch (ContributionException | RuntimeException e) {
                future.completeExceptionally(e);
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true); // a short helper of the tool, not something to watch or cancel
        job.setPriority(Job.INTERACTIVE);
        job.schedule();
        return future;
    }

    /** The region among {@code regions} containing (x, y) of a frame {@code width} pixels wide, or null. */
    public static Region at(List<Region> regions, int x, int y, int width) {
        for (Region region : regions) {
            if (region.contains(x, y, width)) {
                return region;
            }
        }
        return null;
    }

    private Granularity granularity() throws ContributionException {
        synchronized (this) {
            if (superpixels == null) {
                superpixels = "superpixel".equals(project.settings().granularity().id()) ? project.granularity()
                        : project.createContribution(ExtensionPoint.GRANULARITIES,
                                PluginChoice.of("superpixel"));
            }
            return superpixels;
        }
    }
}
