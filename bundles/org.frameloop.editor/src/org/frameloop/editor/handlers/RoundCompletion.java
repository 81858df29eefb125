package org.frameloop.editor.handlers;

import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.core.sample.Sample;
import org.frameloop.editor.session.AnnotationWorkspace;

/**
 * Finish round, from the menu, Ctrl+Enter or the Samples view's button: a sample with pixels nobody
 * labelled is handed to the model only when the person says so (they would train nothing there, and a
 * sample marked done while half empty is how labels silently go missing).
 */
public final class RoundCompletion {

    /** Title of the question, for tests that answer it. */
    public static final String TITLE = "Finish round";

    private RoundCompletion() {
    }

    /** Finishes the round if every sample is labelled or the person confirms; returns whether it finished. */
    public static boolean finish(Shell shell, AnnotationWorkspace workspace) {
        if (!workspace.queue().awaitingAnnotation()) {
            return false; // the model is working on the finished round
        }
        List<Sample> incomplete = workspace.incompleteSamples();
        if (!incomplete.isEmpty()) {
            int total = workspace.queue().size();
            String frames = String.join(", ", incomplete.stream().limit(8)
                    .map(s -> Integer.toString(s.frameIndex() + 1)).toList()) + (incomplete.size() > 8 ? ", ..." : "");
            boolean finish = MessageDialog.openQuestion(shell, TITLE, incomplete.size() + " of " + total
                    + " samples still have unlabelled pixels (frames " + frames + ").\n\n"
                    + "Press A on a sample to accept the model's labels and correct them, or label the rest.\n"
                    + "Finish the round anyway? Unlabelled pixels stay unlabelled.");
            if (!finish) {
                return false;
            }
        }
        workspace.finishRound();
        return true;
    }
}
