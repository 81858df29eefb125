package org.frameloop.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.frameloop.core.annotate.SimulatedAnnotator;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.spi.Annotator;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.spi.Granularity;
import org.frameloop.core.spi.LabelFusion;
import org.frameloop.core.spi.SampleSelector;
import org.frameloop.core.spi.SegmentationModel;
import org.frameloop.core.video.Video;
import org.frameloop.io.Project;
import org.frameloop.io.ProjectStore;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * One run of the annotation loop, put together the same way for the command line, the IDE and the bench:
 * <ol>
 * <li>{@link #create} makes every plugin a {@link RunPlugins} names through the registry (parameters the
 * user gave over the defaults their plugin.xml declares), so a wrong id or value fails before anything is
 * written;</li>
 * <li>{@link #openProject} restores a project's session (human labels, ledger, flow cache) and journals every
 * annotated sample from then on;</li>
 * <li>{@link #loop} builds the {@link AnnotationLoop} with its label fusion; with {@link #journalTo} it
 * continues where the project's journal stopped, journals each round's chosen samples and report, writes the
 * automatic labels after every finished round and loads a usable model checkpoint;</li>
 * <li>{@link #run} runs it (and saves the model checkpoint into a project when the loop ends).</li>
 * </ol>
 * Closing it closes the model.
 */
public final class RunAssembly implements AutoCloseable {

    private final RunPlugins plugins;
    private SegmentationModel model;
    private final Granularity granularity;
    private final SampleSelector selector;
    private final ClickCostModel clickCost;
    private final LabelFusion fusion;
    private final List<String> notes = new ArrayList<>();
    private String selectorName;
    private SampleSelector fallbackSelector;
    private String fallbackSelectorName;
    private Project project;
    private ISchedulingRule labelFiles;
    private AnnotationLoop loop;

    private RunAssembly(RunPlugins plugins, SegmentationModel model, Granularity granularity,
            SampleSelector selector, ClickCostModel clickCost, LabelFusion fusion) {
        this.plugins = plugins;
        this.model = model;
        this.granularity = granularity;
        this.selector = selector;
        this.clickCost = clickCost;
        this.fusion = fusion;
    }

    /** As {@link #create(PluginRegistry, RunPlugins, Granularity)}, creating the granularity too. */
    public static RunAssembly create(PluginRegistry registry, RunPlugins plugins) throws ContributionException {
        return create(registry, plugins, null);
    }

    /**
     * Creates the model, selector, click-cost model and fusion that {@code plugins} name.
     *
     * @param granularity an instance to share (the IDE's project keeps one: it caches superpixels), or null
     *                    to create the one {@code plugins} names
     * @throws ContributionException naming the contribution that is not installed or rejects its parameters
     */
    public static RunAssembly create(PluginRegistry registry, RunPlugins plugins, Granularity granularity)
            throws ContributionException {
        // guarded: whatever a plugin throws while the loop runs names its id and bundle (PluginFailure)
        SegmentationModel model = registry.createGuarded(ExtensionPoint.MODELS, plugins.model());
        try {
            Granularity cut = granularity != null ? granularity
                    : registry.createGuarded(ExtensionPoint.GRANULARITIES, plugins.granularity());
            SampleSelector selector = registry.createGuarded(ExtensionPoint.SELECTORS, plugins.selector());
            ClickCostModel cost = registry.createGuarded(ExtensionPoint.CLICK_COSTS, plugins.clickCost());
            LabelFusion fusion = plugins.fusion().isNone() ? null
                    : registry.createGuarded(ExtensionPoint.FUSIONS, plugins.fusion());
            RunAssembly assembly = new RunAssembly(plugins, model, cut, selector, cost, fusion);
            assembly.selectorName = registry.require(ExtensionPoint.SELECTORS, plugins.selector().id()).describe();
            if (!plugins.selector().id().equals(DefaultPlugins.SELECTOR)) {
                // a failing selector costs a round's choice, not the run: the default one steps in
                Contribution<SampleSelector> fallback = registry.require(ExtensionPoint.SELECTORS,
                        DefaultPlugins.SELECTOR);
                assembly.fallbackSelector = fallback.createGuarded(java.util.Map.of());
                assembly.fallbackSelectorName = "the default " + fallback.describe();
            }
            return assembly;
        } catch (ContributionException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The optical flow of {@code video} through the provider {@code flow} names, cached in {@code folder};
     * null for {@link PluginChoice#NONE}.
     */
    public static FlowCache flowCache(PluginRegistry registry, PluginChoice flow, Video video, Path folder)
            throws ContributionException {
        return flow.isNone() ? null : new FlowCache(video, registry.createGuarded(ExtensionPoint.FLOWS, flow), folder);
    }

    /**
     * The session saved in {@code project} for {@code video} (human labels, ledger; see
     * {@link Project#resume}), with its flow cached in the project's work folder, journaling every sample annotated
     * from now on. A new project gives an empty session.
     *
     * @param groundTruth true labels (measured mIoU, simulated annotator), or null
     */
    public static VideoSession openProject(PluginRegistry registry, Project project, Video video,
            PluginChoice flow, LabelSequence groundTruth) throws IOException, ContributionException {
        FlowCache cache = flowCache(registry, flow, video, project.cacheFolder().resolve("flow"));
        VideoSession session = project.resume(video, cache, groundTruth).session();
        project.attach(session);
        return session;
    }

    public RunPlugins plugins() {
        return plugins;
    }

    /** The model, as observed by {@link #observeModel} if it was. */
    public SegmentationModel model() {
        return model;
    }

    public Granularity granularity() {
        return granularity;
    }

    /** Wraps the model before {@link #loop} is built (the IDE watches its per-frame uncertainty). */
    public RunAssembly observeModel(UnaryOperator<SegmentationModel> observer) {
        requireNoLoop();
        model = Objects.requireNonNull(observer.apply(model), "observed model");
        return this;
    }

    /**
     * Makes the loop a project's: it continues the project's journal and extends it, and the project gets
     * the automatic labels of every finished round and the model's checkpoint.
     *
     * @param labelFiles held while the automatic labels are written (so that an export never mixes two
     *                   rounds), or null
     */
    public RunAssembly journalTo(Project store, ISchedulingRule labelFiles) {
        requireNoLoop();
        this.project = Objects.requireNonNull(store, "store");
        this.labelFiles = labelFiles;
        return this;
    }

    /** The simulated annotator: the session's ground truth, priced by the run's click-cost model. */
    public Annotator simulatedAnnotator(VideoSession session) {
        LabelSequence truth = session.groundTruth().orElseThrow(() -> new IllegalArgumentException(
                "the simulated annotator needs the ground truth of " + session.video().name()));
        return new SimulatedAnnotator(truth, clickCost, session.ignoreId());
    }

    /**
     * Builds the loop on {@code session}; add listeners to it, then {@link #run} it.
     *
     * @throws IOException when the project's journal or checkpoint folder cannot be read
     */
    public AnnotationLoop loop(VideoSession session, LoopSettings settings, Annotator annotator) throws IOException {
        requireNoLoop();
        AnnotationLoop built = new AnnotationLoop(session, model, granularity, selector, annotator, clickCost, settings)
                .withFusion(fusion);
        if (fallbackSelector != null) {
            built.withSelectorFallback(selectorName, fallbackSelector, fallbackSelectorName);
        }
        if (project != null) {
            ProjectStore.Continuation next = project.continuation();
            if (next.round() > 1 || !next.pendingSamples().isEmpty()) {
                built.resumeAt(next.round(), next.pendingSamples());
            }
            // before the journal's round line: a journaled round always has its labels on disk
            built.addListener(new LoopListener() {
                @Override
                public void roundFinished(RoundReport report) {
                    writeAutomaticLabels(session, report.round());
                    saveAdaptedCheckpoint(built.labelsLearnt(), report.round());
                }
            });
            project.attach(built);
            if (loadCheckpoint() && checkpointMatches(session)) {
                built.withModelUpToDate();
            }
        }
        loop = built;
        return built;
    }

    /**
     * Runs the loop until a stop condition holds, then saves the model into the project.
     *
     * @throws org.eclipse.core.runtime.OperationCanceledException when cancelled (human labels stay saved)
     * @throws IOException when the checkpoint cannot be saved
     */
    public LoopResult run(IProgressMonitor monitor) throws IOException {
        if (loop == null) {
            throw new IllegalStateException("build the loop first");
        }
        LoopResult result = loop.run(monitor);
        if (project != null) {
            model.save(project.modelFolder());
            project.checkpointSaved();
        }
        return result;
    }

    /** What assembling repaired or skipped, for the user (an unusable checkpoint); empty when nothing. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    private void requireNoLoop() {
        if (loop != null) {
            throw new IllegalStateException("the loop is already built");
        }
    }

    private void writeAutomaticLabels(VideoSession session, int round) {
        Job.getJobManager().beginRule(labelFiles, null);
        try {
            project.replaceAutoLabels(round, session.labels());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the automatic labels into " + project.location() + ": "
                    + e.getMessage(), e);
        } finally {
            Job.getJobManager().endRule(labelFiles);
        }
    }

    /**
     * A checkpoint is derived data: one that is missing or unreadable is rebuilt by fine-tuning.
     *
     * @return whether one was loaded
     */
    private boolean loadCheckpoint() throws IOException {
        project.fetchCheckpoint();
        Path folder = project.modelFolder();
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(folder)) {
            if (files.findAny().isEmpty()) {
                return false;
            }
        }
        try {
            model.load(folder);
            return true;
        } catch (IOException | RuntimeException e) {
            notes.add("the model checkpoint in " + folder + " is unusable (" + e.getMessage()
                    + "); the model is rebuilt by fine-tuning on the human labels.");
            return false;
        }
    }

    /**
     * After every round, a model whose checkpoint keeps what fine-tuning learnt is saved with a note of the
     * labels it was fine-tuned on ({@value #CHECKPOINT_STATE}: journaled samples and human pixels), so a
     * project reopened with the same labels goes on without fine-tuning first. Labels given while the model was
     * fine-tuned are not in the note: a project reopened with them fine-tunes first. The note is written after
     * the weights: a crash between the two leaves a note that no longer matches, and fine-tuning runs.
     */
    private void saveAdaptedCheckpoint(AnnotationLoop.LabelsLearnt learnt, int round) {
        if (!model.checkpointKeepsAdaptation()) {
            return;
        }
        try {
            Files.deleteIfExists(checkpointState());
            model.save(project.modelFolder());
            AtomicFiles.writeString(checkpointState(), String.format(Locale.ROOT,
                    "{\"round\": %d, \"samples\": %d, \"humanPixels\": %d}%n", round, learnt.samples(),
                    learnt.humanPixels()));
            project.checkpointSaved();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the model checkpoint into " + project.modelFolder() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether the loaded checkpoint was fine-tuned on exactly the labels the session has now. */
    private boolean checkpointMatches(VideoSession session) {
        if (!model.checkpointKeepsAdaptation() || !Files.isRegularFile(checkpointState())) {
            return false;
        }
        try {
            JsonObject state = JsonParser.parseString(Files.readString(checkpointState())).getAsJsonObject();
            return state.get("samples").getAsLong() == session.ledger().size()
                    && state.get("humanPixels").getAsLong() == session.labels().humanPixelCount();
        } catch (IOException | RuntimeException e) {
            return false; // an unreadable note: fine-tune, as without one
        }
    }

    private Path checkpointState() {
        return project.workFolder().resolve(CHECKPOINT_STATE);
    }

    @Override
    public void close() {
        model.close();
    }

    /** The note beside a project's checkpoint: which labels the saved model was fine-tuned on. */
    public static final String CHECKPOINT_STATE = ProjectStore.CHECKPOINT_NOTE;
}
