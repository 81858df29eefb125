package org.frameloop.editor.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.frameloop.core.label.LabelClass;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.inject.Named;

/**
 * Keys 1..9 and 0 pick the label map's first ten classes, Alt+1..9 and Alt+0 the next ten (CamVid has 11,
 * Cityscapes 19); bound for the whole window, so they work whichever view has the focus.
 */
public class SelectClassHandler {

    /** The command parameter: the class's number, 1..20, where 0 stands for 10 (the key under it). */
    public static final String KEY = "org.frameloop.editor.commandparameter.classKey";

    @CanExecute
    public boolean canExecute(AnnotationWorkspace workspace) {
        return workspace.hasProject();
    }

    @Execute
    public void execute(AnnotationWorkspace workspace, @Named(KEY) String key) {
        int index = classIndex(key);
        List<LabelClass> classes = workspace.project().session().labelMap().classes();
        if (index < classes.size()) {
            workspace.selectClass(classes.get(index).id());
        }
    }

    /** The position in the label map that parameter value {@code key} picks: "1" 0, "0" 9, "11" 10, "20" 19. */
    static int classIndex(String key) {
        int number = Integer.parseInt(key);
        return number == 0 ? 9 : number - 1;
    }

    /** The key that picks the class at {@code index} of the label map ("3", "Alt+1"), or "" beyond the twentieth. */
    public static String keyOf(int index) {
        if (index < 0 || index >= 20) {
            return "";
        }
        String digit = Integer.toString((index + 1) % 10);
        return index < 10 ? digit : "Alt+" + digit;
    }
}
