package org.frameloop.editor.session;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.RoundReport;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.spi.LabelFusion;
import org.frameloop.core.spi.SampleSelector;
import org.frameloop.core.spi.SegmentationModel;
import org.frameloop.io.ProjectStore;

/**
 * Runs the project's {@link AnnotationLoop} with the person as annotator, as one Eclipse job: predict,
 * choose samples, wait while the person labels them (the worker sleeps in {@link SampleQueue}), fine-tune
 * and predict when they finish the round, and so on. Cancelling stops at the next step; human labels are
 * in the store and saved per sample, automatic labels are written only after a complete round, so a
 * cancelled job leaves the project as it was after the last finished round plus the person's work.
 * Each round's chosen samples are journaled, so a new job (after a cancel, or on a reopened project)
 * continues the round numbering and the samples of an unfinished round; each finished round's report is
 * journaled too, so a reopened project shows its round history.
 */
public final class LoopJob extends Job {

    private static final String DEFAULT_FUSION = "evidence";

    private final AnnotationWorkspace workspace;
    private final AnnotationProject project;
    private final LoopSettings settings;

    LoopJob(AnnotationWorkspace workspace, AnnotationProject project, LoopSettings settings) {
        super("Annotation loop on " + project.name());
        this.workspace = workspace;
        this.project = project;
        this.settings = settings;
        setUser(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == project;
    }

    @Override
    protected void canceling() {
        workspace.queue().abort();
    }

    /**
     * The default fusion of human labels carried along the flow with the model's, unless the model is flow
     * propagation itself (which already is carried labels alone) or no fusion is installed.
     */
    private LabelFusion fusion() throws ContributionException {
        if ("propagation".equals(project.settings().model().id())
                || project.registry().find(ExtensionPoint.FUSIONS, DEFAULT_FUSION).isEmpty()) {
            return null;
        }
        return project.createContribution(ExtensionPoint.FUSIONS, ProjectSettings.PluginChoice.of(DEFAULT_FUSION));
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        LoopProgress progress = workspace.progress();
        SegmentationModel model = null;
        try {
            model = project.createContribution(ExtensionPoint.MODELS, project.settings().model());
            FrameUncertainty observed = new FrameUncertainty(model, project.session().frameCount());
            model = observed;
            workspace.modelStarted(observed);
            SampleSelector selector = project.createContribution(ExtensionPoint.SELECTORS, project.settings().selector());
            ClickCostModel cost = project.createContribution(ExtensionPoint.CLICK_COSTS, project.settings().clickCost());
            AnnotationLoop loop = new AnnotationLoop(project.session(), model, project.granularity(), selector,
                    new HumanAnnotator(workspace.queue()), cost, settings).withFusion(fusion());
            // rounds go on from the journal: after a cancelled loop, and after the project was reopened
            ProjectStore.Continuation next = project.store().continuation();
            if (next.round() > 1 || !next.pendingSamples().isEmpty()) {
                loop.resumeAt(next.round(), next.pendingSamples());
            }
            loop.addListener(new LoopListener() {
                @Override
                public void samplesChosen(int round, List<Sample> samples) {
                    journalChosen(round, samples);
                    progress.roundStarted("Round " + round);
                    progress.waiting("label " + samples.size() + " samples, then Finish round");
                    workspace.queue().begin(round, samples);
                }

                @Override
                public void roundFinished(RoundReport report) {
                    saveAutomaticLabels();
                    journalRound(report);
                    workspace.roundFinished(report);
                }
            });
            LoopResult result = loop.run(progress.wrap(monitor, settings.maxRounds()));
            return new Status(IStatus.OK, "org.frameloop.editor", "Loop stopped: " + result.stopReason().description());
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (ContributionException e) {
            return Status.error(e.getMessage(), e);
        } catch (IOException e) {
            return Status.error("Cannot read the journal of " + project.folder() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a plugin failed: report it by name, the project stays as the last finished round left it
            return Status.error(String.format(Locale.ROOT, "The annotation loop on %s stopped: %s", project.name(),
                    e.getMessage()), e);
        } finally {
            if (model != null) {
                model.close();
            }
            workspace.queue().clear();
            progress.stopped();
        }
    }

    private void journalChosen(int round, List<Sample> samples) {
        try {
            project.store().journalChosen(round, samples);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot journal round " + round + " into " + project.folder(), e);
        }
    }

    private void journalRound(RoundReport report) {
        try {
            project.store().journalRound(report);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot journal the report of round " + report.round() + " into "
                    + project.folder(), e);
        }
    }

    private void saveAutomaticLabels() {
        // An export running now finishes first, and one asked for now waits until the round is written.
        Job.getJobManager().beginRule(project.labelFilesRule(), null);
        try {
            for (int f = 0; f < project.session().frameCount(); f++) {
                project.store().writeAutoLabels(f, project.session().labels(), project.session().labelMap());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot save the model's labels into " + project.folder(), e);
        } finally {
            Job.getJobManager().endRule(project.labelFilesRule());
        }
    }
}
