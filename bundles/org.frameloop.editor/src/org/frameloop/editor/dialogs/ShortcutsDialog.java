package org.frameloop.editor.dialogs;

import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** The list of keyboard shortcuts: key, what it does, where it works. */
public class ShortcutsDialog extends Dialog {

    /** The dialog's title, for tests that find it. */
    public static final String TITLE = "Keyboard Shortcuts";

    private final List<String[]> rows;

    public ShortcutsDialog(Shell parent, List<String[]> rows) {
        super(parent);
        this.rows = rows;
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
        Table table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
        data.heightHint = 420;
        table.setLayoutData(data);
        int[] widths = { 120, 260, 160 };
        String[] titles = { "Key", "Action", "Where" };
        for (int c = 0; c < titles.length; c++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(titles[c]);
            column.setWidth(widths[c]);
        }
        for (String[] row : rows) {
            new TableItem(table, SWT.NONE).setText(row);
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }
}
