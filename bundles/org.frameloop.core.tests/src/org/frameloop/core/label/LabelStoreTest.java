package org.frameloop.core.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.sample.Region;
import org.junit.jupiter.api.Test;

class LabelStoreTest {

    private static LabelImage filled(int width, int height, int id) {
        LabelImage image = LabelImage.unlabeled(width, height);
        java.util.Arrays.fill(image.ids(), (byte) id);
        return image;
    }

    @Test
    void onePixelOfEitherLayerReadsWithoutAFrameCopy() {
        LabelStore store = new LabelStore(2, 4, 3);
        assertEquals(LabelImage.UNLABELED, store.id(0, LabelStore.Layer.HUMAN, 1, 2), "nothing labelled yet");
        store.putAuto(0, filled(4, 3, 5));
        store.setHuman(0, new int[] { 2 * 4 + 1 }, new byte[] { 7 });
        assertEquals(7, store.id(0, LabelStore.Layer.HUMAN, 1, 2));
        assertEquals(5, store.id(0, LabelStore.Layer.AUTO, 1, 2));
        assertEquals(LabelImage.UNLABELED, store.id(0, LabelStore.Layer.HUMAN, 0, 0));
    }

    @Test
    void humanLabelsWinOverAutomaticOnesAndOnlyTheRegionIsWritten() {
        LabelStore store = new LabelStore(2, 4, 2);
        store.putAuto(0, filled(4, 2, 1));

        int written = store.putHuman(0, new Region.Rectangle(0, 0, 2, 2), filled(4, 2, 3));
        store.putAuto(0, filled(4, 2, 2));

        assertEquals(4, written);
        LabelImage merged = store.merged(0);
        assertEquals(3, merged.id(0, 0));
        assertEquals(3, merged.id(1, 1));
        assertEquals(2, merged.id(2, 0), "outside the region the newest automatic label shows");
        assertEquals(0.5, store.humanShare(0), 1e-9);
        assertTrue(store.isFullyHuman(0, new Region.Rectangle(0, 0, 2, 2)));
        assertFalse(store.isFullyHuman(0, new Region.WholeFrame(4, 2)));
        assertEquals(LabelImage.UNLABELED, store.merged(1).id(0, 0), "untouched frames stay unlabeled");
    }

    @Test
    void listenersHearWhichFrameAndLayerChanged() {
        LabelStore store = new LabelStore(3, 2, 2);
        List<String> events = new ArrayList<>();
        store.addListener((frame, layer) -> events.add(frame + ":" + layer));

        store.putAuto(2, filled(2, 2, 0));
        store.putHuman(1, new Region.WholeFrame(2, 2), filled(2, 2, 1));

        assertEquals(List.of("2:AUTO", "1:HUMAN"), events);
    }

    @Test
    void labelsOfTheWrongSizeAreRejected() {
        LabelStore store = new LabelStore(1, 4, 4);
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> store.putAuto(0, filled(3, 4, 0)));
        assertTrue(error.getMessage().contains("3x4"), error.getMessage());
    }

    @Test
    void setHumanErasesPixelsAndReturnsWhatTheyHeldSoAnEditCanBeUndone() {
        LabelStore store = new LabelStore(1, 4, 2);
        store.putHuman(0, new Region.WholeFrame(4, 2), filled(4, 2, 3));

        byte[] before = store.setHuman(0, new int[] { 0, 5 }, new byte[] { (byte) LabelImage.UNLABELED, 7 });

        assertEquals(3, before[0]);
        assertEquals(3, before[1]);
        assertEquals(LabelImage.UNLABELED, store.human(0).id(0, 0));
        assertEquals(7, store.human(0).id(1, 1));
        assertEquals(7 / 8.0, store.humanShare(0), 1e-9);

        store.setHuman(0, new int[] { 0, 5 }, before);
        assertEquals(1.0, store.humanShare(0), 1e-9);
        assertEquals(3, store.human(0).id(1, 1));
    }
}
