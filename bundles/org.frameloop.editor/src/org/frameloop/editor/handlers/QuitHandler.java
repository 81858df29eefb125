package org.frameloop.editor.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.inject.Named;

/** File > Quit (Ctrl+Q), asking first when a sample's work is in hand: the addon saves and closes the project on shutdown. */
public class QuitHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, IWorkbench workbench, AnnotationWorkspace workspace) {
        if (RoundGuard.confirmLeaving(shell, workspace, "Quit")) {
            workbench.close();
        }
    }
}
