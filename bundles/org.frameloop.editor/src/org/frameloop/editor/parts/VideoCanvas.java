package org.frameloop.editor.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.editor.render.OverlayRenderer;
import org.frameloop.editor.render.Rasterizer;
import org.frameloop.editor.session.AnnotationProject;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.LabelEdit;
import org.frameloop.editor.session.SampleQueue;
import org.frameloop.editor.session.SuperpixelFill;
import org.frameloop.editor.session.SuperpixelLookup;
import org.frameloop.editor.session.Tool;

/**
 * The frame with its label overlay, zoom (mouse wheel, at the cursor) and pan (right or middle drag, or
 * the pan tool), the current round's samples outlined, and the tools' mouse gestures. The overlay is
 * blended into one image per change ({@link OverlayRenderer}); painting only scales that image.
 */
final class VideoCanvas {

    /** How long a superpixel click may wait on the UI thread before it is applied later instead. */
    private static final long SUPERPIXEL_WAIT_MS = 50;

    private final AnnotationWorkspace workspace;
    private final Canvas canvas;
    private OverlayRenderer renderer;
    private SuperpixelLookup superpixels;
    private SuperpixelFill superpixelFill;
    private AnnotationProject rendered;
    private byte[] buffer;
    private Image image;
    private double zoom = 1;
    private double offsetX;
    private double offsetY;
    private boolean fitted;
    private long lastRenderMicros;

    private final List<double[]> polygon = new ArrayList<>();
    private LabelEdit stroke;
    private double[] strokeLast;
    private int[] panStart;
    private Point mouse = new Point(-1, -1);
    private Sample followed;

