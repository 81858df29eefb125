package org.frameloop.editor.handlers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.editor.session.AnnotationProject;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.ProjectFolders;
import org.frameloop.editor.session.ProjectSettings;
import org.frameloop.editor.session.TeamProjects;

/**
 * Opens or creates a project folder, or opens a team's project at an address, into the workspace as a job: reading a video file or a long video's
 * labels and closing the previous project (its loop stops, its labels are saved) take seconds, so both
 * happen off the UI thread, which only shows the result. What is wrong with which file is shown in a
 * dialog.
 */
public final class ProjectOpening {

    private static final String PLUGIN_ID = "org.frameloop.editor";

    /** Reads or writes a project folder, reporting to {@code monitor}. */
    @FunctionalInterface
    private interface ProjectReader {
        AnnotationProject read(IProgressMonitor monitor) throws IOException;
    }

    private ProjectOpening() {
    }

    /** Schedules the opening and returns its job (done once the project is read, or failed). */
    public static Job open(Display display, AnnotationWorkspace workspace, Path folder) {
        return schedule(display, workspace, "Opening " + folder.getFileName(), "Cannot open the project", monitor -> {
            AnnotationProject current = workspace.project();
            if (current != null && current.folder() != null && current.folder().toAbsolutePath().normalize()
                    .equals(folder.toAbsolutePath().normalize())) {
                workspace.close(); // reopening the project in view: one writer per project, so it lets go first
            }
            return ProjectFolders.open(folder, PluginRegistry.ofPlatform());
        });
    }

    /**
     * Schedules opening the team's project at {@code address} (File > Open Project Address...), typed as a person
     * types it, and returns its job (done once the project is open and taking samples, or failed: a bad address, a
     * server that cannot be reached, a user who is not a member are shown in a dialog naming the address).
     */
    public static Job openAddress(Display display, AnnotationWorkspace workspace, String address) {
        return schedule(display, workspace, "Opening " + address, "Cannot open the project address",
                monitor -> TeamProjects.open(address, PluginRegistry.ofPlatform()));
    }

    /**
     * Schedules creating a project in {@code folder} (File > New Project's Finish) and returns its job
     * (done once the project is created and opened, or failed).
     */
    public static Job create(Display display, AnnotationWorkspace workspace, Path folder, ProjectSettings settings,
            LabelMap labelMap, PluginRegistry registry) {
        return schedule(display, workspace, "Creating " + folder.getFileName(), "Cannot create the project",
                monitor -> ProjectFolders.create(folder, settings, labelMap, registry, monitor));
    }

    /**
     * Schedules creating the team's project at {@code address} on its server (File > New Project's Finish with an
     * address as the location) and opening it as {@link #openAddress} does; returns its job (done once the project
     * is created and open, or failed: what is wrong is shown in a dialog naming the address).
     */
    public static Job createAddress(Display display, AnnotationWorkspace workspace, String address,
            ProjectSettings settings, LabelMap labelMap, PluginRegistry registry) {
        return schedule(display, workspace, "Creating " + address, "Cannot create the project",
                monitor -> TeamProjects.create(address, settings, labelMap, registry, monitor));
    }

    private static Job schedule(Display display, AnnotationWorkspace workspace, String name, String errorTitle,
            ProjectReader reader) {
        Job job = Job.create(name, monitor -> {
            AnnotationProject opened;
            try {
                opened = reader.read(monitor);
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (IOException | UncheckedIOException e) {
                display.asyncExec(() -> MessageDialog.openError(display.getActiveShell(), errorTitle, e.getMessage()));
                return new Status(IStatus.INFO, PLUGIN_ID, errorTitle + ": " + e.getMessage());
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
            // nothing the person did is in it yet
        }
    }
}
