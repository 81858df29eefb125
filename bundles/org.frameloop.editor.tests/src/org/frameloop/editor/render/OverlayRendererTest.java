package org.frameloop.editor.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.junit.jupiter.api.Test;

class OverlayRendererTest {

    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "red", 0xff0000),
            new LabelClass(1, "blue", 0x0000ff)), OptionalInt.empty());

    @Test
    void humanLabelsShowOverTheModelsAndUnlabelledPixelsShowTheFrame() {
        RgbImage frame = RgbImage.blank(3, 1);
        LabelImage human = LabelImage.unlabeled(3, 1);
        human.set(0, 0, 0);
        LabelImage auto = LabelImage.unlabeled(3, 1);
        auto.set(0, 0, 1);
        auto.set(1, 0, 1);

        byte[] out = new OverlayRenderer(MAP).render(frame, human, auto, 100, null, null);

        assertEquals(255, out[0] & 0xFF, "human red at full opacity");
        assertEquals(0, out[2] & 0xFF);
        assertEquals(152, out[5] & 0xFF, "model blue at 60 % of the opacity (255 x 153/256)");
        assertEquals(0, out[6] & 0xFF, "no label: the black frame");
    }

    @Test
    void brightnessAndContrastChangeTheFrameNotTheLabelColours() {
        RgbImage frame = RgbImage.blank(2, 1);
        frame.set(0, 0, 100, 100, 100);
        frame.set(1, 0, 100, 100, 100);
        LabelImage human = LabelImage.unlabeled(2, 1);
        human.set(1, 0, 0);

        byte[] brighter = new OverlayRenderer(MAP).render(frame, 40, 100, human, null, 100, null, null);
        byte[] contrast = new OverlayRenderer(MAP).render(frame, 0, 200, null, null, 100, null, null);

        assertEquals(140, brighter[0] & 0xFF, "100 + 40");
        assertEquals(255, brighter[3] & 0xFF, "a labelled pixel at full opacity keeps its class colour");
        assertEquals(72, contrast[0] & 0xFF, "(100 - 128) x 2 + 128");
    }

    @Test
    void blendingA480By360FrameTakesAboutAMillisecond() {
        RgbImage frame = RgbImage.blank(480, 360);
        LabelImage labels = LabelImage.unlabeled(480, 360);
        for (int i = 0; i < labels.ids().length; i++) {
            labels.ids()[i] = (byte) (i % 3 == 0 ? 255 : i % 2);
        }
        OverlayRenderer renderer = new OverlayRenderer(MAP);
        byte[] target = null;
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            target = renderer.render(frame, labels, labels, 50, null, target);
        }
        long started = System.nanoTime();
        int runs = 50;
        for (int run = 0; run < runs; run++) {
            target = renderer.render(frame, labels, labels, 50, null, target);
        }
        // measured, not asserted: timings depend on the machine
        System.out.printf("overlay blend 480x360: %.2f ms%n", (System.nanoTime() - started) / 1e6 / runs);
        assertEquals(480 * 360 * 3, target.length);
    }
}