    VideoCanvas(Composite parent, AnnotationWorkspace workspace) {
        this.workspace = workspace;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, e -> {
            if (fitted || image == null) {
                fit();
            }
        });
        canvas.addListener(SWT.MouseDown, this::mouseDown);
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        canvas.addListener(SWT.MouseUp, this::mouseUp);
        canvas.addListener(SWT.MouseDoubleClick, this::doubleClick);
        canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
        canvas.addListener(SWT.MouseExit, e -> workspace.pointAt(-1, -1));
        canvas.addListener(SWT.KeyDown, this::keyDown);
        canvas.addListener(SWT.Traverse, e -> {
            // Tab and Shift+Tab are the Next/Previous sample bindings, not focus traversal
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS
                    || e.detail == SWT.TRAVERSE_RETURN || e.detail == SWT.TRAVERSE_ESCAPE) {
                e.doit = false;
            }
        });
        canvas.addListener(SWT.Dispose, e -> {
            if (image != null) {
                image.dispose();
            }
        });
    }

    Canvas control() {
        return canvas;
    }

    /** Microseconds the last overlay blend + image upload took. */
    long lastRenderMicros() {
        return lastRenderMicros;
    }

    /** Rebuilds the overlay image for the frame in view (after any label, frame or view change). */
    void refreshImage() {
        AnnotationProject project = workspace.project();
        if (project == null) {
            if (image != null) {
                image.dispose();
                image = null;
            }
            rendered = null;
            canvas.redraw();
            return;
        }
        long started = System.nanoTime();
        if (rendered != project) {
            rendered = project;
            renderer = new OverlayRenderer(project.session().labelMap());
            superpixels = new SuperpixelLookup(project);
            superpixelFill = new SuperpixelFill(workspace, superpixels::prepare);
            buffer = null;
            fitted = true;
            followed = null;
            polygon.clear();
        }
        VideoSession session = project.session();
        int frame = workspace.frame();
        LabelStore labels = session.labels();
        LabelImage human = workspace.showHuman() && labels.hasHuman(frame) ? labels.human(frame) : null;
        LabelImage auto = workspace.showAuto() ? labels.auto(frame) : null;
        buffer = renderer.render(session.frame(frame), workspace.brightness(), workspace.contrastPercent(), human, auto,
                workspace.opacityPercent(), workspace.currentRegionInView(), buffer);
        ImageData data = new ImageData(session.width(), session.height(), 24, new PaletteData(0xFF0000, 0xFF00, 0xFF), 1,
                buffer);
        Image previous = image;
        image = new Image(canvas.getDisplay(), data);
        if (previous != null) {
            previous.dispose();
        }
        lastRenderMicros = (System.nanoTime() - started) / 1000;
        if (workspace.tool() == Tool.SUPERPIXEL) {
            superpixels.prepare(frame); // in the background, so the first click finds them ready
        }
        if (fitted) {
            fit();
        }
        canvas.redraw();
    }

    /** Scales the frame to fill the view. */
    void fit() {
        AnnotationProject project = workspace.project();
        Rectangle area = canvas.getClientArea();
        if (project == null || area.width <= 0 || area.height <= 0) {
            return;
        }
        int width = project.session().width();
        int height = project.session().height();
        zoom = Math.min(area.width / (double) width, area.height / (double) height);
        offsetX = (area.width - width * zoom) / 2;
        offsetY = (area.height - height * zoom) / 2;
        fitted = true;
        canvas.redraw();
    }

    double zoom() {
        return zoom;
    }

    /** Zooms to the current sample when it is another one than at the last call (Tab, a new round). */
    void followSample() {
        Sample sample = workspace.currentSample();
        if (sample != null && !sample.equals(followed) && sample.frameIndex() == workspace.frame()) {
            followed = sample;
            zoomToSample();
        }
    }

    /**
     * The current sample fills about half the view, centred; a sample of half the frame or more, or none,
     * fits the frame instead.
     */
    void zoomToSample() {
        AnnotationProject project = workspace.project();
        Sample sample = workspace.currentSample();
        Rectangle area = canvas.getClientArea();
        if (project == null || sample == null || area.width <= 0 || area.height <= 0) {
            fit();
            return;
        }
        int width = project.session().width();
        int[] box = boundingBox(sample.region(), width);
        if ((long) box[2] * box[3] * 2 >= (long) width * project.session().height()) {
            fit();
            return;
        }
        fit();
        double fitZoom = zoom;
        zoom = Math.max(fitZoom, Math.min(32, Math.min(area.width / (2.0 * box[2]), area.height / (2.0 * box[3]))));
        offsetX = area.width / 2.0 - (box[0] + box[2] / 2.0) * zoom;
        offsetY = area.height / 2.0 - (box[1] + box[3] / 2.0) * zoom;
        fitted = false;
        canvas.redraw();
    }

    /** {x, y, width, height} of a region's pixels. */
    private static int[] boundingBox(Region region, int frameWidth) {
        if (region instanceof Region.Rectangle r) {
            return new int[] { r.x(), r.y(), r.width(), r.height() };
        }
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int pixel : region.pixelIndices(frameWidth)) {
            int x = pixel % frameWidth;
            int y = pixel / frameWidth;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
        }
        return maxX < 0 ? new int[] { 0, 0, frameWidth, 1 } : new int[] { minX, minY, maxX - minX + 1, maxY - minY + 1 };
    }

    /** Screen position (canvas coordinates) of image point (x, y): for tests that post mouse events. */
    Point toScreen(double x, double y) {
        return new Point((int) Math.round(offsetX + x * zoom), (int) Math.round(offsetY + y * zoom));
    }

    private double imageX(int screenX) {
        return (screenX - offsetX) / zoom;
    }

    private double imageY(int screenY) {
        return (screenY - offsetY) / zoom;
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        gc.fillRectangle(area);
        AnnotationProject project = workspace.project();
        if (image == null || project == null) {
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            gc.drawText("No project open: File > New Project (Ctrl+N) or File > Open Project (Ctrl+O)", 20, 20, true);
            return;
        }
        Rectangle bounds = image.getBounds();
        gc.setInterpolation(zoom >= 2 ? SWT.NONE : SWT.LOW);
        gc.drawImage(image, 0, 0, bounds.width, bounds.height, (int) Math.round(offsetX), (int) Math.round(offsetY),
                (int) Math.round(bounds.width * zoom), (int) Math.round(bounds.height * zoom));
        drawSamples(gc, project);
        drawPolygon(gc, project);
        if (workspace.tool() == Tool.BRUSH || workspace.tool() == Tool.ERASER) {
            int radius = (int) Math.round(workspace.brushSizePx() * zoom / 2);
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
            gc.drawOval(mouse.x - radius, mouse.y - radius, radius * 2, radius * 2);
        }
    }

    private void drawSamples(GC gc, AnnotationProject project) {
        SampleQueue queue = workspace.queue();
        Sample current = queue.currentSample();
        gc.setLineWidth(1);
        for (SampleQueue.Entry entry : queue.entries()) {
            Sample sample = entry.sample();
            if (sample.frameIndex() != workspace.frame()) {
                continue;
            }
            boolean isCurrent = sample.equals(current);
            Color colour = canvas.getDisplay().getSystemColor(isCurrent ? SWT.COLOR_YELLOW
                    : entry.done() ? SWT.COLOR_GREEN : SWT.COLOR_CYAN);
            gc.setForeground(colour);
            gc.setLineWidth(isCurrent ? 3 : 1);
            gc.setLineStyle(isCurrent ? SWT.LINE_SOLID : SWT.LINE_DASH);
            Rectangle box = boundsOf(sample.region(), project);
            if (box != null) {
                Point topLeft = toScreen(box.x, box.y);
                Point bottomRight = toScreen(box.x + box.width, box.y + box.height);
                gc.drawRectangle(topLeft.x, topLeft.y, bottomRight.x - topLeft.x - 1, bottomRight.y - topLeft.y - 1);
            }
        }
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.setLineWidth(1);
    }

    private static Rectangle boundsOf(Region region, AnnotationProject project) {
        if (region instanceof Region.Rectangle r) {
            return new Rectangle(r.x(), r.y(), r.width(), r.height());
        }
        if (region instanceof Region.WholeFrame) {
            return new Rectangle(0, 0, project.session().width(), project.session().height());
        }
        return null; // pixel sets carry their outline in the overlay image
    }

    private void drawPolygon(GC gc, AnnotationProject project) {
        if (polygon.isEmpty()) {
            return;
        }
        int rgb = project.session().labelMap().byId(workspace.classId()).map(c -> c.rgb()).orElse(0xffffff);
        Color colour = new Color(new RGB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
        gc.setForeground(colour);
        gc.setBackground(colour);
        gc.setLineWidth(2);
        Point previous = null;
        for (double[] vertex : polygon) {
            Point p = toScreen(vertex[0], vertex[1]);
            gc.fillRectangle(p.x - 3, p.y - 3, 7, 7);
            if (previous != null) {
                gc.drawLine(previous.x, previous.y, p.x, p.y);
            }
            previous = p;
        }
        gc.drawLine(previous.x, previous.y, mouse.x, mouse.y);
        gc.setLineWidth(1);
    }

    private void mouseDown(Event e) {
        pointerInside(e);
        canvas.setFocus();
        if (workspace.project() == null) {
            return;
        }
        if (e.button == 2 || e.button == 3 || (e.button == 1 && workspace.tool() == Tool.PAN)) {
            panStart = new int[] { e.x, e.y };
            return;
        }
        if (e.button != 1) {
            return;
        }
        double x = imageX(e.x);
        double y = imageY(e.y);
        switch (workspace.tool()) {
            case POLYGON -> {
                // a click in the letterbox puts the vertex on the image's edge, not outside it
                VideoSession session = workspace.project().session();
                polygon.add(new double[] { Math.max(0, Math.min(session.width(), x)),
                        Math.max(0, Math.min(session.height(), y)) });
                canvas.redraw();
            }
            case BRUSH, ERASER -> {
                stroke = workspace.beginEdit(workspace.tool() == Tool.BRUSH ? "brush stroke" : "eraser stroke");
                strokeLast = new double[] { x, y };
                paintStroke(x, y);
            }
            case SUPERPIXEL -> fillSuperpixel((int) Math.floor(x), (int) Math.floor(y));
            case SAMPLE_FILL -> fillSample();
            case PAN -> {
                // handled above
            }
        }
    }

    private void mouseMove(Event e) {
        mouse = new Point(e.x, e.y);
        workspace.pointAt((int) Math.floor(imageX(e.x)), (int) Math.floor(imageY(e.y)));
        if (panStart != null) {
            offsetX += e.x - panStart[0];
            offsetY += e.y - panStart[1];
            panStart = new int[] { e.x, e.y };
            fitted = false;
            canvas.redraw();
            return;
        }
        if (stroke != null) {
            paintStroke(imageX(e.x), imageY(e.y));
            return;
        }
        if (!polygon.isEmpty() || workspace.tool() == Tool.BRUSH || workspace.tool() == Tool.ERASER) {
            canvas.redraw();
        }
    }

    /**
     * A press the canvas receives lies inside it; GTK reports presses synthesised by Display.post (UI
     * tests, automation) at the shell's origin instead, so those take the pointer's position.
     */
    private void pointerInside(Event e) {
        if (!canvas.getClientArea().contains(e.x, e.y)) {
            Point pointer = canvas.toControl(canvas.getDisplay().getCursorLocation());
            e.x = pointer.x;
            e.y = pointer.y;
        }
    }

    private void mouseUp(Event e) {
        if (panStart != null) {
            panStart = null;
            return;
        }
        if (stroke != null) {
            workspace.commit(stroke, 1);
            stroke = null;
        }
    }

    private void doubleClick(Event e) {
        pointerInside(e);
        if (workspace.tool() != Tool.POLYGON || e.button != 1) {
            return;
        }
        // Only a double-click on the last vertex closes: GTK also reports two quick clicks at different
        // places as a double-click, and those are two vertices. Its second press added the vertex again.
        int n = polygon.size();
        if (n >= 2) {
            Point last = toScreen(polygon.get(n - 1)[0], polygon.get(n - 1)[1]);
            Point before = toScreen(polygon.get(n - 2)[0], polygon.get(n - 2)[1]);
            if (Math.abs(last.x - before.x) <= 4 && Math.abs(last.y - before.y) <= 4) {
                polygon.remove(n - 1);
                closePolygon();
            }
        }
    }

    private void keyDown(Event e) {
        if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
            closePolygon();
        } else if (e.keyCode == SWT.ESC) {
            polygon.clear();
            canvas.redraw();
        }
    }

    /** Fills the polygon drawn so far with the current class; one click per vertex. */
    void closePolygon() {
        AnnotationProject project = workspace.project();
        if (project == null || polygon.size() < 3) {
            polygon.clear();
            canvas.redraw();
            return;
        }
        double[] xs = polygon.stream().mapToDouble(v -> v[0]).toArray();
        double[] ys = polygon.stream().mapToDouble(v -> v[1]).toArray();
        int[] pixels = Rasterizer.polygon(xs, ys, project.session().width(), project.session().height());
        LabelEdit edit = workspace.beginEdit("polygon");
        workspace.paint(edit, pixels, workspace.classId());
        workspace.commit(edit, polygon.size());
        polygon.clear();
        canvas.redraw();
    }

    private void paintStroke(double x, double y) {
        AnnotationProject project = workspace.project();
        int[] pixels = Rasterizer.brush(strokeLast[0], strokeLast[1], x, y, workspace.brushSizePx(),
                project.session().width(), project.session().height());
        workspace.paint(stroke, pixels, workspace.tool() == Tool.ERASER ? LabelImage.UNLABELED : workspace.classId());
        strokeLast = new double[] { x, y };
    }

    /**
     * Fills the superpixel under (x, y) with the current class; while the frame's superpixels are still being
     * computed, the status line and the cursor say so and the click is applied when they are ready.
     */
    private void fillSuperpixel(int x, int y) {
        CompletableFuture<Boolean> filled = superpixelFill.click(x, y, SUPERPIXEL_WAIT_MS,
                task -> canvas.getDisplay().asyncExec(() -> {
                    if (!canvas.isDisposed()) {
                        task.run();
                    }
                }));
        if (filled.isDone()) {
            filled.exceptionally(failure -> {
                superpixelFailed(failure);
                return false;
            });
            return;
        }
        workspace.setNotice("Computing superpixels of frame " + (workspace.frame() + 1) + "...");
        canvas.setCursor(canvas.getDisplay().getSystemCursor(SWT.CURSOR_APPSTARTING));
        filled.whenComplete((applied, failure) -> canvas.getDisplay().asyncExec(() -> {
            if (canvas.isDisposed()) {
                return;
            }
            canvas.setCursor(null);
            workspace.setNotice("");
            if (failure != null) {
                superpixelFailed(failure instanceof CompletionException ? failure.getCause() : failure);
            }
        }));
    }

    private void superpixelFailed(Throwable failure) {
        org.eclipse.jface.dialogs.MessageDialog.openError(canvas.getShell(), "Superpixel fill", failure.getMessage());
    }

    private void fillSample() {
        Region region = workspace.currentRegionInView();
        if (region == null) {
            return;
        }
        LabelEdit edit = workspace.beginEdit("sample fill");
        workspace.paint(edit, region.pixelIndices(workspace.project().session().width()), workspace.classId());
        workspace.commit(edit, 1);
    }

    private void wheel(Event e) {
        if (workspace.project() == null) {
            return;
        }
        double factor = e.count > 0 ? 1.25 : 0.8;
        double x = imageX(e.x);
        double y = imageY(e.y);
        zoom = Math.max(0.1, Math.min(32, zoom * factor));
        offsetX = e.x - x * zoom;
        offsetY = e.y - y * zoom;
        fitted = false;
        canvas.redraw();
    }
}
