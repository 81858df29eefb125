package org.frameloop.core.label;

import java.util.Locale;
import java.util.Map;

/**
 * When two label maps mean the same classes. Datasets and tools spell one class differently: CamVid's
 * original names are {@code Pavement} and {@code SignSymbol} where the 11-class release and our checkpoint say
 * {@code sidewalk} and {@code sign}; case, spaces and underscores vary everywhere. A label map that means
 * what a checkpoint was trained for must get that checkpoint, not a fresh random head.
 */
public final class ClassIdentity {

    /** Other names of one class, in canonical form (see {@link #canonical}), mapped to the name we use. */
    private static final Map<String, String> ALIASES = Map.of(
            "pavement", "sidewalk",
            "signsymbol", "sign",
            "columnpole", "pole",
            "trafficsign", "sign",
            "person", "pedestrian");

    private ClassIdentity() {
    }

    /** Lower case, letters and digits only, known aliases replaced: "Sign_Symbol" and "sign" give "sign". */
    public static String canonical(String name) {
        StringBuilder kept = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                kept.append(c);
            }
        }
        String plain = kept.toString();
        return ALIASES.getOrDefault(plain, plain);
    }

    public static boolean sameClass(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    /**
     * Same ids with names of the same classes: a model's outputs for one map mean the same for the other.
     * The ignore id is not compared: it has no output, and a dataset's label map often omits it (CamVid's
     * JSON lists 0..10 without void 11) while a preset declares it.
     */
    public static boolean sameClasses(LabelMap a, LabelMap b) {
        if (a.classes().size() != b.classes().size() || a.idSpan() != b.idSpan()) {
            return false;
        }
        for (LabelClass c : a.classes()) {
            if (b.byId(c.id()).map(d -> !sameClass(d.name(), c.name())).orElse(true)) {
                return false;
            }
        }
        return true;
    }
}
