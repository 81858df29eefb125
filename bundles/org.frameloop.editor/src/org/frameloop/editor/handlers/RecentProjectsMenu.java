package org.frameloop.editor.handlers;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.ui.menu.MDirectMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.inject.Named;

/** File > Recent Projects: one item per recently opened project folder. */
public class RecentProjectsMenu {

    private static final String PATH_KEY = "org.frameloop.editor.recentProject";

    @AboutToShow
    public void aboutToShow(List<MMenuElement> items, EModelService models, AnnotationWorkspace workspace) {
        for (Path folder : workspace.preferences().recentProjects()) {
            MDirectMenuItem item = models.createModelElement(MDirectMenuItem.class);
            item.setLabel(folder.getFileName() + "  (" + folder.getParent() + ")");
            item.setContributorURI("platform:/plugin/org.frameloop.editor");
            item.setContributionURI("bundleclass://org.frameloop.editor/" + OpenRecent.class.getName());
            item.getTransientData().put(PATH_KEY, folder);
            items.add(item);
        }
    }

    /** Opens the project an item of the menu names. */
    public static class OpenRecent {
        @Execute
        public void execute(MDirectMenuItem item, @Named("activeShell") Shell shell, AnnotationWorkspace workspace) {
            if (RoundGuard.confirmLeaving(shell, workspace, "Open another project")) {
                ProjectOpening.open(shell.getDisplay(), workspace, (Path) item.getTransientData().get(PATH_KEY));
            }
        }
    }
}
