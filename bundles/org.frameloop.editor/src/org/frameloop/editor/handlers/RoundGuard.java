package org.frameloop.editor.handlers;

import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.SampleQueue;

/**
 * Asks before the project is closed, replaced or the IDE quits while samples of the open round have work not
 * yet handed to the loop: their labels are saved and the round comes back on reopening, but the clicks and
 * seconds of an unfinished sample count only once it is finished, so leaving now drops them from the ledger.
 */
public final class RoundGuard {

    /** Title of the question, for tests that answer it. */
    public static final String TITLE = "Leave the open round";

    private RoundGuard() {
    }

    /**
     * @param action what the person asked for, as a verb phrase ("Close the project")
     * @return true when nothing is in hand or the person confirms
     */
    public static boolean confirmLeaving(Shell shell, AnnotationWorkspace workspace, String action) {
        List<SampleQueue.Entry> inHand = workspace.queue().workInHand();
        if (inHand.isEmpty()) {
            return true;
        }
        int clicks = inHand.stream().mapToInt(SampleQueue.Entry::clicks).sum();
        String frames = String.join(", ", inHand.stream().limit(8)
                .map(e -> Integer.toString(e.sample().frameIndex() + 1)).toList()) + (inHand.size() > 8 ? ", ..." : "");
        return MessageDialog.openQuestion(shell, TITLE, inHand.size() + " sample(s) of round " + workspace.queue().round()
                + " (frames " + frames + ") have " + clicks + " clicks of work not handed to the loop yet.\n\n"
                + "Their labels are saved and the round comes back when the project is reopened, but these clicks "
                + "and seconds will not be counted in the ledger. Tab finishes a sample.\n\n" + action + " anyway?");
    }
}
