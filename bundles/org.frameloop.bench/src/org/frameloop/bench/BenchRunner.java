package org.frameloop.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.bench.internal.CellRunner;
import org.frameloop.bench.internal.CellStore;
import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.FlowProvider;

/**
 * The bench engine: runs every method of a {@link BenchPlan} on every video with the simulated annotator,
 * each run in its own folder under {@code OUT/cells}. Finished runs are skipped, runs another process holds
 * are left to it, a failing run is reported and the bench goes on. Optical flow is computed once per video
 * into {@code OUT/cache/VIDEO/flow} and shared by its runs (and by processes sharing OUT).
 */
public final class BenchRunner {

    private final PluginRegistry registry;
    private final BenchPlan plan;
    private final Path outFolder;
    private final BenchListener listener;
    private final CellStore store;
    private FlowProvider flowProvider;

    public BenchRunner(PluginRegistry registry, BenchPlan plan, Path outFolder, BenchListener listener) {
        this.registry = registry;
        this.plan = plan;
        this.outFolder = outFolder;
        this.listener = listener;
        this.store = new CellStore(outFolder);
    }

    /** The plan's granularities that are installed, in plan order. */
    public List<GranularityOption> installedGranularities() {
        return plan.granularities().stream()
                .filter(g -> registry.find(ExtensionPoint.GRANULARITIES, g.choice().id()).isPresent()).toList();
    }

    /** Granularities and selectors of the plan that are not installed, one line each. */
    public List<String> unavailable() {
        List<String> lines = new ArrayList<>();
        for (GranularityOption g : plan.granularities()) {
            if (registry.find(ExtensionPoint.GRANULARITIES, g.choice().id()).isEmpty()) {
                lines.add("granularity " + g.name() + ": no granularity '" + g.choice().id() + "' is installed "
                        + installed(ExtensionPoint.GRANULARITIES));
            }
        }
        for (String selector : plan.selectors()) {
            if (registry.find(ExtensionPoint.SELECTORS, selector).isEmpty()) {
                lines.add("selector " + selector + ": not installed " + installed(ExtensionPoint.SELECTORS));
            }
        }
        return lines;
    }

    /**
     * Runs what is not finished yet and gathers every finished result.
     *
     * @param videos      with unique names
     * @param commandLine recorded in the results
     * @param suite       description of the default suite, or null
     * @throws IOException                when OUT cannot be written, or holds results made with other settings
     * @throws OperationCanceledException when the monitor is cancelled; finished runs stay on disk
     */
    public BenchResults run(List<BenchVideo> videos, Machine machine, String commandLine, String suite,
            IProgressMonitor monitor) throws IOException {
        String startedAt = Instant.now().toString();
        long started = System.nanoTime();
        checkUniqueNames(videos);
        List<String> unavailable = unavailable();
        List<BenchMethod> methods = plan.methods(installedGranularities()).stream()
                .filter(m -> m.kind() != BenchMethod.Kind.ACTIVE
                        || registry.find(ExtensionPoint.SELECTORS, m.selectorId()).isPresent())
                .toList();
        int total = videos.size() * methods.size();
        SubMonitor progress = SubMonitor.convert(monitor, "Benchmark", total);
        List<String> failures = new ArrayList<>();
        List<String> runningElsewhere = new ArrayList<>();
        CellRunner runner = new CellRunner(registry, plan);
        int index = 0;
        for (BenchVideo video : videos) {
            FlowCache flow = null;
            long frameByFrameClicks = -1;
            for (BenchMethod method : methods) {
                index++;
                SubMonitor step = progress.split(1);
                step.setTaskName(video.name() + ": " + method.label());
                Optional<CellResult> finished = finishedMatching(video, method);
                if (finished.isPresent()) {
                    listener.runSkipped(index, total, video.name(), method, "finished earlier");
                } else {
                    if (flow == null && plan.flow() != null && method.kind() != BenchMethod.Kind.FRAME_BY_FRAME) {
                        flow = new FlowCache(video.video(), flowProvider(),
                                outFolder.resolve("cache").resolve(video.name()).resolve("flow"));
                    }
                    finished = claimAndRun(runner, video, method, flow, frameByFrameClicks, index, total, failures,
                            runningElsewhere, step);
                }
                if (method.kind() == BenchMethod.Kind.FRAME_BY_FRAME) {
                    // The cap of every other run is a share of it: price it here if another process holds it.
                    frameByFrameClicks = finished.isPresent() ? finished.get().frameByFrameClicks()
                            : priceFrameByFrame(runner, video, method, step);
                }
            }
        }
        List<CellResult> results = new ArrayList<>();
        List<String> stillRunning = new ArrayList<>();
        for (BenchVideo video : videos) {
            for (BenchMethod method : methods) {
                Optional<CellResult> finished = finishedMatching(video, method);
                finished.ifPresent(results::add);
                if (finished.isEmpty() && runningElsewhere.contains(video.name() + " " + method.label())) {
                    stillRunning.add(video.name() + " " + method.label() + " ("
                            + store.holder(video.name(), method).orElse("finished without a result") + ")");
                }
            }
        }
        List<BenchResults.VideoEntry> entries = videos.stream().map(v -> new BenchResults.VideoEntry(v.name(),
                v.folder().toString(), v.video().frameCount(), v.video().width() + "x" + v.video().height(),
                v.labelMap().classes())).toList();
        return new BenchResults(machine, commandLine, suite, plan, entries, methods, results, unavailable, failures,
                stillRunning, startedAt, (System.nanoTime() - started) / 1e9);
    }

