package org.frameloop.core.label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The classes of a project. An optional ignore id (CamVid's "void", say) is a label that is neither
 * a class nor unlabeled: losses, metrics and click costs skip it.
 */
public final class LabelMap {

    private final List<LabelClass> classes;
    private final OptionalInt ignoreId;

    public LabelMap(List<LabelClass> classes, OptionalInt ignoreId) {
        List<LabelClass> copy = new ArrayList<>(classes);
        boolean[] seen = new boolean[256];
        for (LabelClass c : copy) {
            if (seen[c.id()]) {
                throw new IllegalArgumentException("class id " + c.id() + " appears twice in the label map");
            }
            seen[c.id()] = true;
        }
        // two classes of one name would be merged by every format that names classes (CVAT, COCO)
        java.util.Map<String, Integer> byName = new java.util.HashMap<>();
        for (LabelClass c : copy) {
            Integer other = byName.putIfAbsent(c.name().strip().toLowerCase(java.util.Locale.ROOT), c.id());
            if (other != null) {
                throw new IllegalArgumentException("class name '" + c.name() + "' is used by ids " + other + " and "
                        + c.id() + "; every class needs its own name");
            }
        }
        ignoreId.ifPresent(id -> {
            if (id >= 0 && id < 256 && seen[id]) {
                throw new IllegalArgumentException("ignore id " + id + " is also a class");
            }
        });
        this.classes = Collections.unmodifiableList(copy);
        this.ignoreId = ignoreId;
    }

    public List<LabelClass> classes() {
        return classes;
    }

    public OptionalInt ignoreId() {
        return ignoreId;
    }

    public Optional<LabelClass> byId(int id) {
        return classes.stream().filter(c -> c.id() == id).findFirst();
    }

    /** One more than the largest class id: the number of logits a model needs. */
    public int idSpan() {
        return classes.stream().mapToInt(LabelClass::id).max().orElse(-1) + 1;
    }
}
