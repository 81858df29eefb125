package org.frameloop.editor.dialogs;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.editor.session.AnnotationWorkspace;
import org.frameloop.editor.session.EditorPreferences;

/** Window > Preferences: samples per round, granularity, rounds and overlay opacity. */
public final class FrameloopPreferencePage extends PreferencePage {

    private final AnnotationWorkspace workspace;
    private final PluginRegistry registry;
    private Spinner samples;
    private Combo granularity;
    private Spinner rounds;
    private Spinner opacity;

    private FrameloopPreferencePage(AnnotationWorkspace workspace, PluginRegistry registry) {
        super("Frameloop");
        this.workspace = workspace;
        this.registry = registry;
        noDefaultAndApplyButton();
    }

    /** Opens the preference dialog with this page. */
    public static void open(Shell shell, AnnotationWorkspace workspace, PluginRegistry registry) {
        PreferenceManager manager = new PreferenceManager();
        manager.addToRoot(new PreferenceNode("frameloop", new FrameloopPreferencePage(workspace, registry)));
        new PreferenceDialog(shell, manager).open();
    }

    @Override
    protected Control createContents(Composite parent) {
        EditorPreferences preferences = workspace.preferences();
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        samples = spinner(body, "Samples per round (budget):", preferences.samplesPerRound(), 1, 10_000);
        new Label(body, SWT.NONE).setText("Granularity of new projects:");
        granularity = new Combo(body, SWT.READ_ONLY);
        registry.contributions(ExtensionPoint.GRANULARITIES).forEach(c -> granularity.add(c.id()));
        granularity.select(Math.max(0, granularity.indexOf(preferences.granularity())));
        rounds = spinner(body, "Most rounds per loop run:", preferences.maxRounds(), 1, 1000);
        opacity = spinner(body, "Overlay opacity (%):", preferences.overlayOpacityPercent(), 0, 100);
        new Label(body, SWT.WRAP).setText("The model's parameters (fine-tuning steps, temporal weight λ) start\n"
                + "at its declared defaults and are set per project in New Project.");
        return body;
    }

    private static Spinner spinner(Composite body, String label, int value, int min, int max) {
        new Label(body, SWT.NONE).setText(label);
        Spinner spinner = new Spinner(body, SWT.BORDER);
        spinner.setValues(value, min, max, 0, 1, 10);
        return spinner;
    }

    @Override
    public boolean performOk() {
        workspace.preferences().store(samples.getSelection(), granularity.getText(), opacity.getSelection(),
                rounds.getSelection());
        workspace.setView(opacity.getSelection(), workspace.showHuman(), workspace.showAuto());
        return true;
    }
}
