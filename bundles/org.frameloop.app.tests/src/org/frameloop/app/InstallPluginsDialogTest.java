package org.frameloop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.frameloop.editor.dialogs.InstallPluginsDialog;
import org.frameloop.install.Installation;
import org.frameloop.install.PluginState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Help > Install Plugins…, driven by mouse events posted to the display (as a person's clicks arrive), on an
 * installation laid out by the test: a plugin with a missing requirement is refused naming it, a plugin is
 * installed and listed with what it contributes, then selected and removed, and the installation is as before.
 */
class InstallPluginsDialogTest {

    private static final long TIMEOUT_MS = 20_000;

    @TempDir
    Path temp;

    private Display display;

    @Test
    void aPluginIsInstalledListedAndRemovedThroughTheDialogAndOneWithAMissingRequirementIsRefusedNamingIt()
            throws Exception {
        Installation installation = installation(temp.resolve("product"));
        Path plugin = selectorPlugin(temp.resolve("jars"), "org.example.tiny", null, "tiny-selector");
        Path needy = selectorPlugin(temp.resolve("jars"), "org.example.needy", "org.example.missing.lib", "needy-selector");
        BundleContext context = FrameworkUtil.getBundle(InstallPluginsDialogTest.class).getBundleContext();

        display = Display.getDefault();
        Shell parent = new Shell(display);
        InstallPluginsDialog dialog = new InstallPluginsDialog(parent, installation, context);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Shell shell = dialog.getShell();
            shell.forceActive();
            pumpUntil(shell::isVisible, TIMEOUT_MS);
            assertEquals(InstallPluginsDialog.TITLE, shell.getText());
            Table table = all(shell, Table.class).get(0);
            Text source = all(shell, Text.class).get(0);
            Button install = button(shell, InstallPluginsDialog.INSTALL);
            Button remove = button(shell, InstallPluginsDialog.REMOVE);
            assertEquals(0, table.getItemCount(), "nothing installed yet");

            // the path goes into the field as a paste would: GTK's native file chooser cannot be driven by posted events
            source.setText(needy.toString());
            click(install, () -> messages(shell).contains("Not installed"));
            assertTrue(messages(shell).contains("org.example.needy 1.0.0 cannot be installed: it requires bundle "
                    + "org.example.missing.lib"), messages(shell));
            assertEquals(0, table.getItemCount());
            assertFalse(Files.exists(installation.folder()), "nothing was copied");

            source.setText(plugin.toString());
            click(install, () -> table.getItemCount() == 1);
            assertEquals(1, table.getItemCount(), messages(shell));
            assertEquals("org.example.tiny", table.getItem(0).getText(0));
            assertEquals("1.0.0", table.getItem(0).getText(1));
            assertEquals(PluginState.NEXT_START.description(), table.getItem(0).getText(2));
            assertEquals("selector 'tiny-selector' (Tiny selector)", table.getItem(0).getText(3), messages(shell));
            assertTrue(messages(shell).contains("Installed org.example.tiny 1.0.0"), messages(shell));
            assertTrue(Files.isRegularFile(installation.folder().resolve("bundles.info")), "the drop-in list");
            assertFalse(remove.getEnabled(), "nothing selected, nothing to remove");

            Rectangle row = table.getItem(0).getBounds(0);
            click(table, table.toDisplay(row.x + row.width / 2, row.y + row.height / 2), remove::getEnabled);
            assertTrue(remove.getEnabled(), "a selected plugin can be removed");
            click(remove, () -> table.getItemCount() == 0);
            assertEquals(0, table.getItemCount(), messages(shell));
            assertTrue(messages(shell).contains("Removed org.example.tiny 1.0.0"), messages(shell));
            assertFalse(Files.exists(installation.folder()), "the installation is as it was");

            click(button(shell, IDialogConstants.CLOSE_LABEL), shell::isDisposed);
            assertTrue(shell.isDisposed(), "Close closes the dialog");
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
            parent.dispose();
        }
    }

    private void click(Control control, BooleanSupplier until) {
        Rectangle bounds = control.getBounds();
        click(control, control.getParent().toDisplay(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2), until);
    }

    /** Moves the pointer to {@code at}, presses and releases the left button, and dispatches until {@code until}. */
    private void click(Control control, Point at, BooleanSupplier until) {
        post(SWT.MouseMove, at);
        pumpUntil(() -> display.getCursorLocation().equals(at), 2_000);
        post(SWT.MouseDown, at);
        post(SWT.MouseUp, at);
        assertTrue(pumpUntil(until, TIMEOUT_MS), "after clicking " + control);
    }

    private void post(int type, Point at) {
        Event event = new Event();
        event.type = type;
        event.button = type == SWT.MouseMove ? 0 : 1;
        event.x = at.x;
        event.y = at.y;
        display.post(event);
    }

    /** Dispatches events until {@code condition} holds or {@code timeoutMs} passed (a bounded wait). */
    private boolean pumpUntil(BooleanSupplier condition, long timeoutMs) {
        return new PostedEvents(display).pumpUntil(condition, timeoutMs);
    }

    private static String messages(Shell shell) {
        return String.join("\n", all(shell, Label.class).stream().map(Label::getText).toList());
    }

    private static Button button(Shell shell, String text) {
        return all(shell, Button.class).stream().filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no button '" + text + "'"));
    }

    private static <T extends Control> List<T> all(Control control, Class<T> type) {
        List<T> found = new ArrayList<>();
        if (type.isInstance(control)) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                found.addAll(all(child, type));
            }
        }
        return found;
    }

    /** An installation as the product build lays it out, whose own bundle is org.frameloop.core. */
    private static Installation installation(Path home) throws IOException {
        Path info = home.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
        Files.createDirectories(info.getParent());
        Files.writeString(info, "#version=1\norg.frameloop.core,0.1.0,plugins/org.frameloop.core_0.1.0.jar,4,false\n");
        Files.createDirectories(home.resolve("plugins"));
        return new Installation(home);
    }

    /** A plugin jar whose plugin.xml declares one selector; {@code requireBundle} may be null. */
    private static Path selectorPlugin(Path folder, String symbolicName, String requireBundle, String selectorId)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName + ";singleton:=true");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Require-Bundle", "org.frameloop.core" + (requireBundle == null ? "" : "," + requireBundle));
        String pluginXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?eclipse version=\"3.4\"?>\n<plugin>\n"
                + "  <extension point=\"org.frameloop.core.selectors\">\n"
                + "    <selector id=\"" + selectorId + "\" name=\"Tiny selector\" class=\"org.example.TinySelector\"/>\n"
                + "  </extension>\n</plugin>\n";
        Files.createDirectories(folder);
        Path jar = folder.resolve(symbolicName + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("plugin.xml"));
            out.write(pluginXml.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
