package org.frameloop.clickcost;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.frameloop.clickcost.internal.PolygonClickCounter;
import org.frameloop.clickcost.internal.SampleLabels;
import org.frameloop.core.image.LabelImage;
import org.junit.jupiter.api.Test;

/**
 * The polygon clicks of samples cut from seeded masks (blobs with unlabelled patches, a ring around an
 * island, pixels touching at corners) are exactly those the counter gave before its tracing moved into
 * {@code lib.opencv}'s {@code MaskContours}: the breakdowns were recorded from it.
 */
class PolygonClickCounterTracingTest {

    @Test
    void breakdownsOfTheSamplesAreUnchanged() {
        assertAll(() -> assertEquals(List.of("95 clicks (20 regions + 11 crossings + 64 vertices)",
                        "30 clicks (9 regions + 7 crossings + 14 vertices)", "29 clicks (8 regions + 6 crossings + 15 vertices)",
                        "33 clicks (6 regions + 9 crossings + 18 vertices)", "30 clicks (9 regions + 7 crossings + 14 vertices)",
                        "32 clicks (8 regions + 6 crossings + 18 vertices)"), breakdowns(blobs(), 1.0)),
                () -> assertEquals(List.of("202 clicks (20 regions + 11 crossings + 171 vertices)",
                        "47 clicks (9 regions + 7 crossings + 31 vertices)", "49 clicks (8 regions + 6 crossings + 35 vertices)",
                        "77 clicks (6 regions + 9 crossings + 62 vertices)", "61 clicks (9 regions + 7 crossings + 45 vertices)",
                        "51 clicks (8 regions + 6 crossings + 37 vertices)"), breakdowns(blobs(), 0.0)),
                () -> assertEquals(List.of("11 clicks (3 regions + 0 crossings + 8 vertices)",
                        "9 clicks (3 regions + 4 crossings + 2 vertices)", "9 clicks (3 regions + 4 crossings + 2 vertices)",
                        "9 clicks (3 regions + 4 crossings + 2 vertices)", "9 clicks (3 regions + 4 crossings + 2 vertices)",
                        "6 clicks (2 regions + 0 crossings + 4 vertices)"), breakdowns(ring(), 1.0)),
                () -> assertEquals(List.of("27 clicks (4 regions + 0 crossings + 23 vertices)",
                        "16 clicks (3 regions + 4 crossings + 9 vertices)", "4 clicks (2 regions + 2 crossings + 0 vertices)",
                        "7 clicks (2 regions + 4 crossings + 1 vertices)", "17 clicks (4 regions + 4 crossings + 9 vertices)",
                        "20 clicks (3 regions + 8 crossings + 9 vertices)"), breakdowns(diagonal(), 1.0)));
    }

    /** The whole frame, its four quadrants and a window across the middle; 255 counts as ignored. */
    private static List<String> breakdowns(LabelImage labels, double tolerancePx) {
        int w = labels.width();
        int h = labels.height();
        int[][] windows = { { 0, 0, w, h }, { 0, 0, w / 2, h / 2 }, { w / 2, 0, w - w / 2, h / 2 },
                { 0, h / 2, w / 2, h - h / 2 }, { w / 2, h / 2, w - w / 2, h - h / 2 }, { w / 4, h / 4, w / 2, h / 2 } };
        List<String> result = new ArrayList<>();
        for (int[] window : windows) {
            SampleLabels sample = SampleLabels.ofRectangle(labels, window[0], window[1], window[2], window[3], 255);
            result.add(PolygonClickCounter.count(sample, tolerancePx).toString());
        }
        return result;
    }

    private static LabelImage blobs() {
        int width = 64;
        int height = 48;
        LabelImage image = new LabelImage(width, height, new byte[width * height]);
        Random random = new Random(7);
        for (int shape = 0; shape < 40; shape++) {
            int cx = random.nextInt(width);
            int cy = random.nextInt(height);
            int r = 1 + random.nextInt(9);
            int id = shape % 7 == 6 ? LabelImage.UNLABELED : 1 + random.nextInt(3);
            boolean disc = random.nextBoolean();
            for (int y = Math.max(0, cy - r); y < Math.min(height, cy + r + 1); y++) {
                for (int x = Math.max(0, cx - r); x < Math.min(width, cx + r + 1); x++) {
                    if (!disc || (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                        image.ids()[y * width + x] = (byte) id;
                    }
                }
            }
        }
        return image;
    }

    private static LabelImage ring() {
        LabelImage image = new LabelImage(20, 20, new byte[400]);
        for (int y = 3; y < 17; y++) {
            for (int x = 3; x < 17; x++) {
                boolean inner = x >= 7 && x < 13 && y >= 7 && y < 13;
                image.ids()[y * 20 + x] = (byte) (inner ? 2 : 1);
            }
        }
        return image;
    }

    private static LabelImage diagonal() {
        LabelImage image = new LabelImage(16, 12, new byte[16 * 12]);
        for (int i = 0; i < 8; i++) {
            image.ids()[(2 + i) * 16 + 2 + i] = 1;
            image.ids()[(2 + i) * 16 + 5 + i] = 2;
        }
        image.ids()[10 * 16 + 13] = 3;
        return image;
    }
}
