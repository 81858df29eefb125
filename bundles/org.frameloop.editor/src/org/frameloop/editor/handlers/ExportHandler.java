package org.frameloop.editor.handlers;

import java.nio.file.Path;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.editor.dialogs.ExportDialog;
import org.frameloop.editor.session.AnnotationProject;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.ExportJob;
import org.frameloop.editor.session.ProjectFolders;

import jakarta.inject.Named;

/** File > Export: choose a format and a folder, export as a job, then say where the files are or what failed. */
public class ExportHandler {

    @CanExecute
    public boolean canExecute(AnnotationWorkspace workspace) {
        return workspace.project() != null;
    }

    @Execute
    public void execute(@Named("activeShell") Shell shell, AnnotationWorkspace workspace) {
        AnnotationProject project = workspace.project();
        if (project == null) {
            return;
        }
        // a team's project has no folder: its export goes beside the folder projects by default
        Path defaultParent = project.isTeam() ? ProjectFolders.workspaceFolder().resolve(project.name())
                : project.folder();
        ExportDialog dialog = new ExportDialog(shell, ExportJob.formats(project.registry()), defaultParent);
        if (dialog.open() != Window.OK) {
            return;
        }
        ExportJob job = new ExportJob(project, dialog.format(), dialog.parameterValues(), dialog.folder());
        Display display = shell.getDisplay();
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                display.asyncExec(() -> report(display, event.getResult()));
            }
        });
        job.schedule();
    }

    private static void report(Display display, IStatus result) {
        Shell shell = display.getActiveShell();
        if (result.getSeverity() == IStatus.OK) {
            MessageDialog.openInformation(shell, "Export", result.getMessage());
        } else if (result.getSeverity() == IStatus.CANCEL) {
            MessageDialog.openInformation(shell, "Export cancelled", result.getMessage());
        } else {
            MessageDialog.openError(shell, "Export failed", result.getMessage());
        }
    }
}
