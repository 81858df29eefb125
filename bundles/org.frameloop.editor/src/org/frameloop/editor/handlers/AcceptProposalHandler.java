package org.frameloop.editor.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.frameloop.editor.session.AnnotationWorkspace;

/** Annotate > Accept Proposal (A): the sample's unlabelled pixels take the loop's labels, to be corrected. */
public class AcceptProposalHandler {

    @CanExecute
    public boolean canExecute(AnnotationWorkspace workspace) {
        return workspace.queue().editing() && workspace.currentSample() != null;
    }

    @Execute
    public void execute(AnnotationWorkspace workspace) {
        int accepted = workspace.acceptProposal();
        workspace.setNotice(accepted == 0
                ? "Nothing to accept: no model labels on this sample's unlabelled pixels"
                : "Accepted " + accepted + " px of the model's labels: correct them, or Ctrl+Z");
    }
}
