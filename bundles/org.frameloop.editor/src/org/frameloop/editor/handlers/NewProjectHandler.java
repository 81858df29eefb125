package org.frameloop.editor.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.editor.dialogs.NewProjectWizard;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.inject.Named;

/** File > New Project: the wizard, then the new project opens. */
public class NewProjectHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, AnnotationWorkspace workspace) {
        if (!RoundGuard.confirmLeaving(shell, workspace, "Start a new project")) {
            return;
        }
        NewProjectWizard wizard = new NewProjectWizard(workspace, PluginRegistry.ofPlatform());
        new WizardDialog(shell, wizard).open();
    }
}
