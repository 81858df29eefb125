package org.frameloop.editor.handlers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MBindingTable;
import org.eclipse.e4.ui.model.application.commands.MKeyBinding;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.ParseException;
import org.eclipse.swt.widgets.Shell;
import org.frameloop.editor.dialogs.ShortcutsDialog;

import jakarta.inject.Named;

/**
 * Help > Keyboard Shortcuts (F1): every key binding of the application model, so the list can never
 * disagree with the keys that work. Each binding is named after the menu item that runs the same command
 * with the same parameters, else after its command.
 */
public class ShortcutsHandler {

    @Execute
    public void execute(MApplication application, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        new ShortcutsDialog(shell, shortcuts(application)).open();
    }

    /** Rows of {key, action, where}, in the order the model declares them. */
    public static List<String[]> shortcuts(MApplication application) {
        Map<String, String> menuLabels = new HashMap<>();
        for (MWindow window : application.getChildren()) {
            if (window.getMainMenu() != null) {
                collectLabels(window.getMainMenu(), menuLabels);
            }
        }
        List<String[]> rows = new ArrayList<>();
        for (MBindingTable table : application.getBindingTables()) {
            String where = table.getBindingContext() == null ? "" : table.getBindingContext().getName();
            for (MKeyBinding binding : table.getBindings()) {
                if (binding.getCommand() == null) {
                    continue;
                }
                String key = key(binding.getKeySequence(), binding.getParameters());
                String action = menuLabels.getOrDefault(key(binding.getCommand().getElementId(), binding.getParameters()),
                        describe(binding.getCommand().getCommandName(), binding.getParameters()));
                rows.add(new String[] { format(binding.getKeySequence()), action, where });
            }
        }
        return rows;
    }

    private static void collectLabels(MElementContainer<? extends MUIElement> menu, Map<String, String> labels) {
        for (MUIElement child : menu.getChildren()) {
            if (child instanceof MHandledMenuItem item && item.getCommand() != null && item.getLabel() != null) {
                labels.putIfAbsent(key(item.getCommand().getElementId(), item.getParameters()),
                        item.getLabel().replace("&", "").replace("...", ""));
            } else if (child instanceof MElementContainer<?> container) {
                @SuppressWarnings("unchecked")
                MElementContainer<? extends MUIElement> inner = (MElementContainer<? extends MUIElement>) container;
                collectLabels(inner, labels);
            }
        }
    }

    private static String key(String commandId, List<MParameter> parameters) {
        return commandId + parameters.stream().map(p -> p.getName() + "=" + p.getValue()).sorted()
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String describe(String commandName, List<MParameter> parameters) {
        return parameters.isEmpty() ? commandName
                : commandName + ": " + parameters.stream().map(MParameter::getValue).collect(Collectors.joining(", "));
    }

    /** "M1+CR" as the platform writes it ("Ctrl+Enter" here). */
    private static String format(String keySequence) {
        try {
            return KeySequence.getInstance(keySequence).format();
        } catch (ParseException e) {
            return keySequence;
        }
    }
}
