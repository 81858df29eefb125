package org.frameloop.editor.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.frameloop.editor.parts.VideoEditorPart;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.inject.Named;

/** Navigate > Fit to Window (Ctrl+0), Zoom to Sample (Z), Toggle Overlay (O). */
public class ViewHandler {

    /** The command parameter: fit, zoomToSample or toggleOverlay. */
    public static final String ACTION = "org.frameloop.editor.commandparameter.viewAction";

    @CanExecute
    public boolean canExecute(AnnotationWorkspace workspace) {
        return workspace.hasProject();
    }

    @Execute
    public void execute(AnnotationWorkspace workspace, EPartService parts, @Named(ACTION) String action) {
        if ("toggleOverlay".equals(action)) {
            workspace.toggleOverlay();
            return;
        }
        MPart part = parts.findPart(VideoEditorPart.ID);
        if (part != null && part.getObject() instanceof VideoEditorPart editor) {
            switch (action) {
                case "fit" -> editor.fitToWindow();
                case "zoomToSample" -> editor.zoomToSample();
                default -> throw new IllegalArgumentException("unknown view action " + action);
            }
        }
    }
}
