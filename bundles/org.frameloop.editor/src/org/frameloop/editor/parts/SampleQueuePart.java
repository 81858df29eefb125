package org.frameloop.editor.parts;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.editor.handlers.RoundCompletion;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.SampleQueue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The round's samples in the selector's order with their status and cost; Previous / Next (Shift+Tab /
 * Tab), Finish round (Ctrl+Enter), and the loop's progress with Start and Cancel.
 */
public class SampleQueuePart {

    private AnnotationWorkspace workspace;
    private Label heading;
    private Table table;
    private Button start;
    private Button finish;
    private Button cancel;
    private ProgressBar bar;
    private Label status;
    private UiRefresh refresh;
    private final AnnotationWorkspace.Listener listener = (change, frame) -> {
        if (change != AnnotationWorkspace.Change.LABELS && change != AnnotationWorkspace.Change.UNCERTAINTY
                && change != AnnotationWorkspace.Change.POINTER) {
            refresh.request();
        }
    };

    @PostConstruct
    public void createControls(Composite parent, AnnotationWorkspace workspace) {
        this.workspace = workspace;
        parent.setLayout(new GridLayout(3, true));
        heading = new Label(parent, SWT.WRAP);
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        table = new Table(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        for (String title : new String[] { "#", "Frame", "Region", "Status", "Clicks", "Seconds" }) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(title);
            column.setWidth(title.equals("Region") ? 120 : 55);
        }
        table.addListener(SWT.Selection, e -> {
            int index = table.getSelectionIndex();
            if (index >= 0 && index < workspace.queue().size() && index != workspace.queue().currentIndex()) {
                workspace.queue().select(index);
            }
        });
        Button previous = button(parent, "< Previous", "Previous sample (Shift+Tab)", workspace::previousSample);
        previous.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button next = button(parent, "Next >", "Finish this sample and go to the next (Tab)", workspace::nextSample);
        next.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        finish = button(parent, "Finish round", "Hand the samples to the model: fine-tune and predict (Ctrl+Enter)",
                () -> RoundCompletion.finish(parent.getShell(), workspace));
        finish.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar = new ProgressBar(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setMaximum(1000);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        start = button(parent, "Start loop", "Predict every frame and choose the first samples", () -> workspace.startLoop());
        start.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        cancel = button(parent, "Cancel", "Stop the loop; your labels are kept", workspace::cancelLoop);
        cancel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        refresh = new UiRefresh(table, this::refresh);
        workspace.addListener(listener);
        refresh();
    }

    private static Button button(Composite parent, String text, String tip, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setToolTipText(tip);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private void refresh() {
        SampleQueue queue = workspace.queue();
        List<SampleQueue.Entry> entries = queue.entries();
        int current = queue.currentIndex();
        table.setItemCount(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            SampleQueue.Entry entry = entries.get(i);
            TableItem item = table.getItem(i);
            Sample sample = entry.sample();
            // an extra sample handed over stays done even when it is the last one left in view
            String state = entry.extra() && entry.done() ? "done" : i == current ? "current" : entry.done() ? "done" : "open";
            item.setText(new String[] { Integer.toString(i + 1), Integer.toString(sample.frameIndex() + 1),
                    describe(sample.region()), entry.weakFrame() ? "weak frame, " + state
                            : entry.extra() ? "extra, " + state : state,
                    Integer.toString(entry.clicks()), String.format(Locale.ROOT, "%.0f", entry.seconds()) });
        }
        if (current >= 0) {
            table.setSelection(current);
        } else {
            table.deselectAll();
        }
        boolean open = workspace.hasProject();
        boolean running = workspace.loopRunning();
        boolean awaiting = queue.awaitingAnnotation();
        heading.setText(!open ? "No project open."
                : awaiting ? "Round " + queue.round() + ": " + entries.size() + " samples to label"
                        : queue.offering() ? "The model is learning from round " + queue.round()
                                + " (see below). Meanwhile, " + offered(entries)
                                + " (Tab hands one over; optional)."
                                : running ? "The model is working..." : "Start the loop to get samples to label.");
        finish.setEnabled(awaiting);
        start.setEnabled(open && !running);
        cancel.setEnabled(running);
        bar.setSelection((int) Math.round(workspace.progress().roundFraction() * 1000));
        status.setText(workspace.progress().text());
        heading.getParent().layout();
    }

    /** "label the 3 extra samples it ranks next, or correct the 3 weakest frames ...": what is offered meanwhile. */
    private static String offered(List<SampleQueue.Entry> entries) {
        long weak = entries.stream().filter(SampleQueue.Entry::weakFrame).count();
        long extra = entries.size() - weak;
        String samples = extra == 0 ? "" : "label the " + extra + " extra sample" + (extra == 1 ? "" : "s") + " it ranks next";
        String frames = weak == 0 ? "" : "correct the " + weak + " weakest frame" + (weak == 1 ? "" : "s")
                + " of the last estimate";
        return samples.isEmpty() ? frames : frames.isEmpty() ? samples : samples + ", or " + frames;
    }

    static String describe(Region region) {
        if (region instanceof Region.Rectangle r) {
            return r.width() + "x" + r.height() + " at " + r.x() + "," + r.y();
        }
        if (region instanceof Region.WholeFrame) {
            return "whole frame";
        }
        return region.area() + " px superpixel";
    }

    @PreDestroy
    public void dispose() {
        workspace.removeListener(listener);
    }
}
