package org.frameloop.lib.opencv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.frameloop.lib.opencv.MaskContours.Borders;
import org.frameloop.lib.opencv.MaskContours.Contour;
import org.junit.jupiter.api.Test;

class MaskContoursTest {

    /** An 8x8 mask with a 6x6 square at (1, 1) whose 2x2 middle at (3, 3) is empty. */
    private static byte[] squareWithHole() {
        byte[] mask = new byte[64];
        for (int y = 1; y < 7; y++) {
            for (int x = 1; x < 7; x++) {
                boolean hole = x >= 3 && x < 5 && y >= 3 && y < 5;
                mask[y * 8 + x] = (byte) (hole ? 0 : 1);
            }
        }
        return mask;
    }

    @Test
    void anOuterBorderRunsThroughTheBorderPixelsAndEnclosesTheAreaBetweenTheirCentres() {
        List<Contour> contours = MaskContours.trace(squareWithHole(), 8, 8, Borders.OUTER, 0, 0);
        assertEquals(1, contours.size());
        Contour square = contours.get(0);
        assertEquals(-1, square.parent());
        assertEquals(20, square.pointCount()); // every border pixel of a 6x6 square
        assertEquals(25.0, square.area()); // 5x5 between the centres of pixels 1 and 6
        assertArrayEquals(new int[] { 1, 1 }, new int[] { square.xy()[0], square.xy()[1] });
    }

    @Test
    void holesComeWithTheirRegionAsParent() {
        List<Contour> contours = MaskContours.trace(squareWithHole(), 8, 8, Borders.OUTER_AND_HOLES, 0, 0);
        assertEquals(2, contours.size());
        int outer = contours.get(0).parent() < 0 ? 0 : 1;
        assertEquals(-1, contours.get(outer).parent());
        assertEquals(outer, contours.get(1 - outer).parent());
    }

    @Test
    void theOffsetShiftsEveryPoint() {
        Contour plain = MaskContours.trace(squareWithHole(), 8, 8, Borders.OUTER, 0, 0).get(0);
        Contour shifted = MaskContours.trace(squareWithHole(), 8, 8, Borders.OUTER, 10, -3).get(0);
        for (int i = 0; i < plain.pointCount(); i++) {
            assertEquals(plain.xy()[2 * i] + 10, shifted.xy()[2 * i]);
            assertEquals(plain.xy()[2 * i + 1] - 3, shifted.xy()[2 * i + 1]);
        }
    }

    @Test
    void anEmptyMaskHasNoContoursAndAWronglySizedOneIsRefused() {
        assertEquals(List.of(), MaskContours.trace(new byte[12], 4, 3, Borders.OUTER_AND_HOLES, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> MaskContours.trace(new byte[11], 4, 3, Borders.OUTER, 0, 0));
    }
}
