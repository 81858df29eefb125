package org.frameloop.editor.parts;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.frameloop.core.label.LabelClass;
import org.frameloop.editor.handlers.SelectClassHandler;
import org.frameloop.editor.session.AnnotationProject;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/** The classes of the project with their colours and keys (1..9, 0, then Alt+1..9, Alt+0). */
public class ClassPalettePart {

    private AnnotationWorkspace workspace;
    private Table table;
    private final List<Image> swatches = new ArrayList<>();
    private List<LabelClass> shown = List.of();
    private UiRefresh refresh;
    private final AnnotationWorkspace.Listener listener = (change, frame) -> {
        if (change == AnnotationWorkspace.Change.PROJECT || change == AnnotationWorkspace.Change.TOOL) {
            refresh.request();
        }
    };

    @PostConstruct
    public void createControls(Composite parent, AnnotationWorkspace workspace) {
        this.workspace = workspace;
        parent.setLayout(new FillLayout());
        table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.addListener(SWT.Selection, e -> {
            int index = table.getSelectionIndex();
            if (index >= 0 && index < shown.size()) {
                workspace.selectClass(shown.get(index).id());
            }
        });
        refresh = new UiRefresh(table, this::refresh);
        workspace.addListener(listener);
        refresh();
    }

    private void refresh() {
        AnnotationProject project = workspace.project();
        List<LabelClass> classes = project == null ? List.of() : project.session().labelMap().classes();
        if (!classes.equals(shown)) {
            shown = classes;
            swatches.forEach(Image::dispose);
            swatches.clear();
            table.removeAll();
            for (int i = 0; i < classes.size(); i++) {
                LabelClass c = classes.get(i);
                TableItem item = new TableItem(table, SWT.NONE);
                String key = SelectClassHandler.keyOf(i);
                item.setText((key.isEmpty() ? "" : key + "  ") + c.name() + "  (id " + c.id() + ")");
                item.setImage(swatch(c.rgb()));
            }
        }
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id() == workspace.classId()) {
                table.setSelection(i);
            }
        }
    }

    private Image swatch(int rgb) {
        Image image = new Image(table.getDisplay(), 16, 16);
        GC gc = new GC(image);
        gc.setBackground(new Color(new RGB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF)));
        gc.fillRectangle(0, 0, 16, 16);
        gc.dispose();
        swatches.add(image);
        return image;
    }

    @PreDestroy
    public void dispose() {
        workspace.removeListener(listener);
        swatches.forEach(Image::dispose);
    }
}
