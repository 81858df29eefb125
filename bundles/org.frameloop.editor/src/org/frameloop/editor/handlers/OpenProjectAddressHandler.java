package org.frameloop.editor.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.inject.Named;

/**
 * File > Open Project Address...: a team's project on a PostgreSQL server, by its address as typed
 * ({@code postgresql://HOST[:PORT]/DATABASE?project=NAME[&user=USER]}); the password comes from PGPASSWORD or
 * ~/.pgpass, never from the address (docs/team.md).
 */
public class OpenProjectAddressHandler {

    /** Title of the address dialog, for tests that answer it. */
    public static final String TITLE = "Open Project Address";

    @Execute
    public void execute(@Named("activeShell") Shell shell, AnnotationWorkspace workspace) {
        if (!RoundGuard.confirmLeaving(shell, workspace, "Open another project")) {
            return;
        }
        InputDialog dialog = new InputDialog(shell, TITLE,
                "A team's project on a PostgreSQL server: postgresql://HOST[:PORT]/DATABASE?project=NAME[&user=USER]\n"
                        + "The password comes from PGPASSWORD or ~/.pgpass, never from the address.",
                "postgresql://", null);
        if (dialog.open() == Window.OK) {
            ProjectOpening.openAddress(shell.getDisplay(), workspace, dialog.getValue().strip());
        }
    }
}
