package org.frameloop.editor.parts;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.AnnotationWorkspace.Change;
import org.frameloop.editor.session.Tool;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * The video editor: tool bar (tools, brush size, overlay opacity, layers, frame lock), the frame with its
 * overlay, and the frame slider. Shortcuts come from the e4 key bindings of the "video editor" context.
 */
public class VideoEditorPart {

    /** The part's id in the application model. */
    public static final String ID = "org.frameloop.editor.part.videoEditor";

    private AnnotationWorkspace workspace;
    private VideoCanvas canvas;
    private ToolBar tools;
    private Spinner brushSize;
    private Scale opacity;
    private Button showHuman;
    private Button showAuto;
    private Button unlock;
    private Scale frameSlider;
    private Label frameLabel;
    private UiRefresh imageRefresh;
    private UiRefresh controlsRefresh;
    private UiRefresh sampleFollow;
    private final AnnotationWorkspace.Listener listener = this::changed;

    @PostConstruct
    public void createControls(Composite parent, AnnotationWorkspace workspace) {
        this.workspace = workspace;
        parent.setLayout(new GridLayout(1, false));
        createToolRow(parent);
        canvas = new VideoCanvas(parent, workspace);
        canvas.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite navigation = new Composite(parent, SWT.NONE);
        navigation.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        navigation.setLayout(new GridLayout(2, false));
        frameSlider = new Scale(navigation, SWT.HORIZONTAL);
        frameSlider.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        frameSlider.addListener(SWT.Selection, e -> workspace.showFrame(frameSlider.getSelection()));
        frameLabel = new Label(navigation, SWT.NONE);
        frameLabel.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

        imageRefresh = new UiRefresh(canvas.control(), canvas::refreshImage);
        controlsRefresh = new UiRefresh(canvas.control(), this::refreshControls);
        sampleFollow = new UiRefresh(canvas.control(), canvas::followSample);
        workspace.addListener(listener);
        canvas.refreshImage();
        refreshControls();
    }

    private void createToolRow(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        org.eclipse.swt.layout.RowLayout rowLayout = new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL);
        rowLayout.center = true;
        rowLayout.wrap = true;
        row.setLayout(rowLayout);
        tools = new ToolBar(row, SWT.FLAT | SWT.RIGHT);
        String[] keys = { "P", "B", "E", "S", "F", "H" };
        for (Tool tool : Tool.values()) {
            ToolItem item = new ToolItem(tools, SWT.RADIO);
            item.setText(tool.label());
            item.setToolTipText(tool.label() + " (" + keys[tool.ordinal()] + "): " + tool.hint());
            item.setData(tool);
            item.addListener(SWT.Selection, e -> {
                if (item.getSelection()) {
                    workspace.selectTool(tool);
                }
            });
        }
        new Label(row, SWT.NONE).setText("Brush px");
        brushSize = new Spinner(row, SWT.BORDER);
        brushSize.setValues(workspace.brushSizePx(), 1, 200, 0, 1, 8);
        brushSize.addListener(SWT.Selection, e -> workspace.setBrushSizePx(brushSize.getSelection()));
        new Label(row, SWT.NONE).setText("Opacity");
        opacity = new Scale(row, SWT.HORIZONTAL);
        opacity.setMinimum(0);
        opacity.setMaximum(100);
        opacity.setLayoutData(new org.eclipse.swt.layout.RowData(120, SWT.DEFAULT));
        opacity.addListener(SWT.Selection, e -> applyView());
        showHuman = new Button(row, SWT.CHECK);
        showHuman.setText("Human");
        showHuman.setToolTipText("Show the labels people gave");
        showHuman.addListener(SWT.Selection, e -> applyView());
        showAuto = new Button(row, SWT.CHECK);
        showAuto.setText("Model");
        showAuto.setToolTipText("Show the model's labels");
        showAuto.addListener(SWT.Selection, e -> applyView());
        unlock = new Button(row, SWT.CHECK);
        unlock.setText("Unlock frame");
        unlock.setToolTipText("Allow edits outside the current sample (L)");
        unlock.addListener(SWT.Selection, e -> workspace.setUnlocked(unlock.getSelection()));
    }

    private void applyView() {
        workspace.setView(opacity.getSelection(), showHuman.getSelection(), showAuto.getSelection());
    }

    private void changed(Change change, int frameIndex) {
        switch (change) {
            case LABELS -> {
                if (frameIndex == workspace.frame()) {
                    imageRefresh.request();
                }
            }
            case PROJECT, FRAME, VIEW, QUEUE -> {
                imageRefresh.request();
                controlsRefresh.request();
                if (change != Change.VIEW) {
                    sampleFollow.request(); // Tab or a new round: the next sample is zoomed to
                }
            }
            case TOOL -> {
                controlsRefresh.request();
                imageRefresh.request();
            }
            default -> {
                // rounds, progress and uncertainty are other views' business
            }
        }
    }

    private void refreshControls() {
        for (ToolItem item : tools.getItems()) {
            item.setSelection(item.getData() == workspace.tool());
        }
        brushSize.setSelection(workspace.brushSizePx());
        opacity.setSelection(workspace.opacityPercent());
        showHuman.setSelection(workspace.showHuman());
        showAuto.setSelection(workspace.showAuto());
        unlock.setSelection(workspace.unlocked());
        int frames = workspace.frameCount();
        frameSlider.setEnabled(frames > 1);
        frameSlider.setIncrement(1);
        frameSlider.setPageIncrement(Math.max(1, frames / 10));
        frameSlider.setMaximum(Math.max(1, frames - 1));
        frameSlider.setSelection(workspace.frame());
        frameLabel.setText(frames == 0 ? "no video" : String.format("Frame %d / %d", workspace.frame() + 1, frames));
        frameLabel.getParent().layout();
    }

    /** The whole frame in view (Ctrl+0). */
    public void fitToWindow() {
        canvas.fit();
    }

    /** The current sample fills the view (Z). */
    public void zoomToSample() {
        canvas.zoomToSample();
    }

    /** The canvas's zoom (screen pixels per image pixel), for tests. */
    public double zoom() {
        return canvas.zoom();
    }

    @Focus
    public void focus() {
        canvas.control().setFocus();
    }

    @PreDestroy
    public void dispose() {
        workspace.removeListener(listener);
    }

    /** The canvas, for tests that post mouse events at image positions. */
    public VideoCanvasAccess canvasAccess() {
        return new VideoCanvasAccess(canvas);
    }
}
