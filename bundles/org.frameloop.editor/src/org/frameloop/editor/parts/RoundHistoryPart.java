package org.frameloop.editor.parts;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.frameloop.core.quality.QualityEstimate;
import org.frameloop.core.report.RoundReport;
import org.frameloop.editor.session.AnnotationWorkspace;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Clicks against quality per round: a chart (measured mIoU where the project has ground truth, the
 * estimate otherwise) and the table of clicks per round, the estimate with its 90% interval.
 */
public class RoundHistoryPart {

    private AnnotationWorkspace workspace;
    private Canvas chart;
    private Table table;
    private UiRefresh refresh;
    private final AnnotationWorkspace.Listener listener = (change, frame) -> {
        if (change == AnnotationWorkspace.Change.ROUNDS || change == AnnotationWorkspace.Change.PROJECT) {
            refresh.request();
        }
    };

    @PostConstruct
    public void createControls(Composite parent, AnnotationWorkspace workspace) {
        this.workspace = workspace;
        parent.setLayout(new GridLayout(2, false));
        chart = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        GridData chartData = new GridData(SWT.FILL, SWT.FILL, true, true);
        chartData.widthHint = 260;
        chart.setLayoutData(chartData);
        chart.addListener(SWT.Paint, this::paint);
        table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.widthHint = 420;
        table.setLayoutData(tableData);
        for (String title : new String[] { "Round", "Samples", "Clicks", "Total", "% by hand", "mIoU", "Estimate" }) {
            TableColumn column = new TableColumn(table, SWT.RIGHT);
            column.setText(title);
            column.setWidth(title.equals("Estimate") ? 130 : 62);
        }
        refresh = new UiRefresh(table, this::refresh);
        workspace.addListener(listener);
        refresh();
    }

    private void refresh() {
        List<RoundReport> rounds = workspace.rounds();
        table.setItemCount(rounds.size());
        for (int i = 0; i < rounds.size(); i++) {
            RoundReport r = rounds.get(i);
            TableItem item = table.getItem(i);
            item.setText(new String[] { Integer.toString(r.round()), Integer.toString(r.samples().size()),
                    Long.toString(r.roundClicks()), Long.toString(r.totalClicks()), percent(r.clickShareOfFrameByFrame()),
                    number(r.miou()), estimate(r) });
        }
        chart.redraw();
    }

    /** The estimate with its 90% interval once audits back it, e.g. "0.912 (0.884–0.931)". */
    private static String estimate(RoundReport r) {
        QualityEstimate estimate = r.estimate();
        if (estimate == null || estimate.auditedSamples() == 0) {
            return number(r.estimatedQuality());
        }
        return String.format(Locale.ROOT, "%.3f (%.3f\u2013%.3f)", estimate.miou(), estimate.lower(), estimate.upper());
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f", 100 * share);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = chart.getClientArea();
        gc.setBackground(chart.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        gc.setForeground(chart.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        int left = 36;
        int bottom = area.height - 20;
        int top = 8;
        int right = area.width - 10;
        gc.drawLine(left, top, left, bottom);
        gc.drawLine(left, bottom, right, bottom);
        List<RoundReport> rounds = workspace.rounds();
        boolean measured = rounds.stream().anyMatch(r -> !Double.isNaN(r.miou()));
        gc.drawText(measured ? "mIoU" : "est.", 2, top, true);
        gc.drawText("1.0", 8, top + 12, true);
        gc.drawText("clicks", right - 36, bottom + 3, true);
        if (rounds.isEmpty()) {
            gc.drawText("No round finished yet", left + 10, top + 30, true);
            return;
        }
        long maxClicks = Math.max(1, rounds.get(rounds.size() - 1).totalClicks());
        gc.drawText(Long.toString(maxClicks), right - 60, bottom + 3, true);
        gc.setForeground(chart.getDisplay().getSystemColor(SWT.COLOR_BLUE));
        gc.setBackground(chart.getDisplay().getSystemColor(SWT.COLOR_BLUE));
        gc.setLineWidth(2);
        Point previous = null;
        for (RoundReport r : rounds) {
            double quality = measured ? r.miou() : r.estimatedQuality();
            if (Double.isNaN(quality)) {
                continue;
            }
            Point p = new Point(left + (int) Math.round((right - left) * r.totalClicks() / (double) maxClicks),
                    bottom - (int) Math.round((bottom - top) * quality));
            if (previous != null) {
                gc.drawLine(previous.x, previous.y, p.x, p.y);
            }
            gc.fillOval(p.x - 3, p.y - 3, 7, 7);
            previous = p;
        }
    }

    @PreDestroy
    public void dispose() {
        workspace.removeListener(listener);
    }
}
