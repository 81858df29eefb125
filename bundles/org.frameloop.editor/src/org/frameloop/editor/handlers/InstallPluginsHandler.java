package org.frameloop.editor.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.editor.dialogs.InstallPluginsDialog;
import org.frameloop.install.InstallException;
import org.frameloop.install.Installation;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

/** Help > Install Plugins…: the installation this IDE was started from, as {@code ./frameloop plugins} sees it. */
public class InstallPluginsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        BundleContext context = FrameworkUtil.getBundle(InstallPluginsHandler.class).getBundleContext();
        Installation installation;
        try {
            installation = Installation.ofRunningFramework(context);
        } catch (InstallException e) {
            MessageDialog.openError(shell, InstallPluginsDialog.TITLE, e.getMessage());
            return;
        }
        new InstallPluginsDialog(shell, installation, context).open();
    }
}
