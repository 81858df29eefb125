package org.frameloop.editor.parts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.frameloop.editor.session.JobProgress;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The Progress view: one row per running job (the annotation loop, an export, opening a project) with
 * its task, a progress bar (indeterminate while the job has not said how much work it has) and a Cancel
 * button. A thin view over {@link JobProgress}.
 */
public class ProgressPart {

    /** The widget data key under which a row's Cancel button holds its job (for tests and accessibility). */
    public static final String JOB_KEY = "org.frameloop.editor.progress.job";

    private JobProgress progress;
    private ScrolledComposite scroll;
    private Composite list;
    private Label empty;
    private UiRefresh refresh;
    private final Map<Job, RowWidgets> rows = new LinkedHashMap<>();
    private final Runnable listener = () -> refresh.request();

    private record RowWidgets(Composite row, Label name, Label task, ProgressBar determinate, ProgressBar indeterminate,
            Button cancel) {
    }

    @PostConstruct
    public void createControls(Composite parent, JobProgress progress) {
        this.progress = progress;
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        list = new Composite(scroll, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.verticalSpacing = 8;
        list.setLayout(layout);
        scroll.setContent(list);
        empty = new Label(list, SWT.WRAP);
        empty.setText("No operations to display at this time.");
        empty.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        refresh = new UiRefresh(list, this::refresh);
        progress.addListener(listener);
        refresh();
    }

    private void refresh() {
        List<JobProgress.Row> current = progress.rows();
        rows.keySet().removeIf(job -> {
            boolean gone = current.stream().noneMatch(r -> r.job() == job);
            if (gone) {
                rows.get(job).row().dispose();
            }
            return gone;
        });
        for (JobProgress.Row row : current) {
            RowWidgets widgets = rows.computeIfAbsent(row.job(), this::createRow);
            update(widgets, row);
        }
        empty.setVisible(current.isEmpty());
        ((GridData) empty.getLayoutData()).exclude = !current.isEmpty();
        list.layout(true, true);
        scroll.setMinSize(list.computeSize(scroll.getClientArea().width, SWT.DEFAULT));
    }

    private RowWidgets createRow(Job job) {
        Composite row = new Composite(list, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        row.setLayout(layout);
        Label name = new Label(row, SWT.NONE);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        ProgressBar determinate = new ProgressBar(row, SWT.HORIZONTAL | SWT.SMOOTH);
        determinate.setMaximum(1000);
        determinate.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        ProgressBar indeterminate = new ProgressBar(row, SWT.HORIZONTAL | SWT.INDETERMINATE);
        indeterminate.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button cancel = new Button(row, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setToolTipText("Stop " + job.getName());
        cancel.setData(JOB_KEY, job);
        cancel.addListener(SWT.Selection, e -> progress.cancel(job));
        // one of the two bars is excluded from the layout, so the button sits beside the other
        cancel.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        Label task = new Label(row, SWT.NONE);
        task.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return new RowWidgets(row, name, task, determinate, indeterminate, cancel);
    }

    private static void update(RowWidgets widgets, JobProgress.Row row) {
        widgets.name().setText(row.name() + (row.cancelling() ? " (cancelling)" : row.running() ? "" : " (waiting)"));
        widgets.task().setText(row.task());
        boolean known = !Double.isNaN(row.fraction());
        show(widgets.determinate(), known);
        show(widgets.indeterminate(), !known);
        if (known) {
            widgets.determinate().setSelection((int) Math.round(row.fraction() * 1000));
        }
        widgets.cancel().setEnabled(!row.cancelling());
    }

    private static void show(ProgressBar bar, boolean visible) {
        bar.setVisible(visible);
        ((GridData) bar.getLayoutData()).exclude = !visible;
    }

    @PreDestroy
    public void dispose() {
        progress.removeListener(listener);
    }
}
