package org.frameloop.editor.session;

import org.eclipse.core.runtime.jobs.Job;

/**
 * A job that feeds the workspace's sample queue for one open project and waits in it for the person: the IDE's
 * own loop ({@link LoopJob}) or a team's project's leases ({@link TeamJob}). Its family is the project, so closing
 * the project cancels it, and cancelling releases a worker waiting in the queue.
 */
abstract class QueueJob extends Job {

    final AnnotationWorkspace workspace;
    final AnnotationProject project;

    QueueJob(String name, AnnotationWorkspace workspace, AnnotationProject project) {
        super(name);
        this.workspace = workspace;
        this.project = project;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == project;
    }

    @Override
    protected void canceling() {
        workspace.queue().abort();
    }
}
