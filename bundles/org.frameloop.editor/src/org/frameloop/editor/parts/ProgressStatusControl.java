package org.frameloop.editor.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ProgressBar;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/** The status line in the window's bottom trim: project, frame, tool, and the loop's progress. */
public class ProgressStatusControl {

    private AnnotationWorkspace workspace;
    private CLabel text;
    private ProgressBar bar;
    private UiRefresh refresh;
    private final AnnotationWorkspace.Listener listener = (change, frame) -> {
        if (change != AnnotationWorkspace.Change.LABELS && change != AnnotationWorkspace.Change.UNCERTAINTY) {
            refresh.request();
        }
    };

    @PostConstruct
    public void createControls(Composite parent, AnnotationWorkspace workspace) {
        this.workspace = workspace;
        Composite line = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 1;
        line.setLayout(layout);
        // the native label showed only "project | " of its text in the trim bar; a CLabel draws its own text
        // (with an ellipsis only when really too narrow), and the model's "stretch" tag gives the line the
        // trim bar's free width, so the progress bar sits at the right end
        text = new CLabel(line, SWT.NONE);
        text.setMargins(2, 0, 2, 0);
        GridData textData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        textData.widthHint = 700;
        text.setLayoutData(textData);
        bar = new ProgressBar(line, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setMaximum(1000);
        bar.setLayoutData(new GridData(200, SWT.DEFAULT));
        refresh = new UiRefresh(text, this::refresh);
        workspace.addListener(listener);
        refresh();
    }

    private void refresh() {
        String project = workspace.hasProject() ? workspace.project().name() + "  |  frame " + (workspace.frame() + 1)
                + "/" + workspace.frameCount() + "  |  " + workspace.tool().label() : "No project";
        String progress = workspace.progress().text();
        String notice = workspace.notice();
        String pointer = workspace.pointerText();
        String line = pointer.isEmpty() ? project : project + "  |  " + pointer;
        line = progress.isEmpty() ? line : line + "  |  " + progress;
        text.setText(notice.isEmpty() ? line : line + "  |  " + notice);
        bar.setVisible(workspace.progress().running());
        bar.setSelection((int) Math.round(workspace.progress().roundFraction() * 1000));
        text.getParent().requestLayout();
    }

    @PreDestroy
    public void dispose() {
        workspace.removeListener(listener);
    }
}
