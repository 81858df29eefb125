package org.frameloop.io.formats;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.frameloop.core.image.LabelImage;
import org.junit.jupiter.api.Test;

/**
 * The polygons of four masks (seeded blobs with unlabelled patches, a ring around an island, a diagonal
 * of pixels touching at corners, a one-pixel line and specks) are exactly those the tracer gave before
 * it moved into {@code lib.opencv}'s {@code MaskContours}: the fingerprints were recorded from it.
 */
class MaskPolygonsTracingTest {

    private static final int[] CLASSES = { 0, 1, 2, 3 };

    @Test
    void polygonsOfTheFourMasksAreUnchanged() {
        assertAll(() -> assertEquals(List.of("18 polygons, 146 vertices, #1773514", "18 polygons, 322 vertices, #-434197373"),
                        fingerprints(blobs())),
                () -> assertEquals(List.of("3 polygons, 12 vertices, #-1768869202", "3 polygons, 12 vertices, #-1768869202"),
                        fingerprints(ring())),
                () -> assertEquals(List.of("1 polygons, 4 vertices, #-765969032", "1 polygons, 4 vertices, #-765969032"),
                        fingerprints(diagonalAndLine())));
    }

    /** At CVAT's defaults (1 px, regions of 4 px and more) and exact (0 px, every region). */
    private static List<String> fingerprints(LabelImage labels) {
        List<String> result = new ArrayList<>();
        for (double[] setting : new double[][] { { 1.0, 4 }, { 0.0, 1 } }) {
            List<MaskPolygons.Polygon> polygons = MaskPolygons.polygons(labels, CLASSES, setting[0], (int) setting[1]);
            StringBuilder all = new StringBuilder();
            int vertices = 0;
            for (MaskPolygons.Polygon polygon : polygons) {
                vertices += polygon.xy().length / 2;
                all.append(polygon.classId()).append(':').append(polygon.area()).append(Arrays.toString(polygon.xy()));
            }
            result.add(polygons.size() + " polygons, " + vertices + " vertices, #" + all.toString().hashCode());
        }
        return result;
    }

    static LabelImage blobs() {
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

    static LabelImage ring() {
        LabelImage image = new LabelImage(20, 20, new byte[400]);
        for (int y = 3; y < 17; y++) {
            for (int x = 3; x < 17; x++) {
                boolean inner = x >= 7 && x < 13 && y >= 7 && y < 13;
                image.ids()[y * 20 + x] = (byte) (inner ? 2 : 1);
            }
        }
        return image;
    }

    static LabelImage diagonalAndLine() {
        LabelImage image = new LabelImage(16, 12, new byte[16 * 12]);
        for (int i = 0; i < 8; i++) {
            image.ids()[(2 + i) * 16 + 2 + i] = 1; // pixels touching at corners only
        }
        for (int x = 4; x < 14; x++) {
            image.ids()[1 * 16 + x] = 2; // a straight one-pixel line
        }
        image.ids()[10 * 16 + 13] = 3; // specks
        image.ids()[8 * 16 + 12] = 3;
        return image;
    }
}
