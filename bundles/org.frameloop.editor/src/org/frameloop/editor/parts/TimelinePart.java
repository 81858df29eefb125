package org.frameloop.editor.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.frameloop.core.label.LabelStore;
import org.frameloop.editor.session.AnnotationProject;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.SampleQueue;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * One cell per frame: its background shows the estimated quality of the frame's labels after the latest
 * round (white = right, red = {@value #FULL_RED_ERROR} or more of its pixels estimated wrong), or before
 * the first estimate the model's uncertainty (grey = not predicted yet); a green bar from the bottom the
 * share of human pixels, a yellow tick the frames with samples this round; the frame in view is framed. A
 * click jumps to that frame.
 */
public class TimelinePart {

    /** Estimated share of wrong pixels drawn fully red: weak frames stand out long before they are hopeless. */
    public static final double FULL_RED_ERROR = 0.5;

    private AnnotationWorkspace workspace;
    private Canvas canvas;
    private UiRefresh refresh;
    private final AnnotationWorkspace.Listener listener = (change, frame) -> {
        if (change != AnnotationWorkspace.Change.POINTER) {
            refresh.request();
        }
    };

    @PostConstruct
    public void createControls(Composite parent, AnnotationWorkspace workspace) {
        this.workspace = workspace;
        parent.setLayout(new FillLayout());
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.setToolTipText("Frames: red = labels estimated wrong (model unsure before the first round), "
                + "green bar = share labelled by hand; click to jump");
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.MouseDown, e -> jump(e.x));
        canvas.addListener(SWT.MouseMove, e -> {
            if ((e.stateMask & SWT.BUTTON1) != 0) {
                jump(e.x);
            }
        });
        refresh = new UiRefresh(canvas, canvas::redraw);
        workspace.addListener(listener);
    }

    private double cellWidth(int frames) {
        return canvas.getClientArea().width / (double) Math.max(1, frames);
    }

    private void jump(int x) {
        int frames = workspace.frameCount();
        if (frames > 0) {
            workspace.showFrame((int) (x / cellWidth(frames)));
        }
    }

    /** The colour of frame {@code frameIndex}'s cell background, for tests and the legend. */
    public static RGB uncertaintyColour(float uncertainty) {
        if (Float.isNaN(uncertainty)) {
            return new RGB(200, 200, 200);
        }
        int fade = (int) Math.round(255 * (1 - Math.max(0, Math.min(1, uncertainty))));
        return new RGB(255, fade, fade);
    }

    /** The colour of a frame whose labels are estimated right on {@code accuracy} of their pixels. */
    public static RGB estimateColour(double accuracy) {
        if (Double.isNaN(accuracy)) {
            return new RGB(200, 200, 200);
        }
        return uncertaintyColour((float) Math.min(1, (1 - accuracy) / FULL_RED_ERROR));
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_BACKGROUND));
        gc.fillRectangle(area);
        AnnotationProject project = workspace.project();
        if (project == null) {
            return;
        }
        LabelStore labels = project.session().labels();
        int frames = project.session().frameCount();
        double cell = cellWidth(frames);
        boolean[] sampled = new boolean[frames];
        for (SampleQueue.Entry entry : workspace.queue().entries()) {
            sampled[entry.sample().frameIndex()] = true;
        }
        Color human = new Color(new RGB(40, 160, 60));
        boolean estimated = workspace.latestEstimate() != null;
        for (int f = 0; f < frames; f++) {
            int x = (int) Math.round(f * cell);
            int width = Math.max(1, (int) Math.round((f + 1) * cell) - x - (cell > 4 ? 1 : 0));
            gc.setBackground(new Color(estimated ? estimateColour(workspace.estimatedAccuracy(f))
                    : uncertaintyColour(workspace.uncertainty(f))));
            gc.fillRectangle(x, area.y, width, area.height);
            int bar = (int) Math.round(labels.humanShare(f) * (area.height - 6));
            gc.setBackground(human);
            gc.fillRectangle(x, area.height - bar, width, bar);
            if (sampled[f]) {
                gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW));
                gc.fillRectangle(x, 0, width, 5);
            }
        }
        int current = workspace.frame();
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLUE));
        gc.setLineWidth(2);
        gc.drawRectangle((int) Math.round(current * cell), 1, Math.max(2, (int) Math.round(cell)), area.height - 2);
    }

    @PreDestroy
    public void dispose() {
        workspace.removeListener(listener);
    }
}
