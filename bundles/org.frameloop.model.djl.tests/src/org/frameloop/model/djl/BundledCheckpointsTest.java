package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

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
        try (UNetNetwork network = UNetNetwork.load(camvid)) {
            assertEquals(11, network.classCount());
        }
    }
}
