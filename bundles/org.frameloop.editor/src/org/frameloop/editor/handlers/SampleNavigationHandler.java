package org.frameloop.editor.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.inject.Named;

/**
 * Annotate > Next sample (Tab), Previous sample (Shift+Tab), Finish round (Ctrl+Enter); Tab and Shift+Tab also
 * move through the extra samples offered while the model works.
 */
public class SampleNavigationHandler {

    /** The command parameter: next, previous or finishRound. */
    public static final String STEP = "org.frameloop.editor.commandparameter.sampleStep";

    @CanExecute
    public boolean canExecute(AnnotationWorkspace workspace) {
        return workspace.queue().awaitingAnnotation() || workspace.queue().offering();
    }

    @Execute
    public void execute(AnnotationWorkspace workspace, @Named(STEP) String step,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        switch (step) {
            case "next" -> workspace.nextSample();
            case "previous" -> workspace.previousSample();
            case "finishRound" -> RoundCompletion.finish(shell, workspace);
            default -> throw new IllegalArgumentException("unknown sample step " + step);
        }
    }
}