    private Optional<CellResult> claimAndRun(CellRunner runner, BenchVideo video, BenchMethod method, FlowCache flow,
            long frameByFrameClicks, int index, int total, List<String> failures, List<String> runningElsewhere,
            SubMonitor monitor) throws IOException {
        Optional<CellStore.Lock> lock = store.tryLock(video.name(), method);
        if (lock.isEmpty()) {
            String holder = store.holder(video.name(), method).orElse("another process");
            runningElsewhere.add(video.name() + " " + method.label());
            listener.runSkipped(index, total, video.name(), method, "running in " + holder);
            return Optional.empty();
        }
        try (CellStore.Lock held = lock.get()) {
            // Another process may have finished it between our look and our lock.
            Optional<CellResult> finished = finishedMatching(video, method);
            if (finished.isPresent()) {
                listener.runSkipped(index, total, video.name(), method, "finished by another process");
                return finished;
            }
            listener.runStarted(index, total, video.name(), method);
            CellResult result;
            try {
                result = runner.run(video, method, flow, frameByFrameClicks,
                        report -> listener.roundFinished(video.name(), method, report), monitor);
            } catch (ContributionException | RuntimeException e) {
                if (e instanceof OperationCanceledException cancelled) {
                    throw cancelled;
                }
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                failures.add(video.name() + " " + method.label() + ": " + message);
                listener.runFailed(index, total, video.name(), method, message);
                return Optional.empty();
            }
            store.write(result);
            listener.runFinished(index, total, result);
            return Optional.of(result);
        }
    }

    private long priceFrameByFrame(CellRunner runner, BenchVideo video, BenchMethod method, SubMonitor monitor) {
        try {
            return runner.run(video, method, null, -1, report -> {
            }, monitor).frameByFrameClicks();
        } catch (ContributionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The finished result of a run, if it was made with this plan's settings. */
    private Optional<CellResult> finishedMatching(BenchVideo video, BenchMethod method) throws IOException {
        Optional<CellResult> finished = store.finished(video.name(), method);
        if (finished.isPresent() && !finished.get().settings().equals(plan.settingsFingerprint(method))) {
            throw new IOException(store.folder(video.name(), method) + " holds a result made with other settings ("
                    + finished.get().settings() + "); use another --out folder, or delete that result to rerun it");
        }
        return finished;
    }

    private FlowProvider flowProvider() {
        if (flowProvider == null) {
            try {
                flowProvider = registry.create(ExtensionPoint.FLOWS, plan.flow().id(), plan.flow().parameters());
            } catch (ContributionException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return flowProvider;
    }

    private static void checkUniqueNames(List<BenchVideo> videos) {
        Set<String> names = new HashSet<>();
        for (BenchVideo video : videos) {
            if (!names.add(video.name())) {
                throw new IllegalArgumentException("two videos are named '" + video.name()
                        + "': their results would share a folder; rename one");
            }
        }
    }

    private String installed(ExtensionPoint<?> point) {
        return "(installed: " + registry.contributions(point).stream().map(Contribution::id).toList() + ")";
    }
}
