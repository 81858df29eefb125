package org.frameloop.editor.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.inject.Named;

/** File > Close Project: stops the loop, saves, closes (asking first when a sample's work is in hand). */
public class CloseProjectHandler {

    @CanExecute
    public boolean canExecute(AnnotationWorkspace workspace) {
        return workspace.hasProject();
    }

    @Execute
    public void execute(@Named("activeShell") Shell shell, AnnotationWorkspace workspace) {
        if (RoundGuard.confirmLeaving(shell, workspace, "Close the project")) {
            workspace.close();
        }
    }
}
