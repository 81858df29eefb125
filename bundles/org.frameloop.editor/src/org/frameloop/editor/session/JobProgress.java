package org.frameloop.editor.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobManager;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.ProgressProvider;

/**
 * What the Progress view shows, without any SWT: every job that is not a system job, from the moment it
 * is scheduled until it is done, with the task and share of work its monitor reported. Installed as the
 * job manager's {@link ProgressProvider}, so every job's monitor reports here; cancelling through
 * {@link #cancel} is {@link Job#cancel}. Listeners may be called on any thread.
 */
public final class JobProgress extends ProgressProvider {

    /** One job as the view shows it; {@code fraction} is NaN while the amount of work is unknown. */
    public record Row(Job job, String name, String task, double fraction, boolean running, boolean cancelling) {
    }

    private final Map<Job, Tracker> jobs = new LinkedHashMap<>();
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final JobChangeAdapter jobListener = new JobChangeAdapter() {
        @Override
        public void scheduled(IJobChangeEvent event) {
            if (!event.getJob().isSystem()) {
                synchronized (JobProgress.this) {
                    jobs.putIfAbsent(event.getJob(), new Tracker(event.getJob()));
                }
                fire();
            }
        }

        @Override
        public void running(IJobChangeEvent event) {
            fire();
        }

        @Override
        public void done(IJobChangeEvent event) {
            boolean removed;
            synchronized (JobProgress.this) {
                removed = jobs.remove(event.getJob()) != null;
            }
            if (removed) {
                fire();
            }
        }
    };
    private IJobManager manager;

    /** Starts following the jobs of {@code jobManager} and becomes its progress provider. */
    public void install(IJobManager jobManager) {
        manager = jobManager;
        jobManager.setProgressProvider(this);
        jobManager.addJobChangeListener(jobListener);
    }

    public void uninstall() {
        if (manager != null) {
            manager.removeJobChangeListener(jobListener);
            manager.setProgressProvider(null);
            manager = null;
        }
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** The jobs scheduled or running now, oldest first. */
    public synchronized List<Row> rows() {
        List<Row> rows = new ArrayList<>(jobs.size());
        for (Tracker tracker : jobs.values()) {
            rows.add(tracker.row());
        }
        return rows;
    }

    /** Asks {@code job} to stop; it stops at its next check of the monitor. */
    public void cancel(Job job) {
        job.cancel();
        fire();
    }

    @Override
    public IProgressMonitor createMonitor(Job job) {
        if (job.isSystem()) {
            return new NullProgressMonitor();
        }
        synchronized (this) {
            return jobs.computeIfAbsent(job, Tracker::new);
        }
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }

    /** A job's monitor: remembers what it was told and tells the listeners. */
    private final class Tracker extends NullProgressMonitor {
        private final Job job;
        private volatile String task = "";
        private volatile String subTask = "";
        private volatile double total = UNKNOWN;
        private volatile double worked;

        Tracker(Job job) {
            this.job = job;
        }

        Row row() {
            String text = subTask.isEmpty() ? task : task.isEmpty() ? subTask : task + ": " + subTask;
            double fraction = total > 0 ? Math.min(1, worked / total) : Double.NaN;
            return new Row(job, job.getName(), text, fraction, job.getState() == Job.RUNNING, isCanceled());
        }

        @Override
        public void beginTask(String name, int totalWork) {
            task = name == null ? "" : name;
            total = totalWork;
            worked = 0;
            fire();
        }

        @Override
        public void setTaskName(String name) {
            task = name == null ? "" : name;
            fire();
        }

        @Override
        public void subTask(String name) {
            subTask = name == null ? "" : name;
            fire();
        }

        @Override
        public void internalWorked(double work) {
            worked += work;
            fire();
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }

        @Override
        public void setCanceled(boolean cancelled) {
            super.setCanceled(cancelled);
            fire();
        }
    }
}
