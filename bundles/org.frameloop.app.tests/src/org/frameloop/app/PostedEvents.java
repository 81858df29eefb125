package org.frameloop.app;

import java.util.Arrays;
import java.util.List;
import java.util.ArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * A person's input for the UI tests: mouse and key events posted to the display as the window system delivers
 * them, and bounded waits that dispatch events meanwhile (no sleeps). Also starts the IDE's workbench.
 */
final class PostedEvents {

    /** What a test does in the running workbench, on the UI thread. */
    interface WorkInWorkbench {
        void run(Shell window, E4Workbench workbench) throws Exception;
    }

    private final Display display;
    private int mouseUps;

    PostedEvents(Display display) {
        this.display = display;
    }

    /**
     * Starts the org.frameloop.app.ide product's workbench, runs {@code work} once its window is visible, closes the
     * workbench and returns when it has; what failed is added to {@code failures}.
     */
    static void inWorkbench(Display display, long timeoutMs, List<String> failures, WorkInWorkbench work) {
        E4Workbench workbench = new E4Application().createE4Workbench(
                new ProductApplicationContext("org.frameloop.app.ide"), display);
        long deadline = System.currentTimeMillis() + timeoutMs;
        display.timerExec(100, new Runnable() {
            @Override
            public void run() {
                Shell window = Arrays.stream(display.getShells()).filter(Shell::isVisible).findFirst().orElse(null);
                if (window == null && System.currentTimeMillis() < deadline) {
                    display.timerExec(100, this);
                    return;
                }
                try {
                    if (window == null) {
                        failures.add("no window became visible within " + timeoutMs + " ms");
                    } else {
                        work.run(window, workbench);
                    }
                } catch (Throwable e) {
                    failures.add(e.toString());
                    e.printStackTrace();
                } finally {
                    workbench.close();
                }
            }
        });
        workbench.createAndRunUI(workbench.getApplication());
    }

    /** Counts the mouse releases {@code control} receives, so {@link #click} can wait for its own. */
    void countMouseUpsOn(Control control) {
        control.addListener(SWT.MouseUp, e -> mouseUps++);
    }

    int mouseUps() {
        return mouseUps;
    }

    /** Moves the pointer to {@code at}, presses and releases button 1, and waits for the release to arrive. */
    void click(Point at) {
        move(at);
        int before = mouseUps;
        mouse(SWT.MouseDown, at);
        mouse(SWT.MouseUp, at);
        pumpUntil(() -> mouseUps > before, 5_000);
    }

    void move(Point at) {
        Event event = new Event();
        event.type = SWT.MouseMove;
        event.x = at.x;
        event.y = at.y;
        display.post(event);
        pumpUntil(() -> display.getCursorLocation().equals(at), 2_000);
    }

    private void mouse(int type, Point at) {
        Event event = new Event();
        event.type = type;
        event.button = 1;
        event.x = at.x;
        event.y = at.y;
        display.post(event);
    }

    /** A character key (or Enter) with optional modifiers held (SWT.CTRL, SWT.SHIFT, SWT.ALT, combined with |). */
    void key(int modifiers, int key) {
        char character = key == SWT.CR ? '\r' : (char) key;
        specialKey(modifiers, key == SWT.CR ? SWT.CR : 0, character);
    }

    /** A key with a key code (Tab, arrows, Home, End), with optional modifiers held. */
    void specialKey(int modifiers, int keyCode, char character) {
        int[] held = Arrays.stream(new int[] { SWT.CTRL, SWT.SHIFT, SWT.ALT }).filter(m -> (modifiers & m) != 0).toArray();
        for (int modifier : held) {
            keyEvent(SWT.KeyDown, modifier, (char) 0);
        }
        keyEvent(SWT.KeyDown, keyCode, character);
        keyEvent(SWT.KeyUp, keyCode, character);
        for (int i = held.length - 1; i >= 0; i--) {
            keyEvent(SWT.KeyUp, held[i], (char) 0);
        }
        pumpUntil(() -> false, 100);
    }

    private void keyEvent(int type, int keyCode, char character) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        display.post(event);
    }

    /** Dispatches events until {@code condition} holds or {@code timeoutMs} passed (a bounded wait). */
    boolean pumpUntil(BooleanSupplier condition, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            if (!display.readAndDispatch()) {
                display.timerExec(20, () -> { });
                display.sleep();
            }
        }
        return true;
    }

    /**
     * Runs {@code answer} inside the modal shell titled {@code title} once it opens (it has its own event loop); a
     * dialog that stays open is added to {@code failures} and closed.
     */
    void answerWhenShown(String title, Consumer<Shell> answer, List<String> failures) {
        long deadline = System.currentTimeMillis() + 20_000;
        display.timerExec(50, new Runnable() {
            @Override
            public void run() {
                Shell dialog = shell(title);
                if (dialog == null) {
                    if (System.currentTimeMillis() < deadline) {
                        display.timerExec(50, this);
                    }
                    return;
                }
                // A posted key goes to whichever shell the window manager made active; on a loaded machine the
                // dialog may not be active yet when the first key arrives, so the answer is given again (at most
                // three times) while the dialog is still open. The answers only collect text and press keys.
                for (int attempt = 0; attempt < 3 && !dialog.isDisposed(); attempt++) {
                    if (attempt > 0) {
                        System.out.println("answering the dialog '" + title + "' again (attempt " + (attempt + 1) + ")");
                    }
                    dialog.forceActive();
                    pumpUntil(() -> display.getActiveShell() == dialog, 2_000);
                    answer.accept(dialog);
                    pumpUntil(dialog::isDisposed, 3_000);
                }
                if (!dialog.isDisposed()) {
                    failures.add("the dialog '" + title + "' stayed open");
                    dialog.close();
                }
            }
        });
    }

    /** The text of every label of {@code dialog}, joined by spaces. */
    static String collectText(Shell dialog) {
        List<Label> found = new ArrayList<>();
        collect(dialog, Label.class, found);
        return String.join(" ", found.stream().map(Label::getText).toList());
    }

    /** The visible shell titled {@code text}, or null. */
    Shell shell(String text) {
        return Arrays.stream(display.getShells()).filter(s -> !s.isDisposed() && s.isVisible() && text.equals(s.getText()))
                .findFirst().orElse(null);
    }

    /** Every control of {@code type} in {@code control}'s tree, in order. */
    static <T extends Control> void collect(Control control, Class<T> type, List<T> found) {
        if (type.isInstance(control)) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, found);
            }
        }
    }

    /** The first control of {@code type} in {@code control}'s tree, or null. */
    static <T extends Control> T find(Control control, Class<T> type) {
        if (type.isInstance(control)) {
            return type.cast(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
