package org.frameloop.editor.dialogs;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.install.InstallException;
import org.frameloop.install.InstalledPlugin;
import org.frameloop.install.Installation;
import org.frameloop.install.PluginInstaller;
import org.frameloop.install.PluginSource;
import org.frameloop.install.PluginState;
import org.osgi.framework.BundleContext;

/**
 * Help > Install Plugins…: the plugins a team added to this installation, and the same install and remove
 * as {@code ./frameloop plugins} ({@link PluginInstaller}: requirements checked by the running framework, the
 * product's own bundles never touched). Changes take effect at the next start.
 */
public class InstallPluginsDialog extends Dialog {

    /** The dialog's title and its buttons' labels, for tests that find them. */
    public static final String TITLE = "Install Plugins";
    public static final String INSTALL = "&Install";
    public static final String REMOVE = "&Remove";

    private final Installation installation;
    private final BundleContext context;
    /** What plugins installed while this dialog is open contribute: they are not in this run's registry. */
    private final Map<String, List<String>> announced = new HashMap<>();

    private Table table;
    private Text source;
    private Button remove;
    private Label message;

    public InstallPluginsDialog(Shell parent, Installation installation, BundleContext context) {
        super(parent);
        this.installation = installation;
        this.context = context;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText("Plugins live in " + installation.folder() + ", apart from the product's own bundles.\n"
                + "A change takes effect at the next start of Frameloop.");
        intro.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
        tableData.heightHint = 180;
        table.setLayoutData(tableData);
        String[] titles = { "Plugin", "Version", "State", "Contributes" };
        int[] widths = { 240, 120, 260, 300 };
        for (int c = 0; c < titles.length; c++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(titles[c]);
            column.setWidth(widths[c]);
        }
        table.addListener(SWT.Selection, e -> remove.setEnabled(table.getSelectionCount() == 1));

        Composite row = new Composite(area, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        row.setLayout(new GridLayout(6, false));
        new Label(row, SWT.NONE).setText("Source:");
        source = new Text(row, SWT.BORDER | SWT.SINGLE);
        source.setMessage("a bundle jar, or a p2 repository (folder or zip)");
        source.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button(row, "&File…", () -> browse(false));
        button(row, "F&older…", () -> browse(true));
        button(row, INSTALL, this::install);
        remove = button(row, REMOVE, this::removeSelected);
        remove.setEnabled(false);

        message = new Label(area, SWT.WRAP);
        GridData messageData = new GridData(SWT.FILL, SWT.TOP, true, false);
        messageData.widthHint = 900;
        messageData.heightHint = 60;
        message.setLayoutData(messageData);
        refresh();
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    private static Button button(Composite parent, String label, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private void browse(boolean folder) {
        String chosen;
        if (folder) {
            DirectoryDialog dialog = new DirectoryDialog(getShell());
            dialog.setMessage("A p2 repository folder (it holds plugins/)");
            chosen = dialog.open();
        } else {
            FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
            dialog.setFilterExtensions(new String[] { "*.jar;*.zip", "*.*" });
            dialog.setFilterNames(new String[] { "Bundle jars and zipped p2 repositories", "All files" });
            chosen = dialog.open();
        }
        if (chosen != null) {
            source.setText(chosen);
        }
    }

    private void install() {
        String given = source.getText().strip();
        if (given.isEmpty()) {
            show("Choose a bundle jar, or a p2 repository folder or zip, first.");
            return;
        }
        BusyIndicator.showWhile(getShell().getDisplay(), () -> {
            try (PluginSource plugins = PluginSource.open(Path.of(given))) {
                PluginInstaller.Result result = new PluginInstaller(installation, context).install(plugins);
                StringBuilder text = new StringBuilder();
                result.installed().forEach(bundle -> {
                    text.append("Installed ").append(bundle).append(". ");
                    announced.put(bundle.symbolicName(),
                            result.contributionsByBundle().getOrDefault(bundle.symbolicName(), List.of()));
                });
                if (!result.contributions().isEmpty()) {
                    text.append("It contributes ").append(String.join(", ", result.contributions())).append(". ");
                }
                result.problems().forEach(problem -> text.append("Warning: ").append(problem).append(". "));
                show(text + "It is used from the next start of Frameloop.");
                source.setText("");
            } catch (InstallException | RuntimeException e) {
                show("Not installed: " + e.getMessage());
            }
        });
        refresh();
    }

    private void removeSelected() {
        if (table.getSelectionCount() != 1) {
            return;
        }
        String name = (String) table.getSelection()[0].getData();
        try {
            InstalledPlugin removed = new PluginInstaller(installation, context).remove(name);
            show("Removed " + removed + "; the product is as before from the next start of Frameloop.");
        } catch (InstallException e) {
            show("Not removed: " + e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        table.removeAll();
        remove.setEnabled(false);
        List<InstalledPlugin> plugins;
        try {
            plugins = installation.installed();
        } catch (InstallException e) {
            show(e.getMessage());
            return;
        }
        PluginRegistry registry = PluginRegistry.ofPlatform();
        for (InstalledPlugin plugin : plugins) {
            List<String> contributions = PluginInstaller.contributionsOf(registry, Set.of(plugin.symbolicName()));
            if (contributions.isEmpty()) {
                contributions = announced.getOrDefault(plugin.symbolicName(), List.of());
            }
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { plugin.symbolicName(), plugin.version(), PluginState.of(plugin, context).description(),
                    String.join(", ", contributions) });
            item.setData(plugin.symbolicName());
        }
    }

    private void show(String text) {
        message.setText(text);
        message.getParent().layout(true, true);
    }
}
