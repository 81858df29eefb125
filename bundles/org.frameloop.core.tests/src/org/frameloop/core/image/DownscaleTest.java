package org.frameloop.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.frameloop.core.video.Video;
import org.junit.jupiter.api.Test;

class DownscaleTest {

    @Test
    void framesAreBoxFilteredAndLabelsTakeTheMajorityOfEachBlock() {
        RgbImage image = RgbImage.blank(5, 4); // the odd column is dropped
        LabelImage labels = LabelImage.unlabeled(5, 4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                image.set(x, y, x * 10, y * 20, 200);
                labels.set(x, y, x < 3 ? 1 : 2);
            }
        }
        labels.set(0, 0, 7); // one stray pixel does not win its block

        RgbImage small = Downscale.rgb(image, 2);
        LabelImage smallLabels = Downscale.labels(labels, 2);

        assertEquals(2, small.width());
        assertEquals(2, small.height());
        assertEquals(5, small.channel(0, 0, 0)); // (0 + 10) / 2
        assertEquals(25, small.channel(1, 0, 0)); // (20 + 30) / 2
        assertEquals(50, small.channel(1, 1, 1)); // (40 + 60) / 2
        assertEquals(200, small.channel(1, 1, 2));
        assertEquals(1, smallLabels.id(0, 0));
        assertEquals(1, smallLabels.id(1, 0), "a 2:2 tie goes to the smaller id");
        assertEquals(1, smallLabels.id(0, 1));
    }

    @Test
    void aDownscaledVideoKeepsItsFramesAndNameAndRefusesFactorsThatLeaveNothing() {
        Video video = Video.of("v", 3, 8, 6, f -> {
            RgbImage frame = RgbImage.blank(8, 6);
            frame.set(0, 0, 40 * f, 0, 0);
            return frame;
        });

        Video small = Downscale.video(video, 2);

        assertEquals("v", small.name());
        assertEquals(3, small.frameCount());
        assertEquals(4, small.width());
        assertEquals(3, small.height());
        assertEquals(20, small.frame(2).channel(0, 0, 0)); // 80 / 4 rounded
        assertThrows(IllegalArgumentException.class, () -> Downscale.video(video, 7));
    }
}
