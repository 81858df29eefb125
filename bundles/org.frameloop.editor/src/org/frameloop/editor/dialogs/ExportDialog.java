package org.frameloop.editor.dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.spi.LabelExporter;

/**
 * File > Export: one of the installed export formats (listed from the registry, with their declared
 * parameters), and the output folder. The export itself runs as a job once the dialog closes.
 */
public final class ExportDialog extends TitleAreaDialog {

    private final List<Contribution<LabelExporter>> formats;
    private final Path projectFolder;
    private Table table;
    private Label description;
    private ParameterForm parameters;
    private Text folder;
    private boolean folderEdited;

    private Contribution<LabelExporter> chosenFormat;
    private Map<String, String> chosenParameters;
    private Path chosenFolder;

    public ExportDialog(Shell parent, List<Contribution<LabelExporter>> formats, Path projectFolder) {
        super(parent);
        this.formats = formats;
        this.projectFolder = projectFolder;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Export labels");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Export the project's labels");
        setMessage("Every frame: human labels where a person labelled, the model's elsewhere.");
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(3, false));

        new Label(body, SWT.NONE).setText("Format:");
        table = new Table(body, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        tableData.heightHint = 110;
        table.setLayoutData(tableData);
        for (Contribution<LabelExporter> format : formats) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(format.name() + "  (" + format.id() + ")");
        }
        new Label(body, SWT.NONE);
        description = new Label(body, SWT.WRAP);
        GridData descriptionData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        descriptionData.widthHint = 480;
        descriptionData.heightHint = 60;
        description.setLayoutData(descriptionData);
        parameters = new ParameterForm(body, this::validate);
        ((GridData) parameters.control().getLayoutData()).horizontalSpan = 3;

        new Label(body, SWT.NONE).setText("Output folder:");
        folder = new Text(body, SWT.BORDER);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        folder.addListener(SWT.Modify, e -> validate());
        folder.addListener(SWT.KeyDown, e -> folderEdited = true);
        Button browse = new Button(body, SWT.PUSH);
        browse.setText("Browse...");
        browse.addListener(SWT.Selection, e -> browse());

        table.addListener(SWT.Selection, e -> formatSelected());
        if (!formats.isEmpty()) {
            table.select(0);
            formatSelected();
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Export", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private void formatSelected() {
        Contribution<LabelExporter> format = selected();
        if (format == null) {
            return;
        }
        description.setText(format.description());
        parameters.show(format.parameters(), Map.of());
        if (!folderEdited) {
            folder.setText(projectFolder.resolve("export").resolve(format.id()).toString());
        }
        validate();
    }

    private void browse() {
        DirectoryDialog dialog = new DirectoryDialog(getShell());
        dialog.setText("Output folder");
        dialog.setMessage("The exported files go into this folder (created if missing)");
        dialog.setFilterPath(folder.getText());
        String chosen = dialog.open();
        if (chosen != null) {
            folderEdited = true;
            folder.setText(chosen);
        }
    }

    private Contribution<LabelExporter> selected() {
        int index = table.getSelectionIndex();
        return index < 0 ? null : formats.get(index);
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        String problem = formats.isEmpty() ? "No export format is installed (org.frameloop.core.formats)"
                : selected() == null ? "Choose a format"
                : folder.getText().isBlank() ? "Choose the output folder" : parameters.problem();
        setErrorMessage(problem);
        if (problem == null) {
            setMessage("Every frame: human labels where a person labelled, the model's elsewhere.",
                    IMessageProvider.NONE);
        }
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    @Override
    protected void okPressed() {
        chosenFormat = selected();
        chosenParameters = parameters.values();
        chosenFolder = Path.of(folder.getText().trim());
        super.okPressed();
    }

    public Contribution<LabelExporter> format() {
        return chosenFormat;
    }

    public Map<String, String> parameterValues() {
        return chosenParameters;
    }

    public Path folder() {
        return chosenFolder;
    }
}
