package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;
import org.junit.jupiter.api.Test;

class BundledCheckpointsTest {

    @Test
    void theCheckpointTrainedForAVideosClassesIsChosenElseTheSyntheticDefault() throws Exception {
        assertTrue(BundledCheckpoints.names().containsAll(List.of("camvid", "default")),
                BundledCheckpoints.names().toString());
        Path camvid = BundledCheckpoints.find("camvid").orElseThrow();
        Path synthetic = BundledCheckpoints.find("default").orElseThrow();
        LabelMap camvidClasses = LabelMapJson.read(camvid.resolve(CheckpointFolder.LABEL_MAP));
        // The CamVid preset declares void 11 as ignore; the dataset's own JSON does not. Both pick camvid.
        LabelMap camvidWithVoid = new LabelMap(camvidClasses.classes(), OptionalInt.of(11));
        LabelMap syntheticClasses = LabelMapJson.read(synthetic.resolve(CheckpointFolder.LABEL_MAP));

        assertEquals(camvid, BundledCheckpoints.bestFor(camvidClasses).orElseThrow());
        assertEquals(camvid, BundledCheckpoints.bestFor(camvidWithVoid).orElseThrow());
        assertEquals(synthetic, BundledCheckpoints.bestFor(syntheticClasses).orElseThrow());
        // CamVid's original spelling (the IDE's preset used it, and got a random head): same classes
        List<LabelClass> original = new ArrayList<>();
        String[] names = { "Sky", "Building", "Pole", "Road", "Pavement", "Tree", "SignSymbol", "Fence", "Car",
                "Pedestrian", "Bicyclist" };
        for (int id = 0; id < names.length; id++) {
            original.add(new LabelClass(id, names[id], 0));
        }
        assertEquals(camvid, BundledCheckpoints.bestFor(new LabelMap(original, OptionalInt.of(11))).orElseThrow());
        try (UNetNetwork network = UNetNetwork.load(camvid)) {
            assertEquals(11, network.classCount());
        }
    }
}
