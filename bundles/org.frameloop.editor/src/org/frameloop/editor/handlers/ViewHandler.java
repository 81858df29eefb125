package org.frameloop.editor.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.frameloop.editor.parts.VideoEditorPart;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.inject.Named;

/**
 * Navigate > Fit to Window (Ctrl+0), Zoom to Sample (Z), Toggle Overlay (O), and the frame's brightness and contrast
 * (Ctrl+Up/Down, Ctrl+Shift+Up/Down, reset with Ctrl+Shift+R).
 */
public class ViewHandler {

    /**
     * The command parameter: fit, zoomToSample, toggleOverlay, brighter, darker, moreContrast, lessContrast or
     * resetTone.
     */
    public static final String ACTION = "org.frameloop.editor.commandparameter.viewAction";

    /** Brightness (of 255) or contrast (percent) per key press. */
    static final int TONE_STEP = 20;

    @CanExecute
    public boolean canExecute(AnnotationWorkspace workspace) {
        return workspace.hasProject();
    }

    @Execute
    public void execute(AnnotationWorkspace workspace, EPartService parts, @Named(ACTION) String action) {
        switch (action) {
            case "toggleOverlay" -> workspace.toggleOverlay();
            case "brighter" -> workspace.adjustTone(TONE_STEP, 0);
            case "darker" -> workspace.adjustTone(-TONE_STEP, 0);
            case "moreContrast" -> workspace.adjustTone(0, TONE_STEP);
            case "lessContrast" -> workspace.adjustTone(0, -TONE_STEP);
            case "resetTone" -> workspace.resetTone();
            default -> zoom(parts, action);
        }
    }

    private static void zoom(EPartService parts, String action) {
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
