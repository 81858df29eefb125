package org.frameloop.core.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class ClassIdentityTest {

    private static LabelMap map(OptionalInt ignore, String... names) {
        List<LabelClass> classes = new ArrayList<>();
        for (int id = 0; id < names.length; id++) {
            classes.add(new LabelClass(id, names[id], 0x101010 * id));
        }
        return new LabelMap(classes, ignore);
    }

    @Test
    void spellingCaseAndKnownAliasesOfOneClassAgree() {
        assertEquals("sidewalk", ClassIdentity.canonical("Pavement"));
        assertEquals("sign", ClassIdentity.canonical("Sign_Symbol"));
        assertEquals("pole", ClassIdentity.canonical("Column Pole"));
        assertEquals("trafficlight", ClassIdentity.canonical("traffic light"));
        assertTrue(ClassIdentity.sameClass("SignSymbol", "sign"));
        assertFalse(ClassIdentity.sameClass("road", "sidewalk"));
    }

    @Test
    void camVidsOriginalNamesMeanTheElevenClassReleasesClassesWhateverTheVoid() {
        LabelMap original = map(OptionalInt.of(11), "Sky", "Building", "Pole", "Road", "Pavement", "Tree", "SignSymbol",
                "Fence", "Car", "Pedestrian", "Bicyclist");
        LabelMap release = map(OptionalInt.empty(), "sky", "building", "pole", "road", "sidewalk", "tree", "sign", "fence",
                "car", "pedestrian", "bicyclist");

        assertTrue(ClassIdentity.sameClasses(original, release));
        assertTrue(ClassIdentity.sameClasses(release, original));
    }

    @Test
    void otherIdsOrOtherClassesDiffer() {
        LabelMap roadFirst = map(OptionalInt.empty(), "road", "sky");
        assertFalse(ClassIdentity.sameClasses(roadFirst, map(OptionalInt.empty(), "sky", "road")), "same names, other ids");
        assertFalse(ClassIdentity.sameClasses(roadFirst, map(OptionalInt.empty(), "road", "car")), "another class");
        assertFalse(ClassIdentity.sameClasses(roadFirst, map(OptionalInt.empty(), "road", "sky", "car")), "one more class");
    }
}
