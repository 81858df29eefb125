package org.frameloop.editor.session;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.io.LabelMaps;

/**
 * The label maps a new project can start from without a JSON file: CamVid's 11 classes (void = 11,
 * ignored), Cityscapes' 19 training classes, or a list the user types, one class per line.
 */
public final class LabelMapPresets {

    /** A few distinct colours for classes the user names without one. */
    private static final int[] DEFAULT_COLOURS = { 0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b,
            0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf, 0xaec7e8, 0xffbb78, 0x98df8a, 0xff9896, 0xc5b0d5, 0xc49c94 };

    private LabelMapPresets() {
    }

    /**
     * CamVid as SegNet uses it: 11 classes, void (id 11) ignored, named as the dataset's 11-class release
     * and the shipped checkpoint name them (one definition, in org.frameloop.io).
     */
    public static LabelMap camVid11() {
        return LabelMaps.camvid();
    }

    /** Cityscapes' 19 evaluation classes with their train ids and official colours. */
    public static LabelMap cityscapes19() {
        return LabelMaps.cityscapes();
    }

    /**
     * A label map from lines like {@code road} or {@code road #804080}: ids 0, 1, 2... in line order; blank
     * lines are skipped.
     *
     * @throws IllegalArgumentException naming the line when a colour is malformed or no class is given
     */
    public static LabelMap parseClassList(String text) {
        List<LabelClass> classes = new ArrayList<>();
        int lineNumber = 0;
        for (String raw : text.split("\\R")) {
            lineNumber++;
            String line = raw.trim();
            if (line.isEmpty()) {
                continue;
            }
            String name = line;
            int colour = DEFAULT_COLOURS[classes.size() % DEFAULT_COLOURS.length];
            int hash = line.lastIndexOf('#');
            if (hash >= 0) {
                String hex = line.substring(hash + 1).trim();
                if (!hex.matches("[0-9a-fA-F]{6}")) {
                    throw new IllegalArgumentException("line " + lineNumber + ": colour '#" + hex + "' is not #rrggbb");
                }
                colour = Integer.parseInt(hex, 16);
                name = line.substring(0, hash).trim();
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("line " + lineNumber + ": a class needs a name");
            }
            classes.add(new LabelClass(classes.size(), name, colour));
        }
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("the class list is empty: write one class name per line");
        }
        return new LabelMap(classes, OptionalInt.empty());
    }
}
