package org.frameloop.editor.handlers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.editor.session.AnnotationProject;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.ProjectFolders;

/**
 * Opens a project folder into the workspace as a job: reading a long video's labels and closing the
 * previous project (its loop stops, its labels are saved) take seconds, so both happen off the UI thread,
 * which only shows the result. What is wrong with which file is shown in a dialog.
 */
public final class ProjectOpening {

    private static final String PLUGIN_ID = "org.frameloop.editor";

    private ProjectOpening() {
    }

    /** Schedules the opening and returns its job (done once the project is read, or failed). */
    public static Job open(Display display, AnnotationWorkspace workspace, Path folder) {
        Job job = Job.create("Opening " + folder.getFileName(), monitor -> {
            AnnotationProject opened;
            try {
                opened = ProjectFolders.open(folder, PluginRegistry.ofPlatform());
            } catch (IOException | UncheckedIOException e) {
                display.asyncExec(() -> MessageDialog.openError(display.getActiveShell(), "Cannot open the project",
                        e.getMessage()));
                return new Status(IStatus.INFO, PLUGIN_ID, "Not opened: " + e.getMessage());
            }
            if (monitor.isCanceled() || display.isDisposed()) {
                closeQuietly(opened);
                return Status.CANCEL_STATUS;
            }
            workspace.close(); // listeners are thread-safe; joining the old loop must not block the UI
            display.asyncExec(() -> workspace.open(opened));
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    private static void closeQuietly(AnnotationProject project) {
        try {
            project.close();
        } catch (IOException e) {
            // nothing was changed in it: it was only read
        }
    }
}
