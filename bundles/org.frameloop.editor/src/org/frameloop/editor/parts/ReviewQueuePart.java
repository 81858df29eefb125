package org.frameloop.editor.parts;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.frameloop.core.quality.QualityEstimate;
import org.frameloop.core.quality.ReviewQueue;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Weakest frames first: every frame ranked by the estimated quality of its labels after the latest round,
 * under the whole-video estimate with its interval. Selecting a row shows that frame, so a reviewer walks
 * down the list fixing what the estimate says is worst; while the model works, a frame the loop offers among the
 * weakest becomes the sample to correct.
 */
public class ReviewQueuePart {

    private AnnotationWorkspace workspace;
    private Label summary;
    private Table table;
    private UiRefresh refresh;
    private List<ReviewQueue.Entry> entries = List.of();
    private final AnnotationWorkspace.Listener listener = (change, frame) -> {
        if (change == AnnotationWorkspace.Change.ROUNDS || change == AnnotationWorkspace.Change.PROJECT) {
            refresh.request();
        }
    };

    @PostConstruct
    public void createControls(Composite parent, AnnotationWorkspace workspace) {
        this.workspace = workspace;
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL | SWT.VIRTUAL);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        String[] titles = { "Rank", "Frame", "Est. accuracy" };
        for (String title : titles) {
            TableColumn column = new TableColumn(table, SWT.RIGHT);
            column.setText(title);
            column.setWidth(title.length() > 6 ? 100 : 60);
        }
        table.addListener(SWT.SetData, e -> fill((TableItem) e.item, table.indexOf((TableItem) e.item)));
        table.addListener(SWT.Selection, e -> {
            int row = table.getSelectionIndex();
            if (row >= 0 && row < entries.size()) {
                workspace.reviewFrame(entries.get(row).frame());
            }
        });
        refresh = new UiRefresh(table, this::refresh);
        workspace.addListener(listener);
        refresh();
    }

    /** The queue the table shows, weakest frame first (for tests and the keyboard). */
    public List<ReviewQueue.Entry> entries() {
        return entries;
    }

    private void refresh() {
        QualityEstimate estimate = workspace.latestEstimate();
        entries = estimate == null ? List.of() : ReviewQueue.of(estimate, null).entries();
        summary.setText(estimate == null ? "No estimate yet: the loop estimates every frame after its first round."
                : capitalised(estimate.describe()) + ". Weakest frames first; select one to see it.");
        table.clearAll();
        table.setItemCount(entries.size());
        summary.getParent().layout();
    }

    private void fill(TableItem item, int row) {
        if (row < 0 || row >= entries.size()) {
            return;
        }
        ReviewQueue.Entry entry = entries.get(row);
        item.setText(new String[] { Integer.toString(entry.rank()), Integer.toString(entry.frame() + 1),
                String.format(Locale.ROOT, "%.1f%%", 100 * entry.estimatedAccuracy()) });
        item.setBackground(2, new Color(TimelinePart.estimateColour(entry.estimatedAccuracy())));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @PreDestroy
    public void dispose() {
        workspace.removeListener(listener);
    }
}
