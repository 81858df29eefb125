package org.frameloop.editor.session;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.store.postgres.LeaseLostException;
import org.frameloop.store.postgres.ProjectNews;
import org.frameloop.store.postgres.SampleLeases;
import org.frameloop.store.postgres.TeamClient;

/**
 * The person's work on a team's project, as a job: the IDE is not the loop there ({@code frameloop serve} is).
 * It takes one sample at a time under a lease ({@link TeamClient#next}) into the sample queue, renews the lease
 * every {@link #renewEvery} while the person works on it, stores the finished sample in the person's name
 * ({@link TeamClient#submit}), and when nothing is free waits for the project's news, showing a new round's
 * automatic labels and rounds when the trainer publishes them. Cancelling (closing the project) gives a held
 * sample back ({@link TeamClient#release}). The job is the one thread that uses the client and its connection.
 */
public final class TeamJob extends QueueJob {

    private final TeamClient team;
    private final Duration renewEvery;
    private final Duration newsWait;

    /**
     * @param renewEvery how often a held sample's lease is renewed: a fraction of the lease time
     * @param newsWait   how long one wait for news lasts before the project is looked at again (a lease that ran
     *                   out is announced by nobody)
     */
    TeamJob(AnnotationWorkspace workspace, AnnotationProject project, Duration renewEvery, Duration newsWait) {
        super("Team project " + project.name(), workspace, project);
        this.team = project.team();
        this.renewEvery = renewEvery;
        this.newsWait = newsWait;
        setUser(false);
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        LoopProgress progress = workspace.progress();
        SubMonitor work = SubMonitor.convert(progress.wrap(monitor, 0), "Team project " + project.name(), 1);
        try {
            while (true) {
                work.setWorkRemaining(2);
                Optional<SampleLeases.Lease> lease = team.next();
                if (lease.isPresent()) {
                    label(lease.get(), progress);
                    work.split(1);
                } else {
                    progress.roundStarted("Waiting for the team");
                    progress.waiting(team.openSamples() == 0 ? "every sample is labelled; the trainer works"
                            : "every open sample is leased to someone");
                    awaitNews(work.split(1));
                }
            }
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (IOException e) {
            return Status.error("The team project " + project.location() + " stopped: " + e.getMessage(), e);
        } finally {
            releaseHeld();
            workspace.queue().clear();
            progress.stopped();
        }
    }

    /** Puts the leased sample in front of the person and stores it once finished. */
    private void label(SampleLeases.Lease lease, LoopProgress progress) throws IOException {
        Sample sample = lease.sample();
        progress.roundStarted("Round " + lease.round());
        progress.waiting("label the sample leased to you, then Tab");
        workspace.queue().begin(lease.round(), List.of(sample));
        SampleQueue.Entry finished;
        while ((finished = workspace.queue().awaitDone(sample, renewEvery.toMillis())) == null) {
            team.renew();
        }
        LabelStore labels = project.session().labels();
        try {
            team.submit(labels.human(sample.frameIndex()), finished.clicks(), finished.seconds());
            workspace.setNotice("Sample of frame " + (sample.frameIndex() + 1) + " stored");
        } catch (LeaseLostException e) {
            workspace.setNotice("Sample of frame " + (sample.frameIndex() + 1) + " not stored: " + e.getMessage());
        }
        workspace.queue().clear(); // it is no longer this person's: nothing more is edited in it
    }

    /** Waits once for news; a new round's labels and reports are shown at once. */
    private void awaitNews(SubMonitor monitor) throws IOException {
        List<ProjectNews.Kind> news = team.waitForNews(newsWait, monitor::isCanceled);
        if (news.contains(ProjectNews.Kind.CHOSEN)) {
            LabelStore shown = project.session().labels();
            LabelStore current = team.labels();
            for (int f = 0; f < project.session().frameCount(); f++) {
                shown.putAuto(f, current.auto(f));
                if (current.hasHuman(f)) {
                    shown.putHuman(f, wholeFrame(), current.human(f));
                }
            }
            project.store().roundReports().forEach(workspace::roundFinished);
        }
    }

    private Region wholeFrame() {
        return new Region.Rectangle(0, 0, project.session().width(),
                project.session().height());
    }

    private void releaseHeld() {
        try {
            team.release();
        } catch (IOException e) {
            // the lease runs out by itself: the sample goes back to the team within one lease time
            workspace.setNotice("The held sample could not be given back now; it returns to the team when its lease "
                    + "runs out (" + e.getMessage() + ")");
        }
    }
}
