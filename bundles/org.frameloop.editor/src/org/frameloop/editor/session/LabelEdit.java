package org.frameloop.editor.session;

import java.util.ArrayList;
import java.util.List;

import org.frameloop.core.label.LabelStore;

/**
 * One undoable change of human labels: which pixels of which frame, what they held before and after.
 * A brush stroke is several parts; undo restores them last part first.
 */
public final class LabelEdit {

    private record Part(int[] pixels, byte[] before, byte[] after) {
    }

    private final int frameIndex;
    private final String name;
    private final List<Part> parts = new ArrayList<>();

    public LabelEdit(int frameIndex, String name) {
        this.frameIndex = frameIndex;
        this.name = name;
    }

    public int frameIndex() {
        return frameIndex;
    }

    /** What the user did, for the Edit menu ("Undo polygon"). */
    public String name() {
        return name;
    }

    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Number of pixels changed (counting repeats within a stroke). */
    public int pixelCount() {
        return parts.stream().mapToInt(p -> p.pixels.length).sum();
    }

    /** Sets {@code pixels} to {@code id} in the store and records the change. */
    public void apply(LabelStore labels, int[] pixels, byte id) {
        if (pixels.length == 0) {
            return;
        }
        byte[] after = new byte[pixels.length];
        java.util.Arrays.fill(after, id);
        byte[] before = labels.setHuman(frameIndex, pixels, after);
        parts.add(new Part(pixels, before, after));
    }

    /** Sets each of {@code pixels} to its own id from {@code ids} and records the change. */
    public void apply(LabelStore labels, int[] pixels, byte[] ids) {
        if (pixels.length == 0) {
            return;
        }
        byte[] after = ids.clone();
        byte[] before = labels.setHuman(frameIndex, pixels, after);
        parts.add(new Part(pixels.clone(), before, after));
    }

    void undo(LabelStore labels) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            Part part = parts.get(i);
            labels.setHuman(frameIndex, part.pixels, part.before);
        }
    }

    void redo(LabelStore labels) {
        for (Part part : parts) {
            labels.setHuman(frameIndex, part.pixels, part.after);
        }
    }
}
