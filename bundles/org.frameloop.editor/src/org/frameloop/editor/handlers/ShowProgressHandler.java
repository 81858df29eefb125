package org.frameloop.editor.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Window > Progress: brings the Progress view to the front. */
public class ShowProgressHandler {

    /** The Progress view's part id in the application model. */
    public static final String PART_ID = "org.frameloop.editor.part.progress";

    @Execute
    public void execute(EPartService parts) {
        parts.showPart(PART_ID, PartState.ACTIVATE);
    }
}
