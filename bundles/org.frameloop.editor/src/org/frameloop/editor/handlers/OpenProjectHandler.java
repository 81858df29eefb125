package org.frameloop.editor.handlers;

import java.nio.file.Path;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.inject.Named;

/** File > Open Project: pick a project folder (the one holding project.json). */
public class OpenProjectHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, AnnotationWorkspace workspace) {
        if (!RoundGuard.confirmLeaving(shell, workspace, "Open another project")) {
            return;
        }
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText("Open Frameloop project");
        dialog.setMessage("Choose a project folder (it holds project.json)");
        String folder = dialog.open();
        if (folder != null) {
            ProjectOpening.open(shell.getDisplay(), workspace, Path.of(folder));
        }
    }
}
