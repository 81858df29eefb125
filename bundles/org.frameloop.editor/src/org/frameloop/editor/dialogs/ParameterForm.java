package org.frameloop.editor.dialogs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.frameloop.core.registry.ParameterSpec;
import org.frameloop.core.registry.ParameterType;

/**
 * Fields generated from a contribution's declared parameters (the registry's {@link ParameterSpec}s):
 * a combo for choices, a check box for booleans, a text field otherwise, with the description as tooltip.
 */
final class ParameterForm {

    private final Composite body;
    private final Map<ParameterSpec, Control> fields = new LinkedHashMap<>();
    private final Runnable onChange;

    ParameterForm(Composite parent, Runnable onChange) {
        this.onChange = onChange;
        body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        body.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
    }

    /** The composite holding the fields (its layout data is a GridData). */
    Control control() {
        return body;
    }

    /** Shows the fields of {@code specs}, prefilled from {@code initial} or the declared defaults. */
    void show(List<ParameterSpec> specs, Map<String, String> initial) {
        for (Control child : body.getChildren()) {
            child.dispose();
        }
        fields.clear();
        for (ParameterSpec spec : specs) {
            Label label = new Label(body, SWT.NONE);
            label.setText("    " + spec.name() + ":");
            label.setToolTipText(spec.description());
            String value = initial.getOrDefault(spec.name(), spec.defaultValue());
            Control field;
            if (spec.type() == ParameterType.CHOICE) {
                Combo combo = new Combo(body, SWT.READ_ONLY);
                spec.choices().forEach(combo::add);
                combo.select(Math.max(0, spec.choices().indexOf(value)));
                combo.addListener(SWT.Selection, e -> onChange.run());
                field = combo;
            } else if (spec.type() == ParameterType.BOOLEAN) {
                Button check = new Button(body, SWT.CHECK);
                check.setSelection(Boolean.parseBoolean(value));
                check.addListener(SWT.Selection, e -> onChange.run());
                field = check;
            } else {
                Text text = new Text(body, SWT.BORDER);
                text.setText(value);
                text.addListener(SWT.Modify, e -> onChange.run());
                field = text;
            }
            field.setToolTipText(spec.description());
            field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            fields.put(spec, field);
        }
        body.getParent().layout(true, true);
    }

    /** The values as text by parameter name. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((spec, field) -> values.put(spec.name(), field instanceof Combo combo ? combo.getText()
                : field instanceof Button check ? Boolean.toString(check.getSelection()) : ((Text) field).getText()));
        return values;
    }

    /** The first invalid value's message, or null when all parse. */
    String problem() {
        for (Map.Entry<ParameterSpec, Control> entry : fields.entrySet()) {
            try {
                entry.getKey().parse(values().get(entry.getKey().name()));
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }
}
