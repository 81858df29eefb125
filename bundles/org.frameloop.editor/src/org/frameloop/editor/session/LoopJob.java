package org.frameloop.editor.session;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Sample;
import org.frameloop.io.ProjectStore;
import org.frameloop.run.RunAssembly;

/**
 * Runs the project's {@link AnnotationLoop} with the person as annotator, as one Eclipse job: predict,
 * choose samples, wait while the person labels them (the worker sleeps in {@link SampleQueue}), fine-tune
 * and predict when they finish the round, and so on; while the model works, the person labels the extra
 * samples it offers (the selector's next choice beyond the round), each journaled when finished. A reopened
 * project's unfinished round is queued at once, before the model is restored and has predicted. The run is assembled and journaled by
 * {@link RunAssembly}, as the command line's is: human labels are saved per sample, each round's chosen
 * samples and report are journaled, and automatic labels are written after each finished round (holding
 * the project's label-files rule, so an export never mixes two rounds). A cancelled job therefore leaves the
 * project as it was after the last finished round plus the person's work, and a new job (after a cancel, or
 * on a reopened project) continues the round numbering and the samples of an unfinished round.
 */
public final class LoopJob extends QueueJob {

    private final LoopSettings settings;

    LoopJob(AnnotationWorkspace workspace, AnnotationProject project, LoopSettings settings) {
        super("Annotation loop on " + project.name(), workspace, project);
        this.settings = settings;
        setUser(true);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        LoopProgress progress = workspace.progress();
        RunAssembly run = null;
        try {
            run = RunAssembly.create(project.registry(), project.settings().plugins(project.registry()),
                    project.granularity());
            run.observeModel(model -> {
                FrameUncertainty observed = new FrameUncertainty(model, project.session().frameCount());
                workspace.modelStarted(observed);
                return observed;
            }).journalTo(project.store(), project.labelFilesRule());
            AnnotationLoop loop = run.loop(project.session(), settings,
                    new HumanAnnotator(workspace.queue(), project.session()));
            // never wait on the model: while it learns from a round, the person labels what it ranks next
            loop.offerWhileAdapting(settings.samplesPerRound());
            loop.addListener(new LoopListener() {
                @Override
                public void samplesChosen(int round, List<Sample> samples) {
                    progress.roundStarted("Round " + round);
                    progress.waiting("label " + samples.size() + " samples, then Finish round");
                    workspace.queue().begin(round, samples);
                }

                @Override
                public void roundFinished(RoundReport report) {
                    workspace.roundFinished(report);
                }
            });
            IProgressMonitor wrapped = progress.wrap(monitor, settings.maxRounds());
            ProjectStore.Continuation next = project.store().continuation();
            if (!next.pendingSamples().isEmpty()) {
                // a reopened project's unfinished round: the person goes on while the model is restored and predicts
                progress.roundStarted("Round " + next.round());
                progress.waiting("label " + next.pendingSamples().size() + " samples, then Finish round");
                workspace.queue().begin(next.round(), next.pendingSamples());
            }
            LoopResult result = run.run(wrapped);
            return new Status(IStatus.OK, "org.frameloop.editor", "Loop stopped: " + result.stopReason().description());
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (ContributionException e) {
            return Status.error(e.getMessage(), e);
        } catch (IOException e) {
            return Status.error("Cannot read or write the project " + project.location() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a plugin failed: report it by name, the project stays as the last finished round left it
            return Status.error(String.format(Locale.ROOT, "The annotation loop on %s stopped: %s", project.name(),
                    e.getMessage()), e);
        } finally {
            if (run != null) {
                run.close();
            }
            workspace.queue().clear();
            progress.stopped();
        }
    }
}
