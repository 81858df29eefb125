package org.frameloop.editor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;

class JobProgressTest {

    @Test
    void aRunningJobIsListedWithItsTaskAndShareOfWorkAndCancellingItStopsIt() throws Exception {
        JobProgress progress = new JobProgress();
        progress.install(Job.getJobManager());
        try {
            CountDownLatch worked = new CountDownLatch(1);
            CountDownLatch stop = new CountDownLatch(1);
            Job job = Job.create("Fine-tuning", monitor -> {
                SubMonitor steps = SubMonitor.convert(monitor, "Round 3", 10);
                steps.subTask("epoch 1");
                steps.worked(3);
                worked.countDown();
                try {
                    while (!steps.isCanceled()) {
                        stop.await(20, TimeUnit.MILLISECONDS); // a bounded wait for the cancel, as a job's step would
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Status.CANCEL_STATUS;
            });
            Job helper = Job.create("superpixels", monitor -> Status.OK_STATUS);
            helper.setSystem(true);
            helper.schedule();
            job.schedule();
            assertTrue(worked.await(30, TimeUnit.SECONDS));

            List<JobProgress.Row> rows = progress.rows().stream().filter(r -> r.job() == job || r.job() == helper).toList();
            assertEquals(1, rows.size(), "system jobs are not listed: " + rows);
            JobProgress.Row row = rows.get(0);
            assertEquals("Fine-tuning", row.name());
            assertEquals("Round 3: epoch 1", row.task());
            assertEquals(0.3, row.fraction(), 1e-3);

            progress.cancel(job);
            assertTrue(job.join(30_000, null));
            assertEquals(IStatus.CANCEL, job.getResult().getSeverity());
            assertTrue(progress.rows().stream().noneMatch(r -> r.job() == job), "a finished job leaves the list");
        } finally {
            progress.uninstall();
        }
    }
}
