package org.frameloop.model.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.junit.jupiter.api.Test;

class TrainingCropTest {

    @Test
    void windowsLieInsideTheFrameAndCoverTheLabelledPixels() {
        LabelImage labels = LabelImage.unlabeled(100, 60);
        for (int y = 50; y < 55; y++) {
            for (int x = 90; x < 95; x++) {
                labels.set(x, y, 3); // a small sample near the bottom-right corner
            }
        }
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            TrainingCrop window = TrainingCrop.around(labels, 32, random);
            assertEquals(32, window.width());
            assertEquals(32, window.height());
            assertTrue(window.x() >= 0 && window.x() + 32 <= 100 && window.y() >= 0 && window.y() + 32 <= 60, "" + window);
            LabelImage cropped = window.of(labels);
            int labelled = 0;
            for (byte id : cropped.ids()) {
                labelled += id == 3 ? 1 : 0;
            }
            assertTrue(labelled > 0, "the window holds labelled pixels: " + window);
        }
    }

    @Test
    void aWindowAsLargeAsTheFrameOrSizeZeroIsTheWholeFrameUnchanged() {
        LabelImage labels = LabelImage.unlabeled(40, 20);
        RgbImage image = RgbImage.blank(40, 20);
        Random random = new Random(1);
        TrainingCrop whole = TrainingCrop.around(labels, 0, random);
        assertSame(image, whole.of(image));
        TrainingCrop large = TrainingCrop.around(labels, 64, random);
        assertEquals(new TrainingCrop(0, 0, 40, 20), large);
        TrainingCrop wide = TrainingCrop.around(labels, 32, random);
        assertEquals(20, wide.height(), "clipped to the frame's height");
        assertEquals(32, wide.width());
    }

    @Test
    void imagesLabelsAndFlowsAreCutAtTheSamePlace() {
        int width = 10;
        int height = 8;
        RgbImage image = RgbImage.blank(width, height);
        LabelImage labels = LabelImage.unlabeled(width, height);
        float[] dx = new float[width * height];
        float[] dy = new float[width * height];
        boolean[] valid = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.set(x, y, x, y, 0);
                labels.set(x, y, (x + y) % 5);
                dx[y * width + x] = x;
                dy[y * width + x] = -y;
                valid[y * width + x] = (x + y) % 2 == 0;
            }
        }
        TrainingCrop window = new TrainingCrop(3, 2, 4, 5);
        RgbImage croppedImage = window.of(image);
        LabelImage croppedLabels = window.of(labels);
        OpticalFlow croppedFlow = window.of(new OpticalFlow(width, height, dx, dy, valid));
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 4; x++) {
                assertEquals(x + 3, croppedImage.channel(x, y, 0));
                assertEquals(y + 2, croppedImage.channel(x, y, 1));
                assertEquals((x + 3 + y + 2) % 5, croppedLabels.id(x, y));
                assertEquals(x + 3, croppedFlow.dx(x, y), 0f, "offsets are relative: unchanged");
                assertEquals(-(y + 2), croppedFlow.dy(x, y), 0f);
                assertEquals((x + y + 5) % 2 == 0, croppedFlow.valid()[y * 4 + x]);
            }
        }
    }
}
