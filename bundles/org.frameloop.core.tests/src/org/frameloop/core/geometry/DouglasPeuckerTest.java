package org.frameloop.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DouglasPeuckerTest {

    @Test
    void pointsWithinTheToleranceOfAStraightLineAreDropped() {
        double[] line = { 0, 0, 1, 0.4, 2, -0.4, 3, 0.9, 4, 0 };

        assertArrayEquals(new double[] { 0, 0, 4, 0 }, DouglasPeucker.simplify(line, 1.0, false));
    }

    @Test
    void aCornerBeyondTheToleranceIsKept() {
        double[] bend = { 0, 0, 2, 0, 4, 0, 4, 2, 4, 4 };

        assertArrayEquals(new double[] { 0, 0, 4, 0, 4, 4 }, DouglasPeucker.simplify(bend, 1.0, false));
    }

    @Test
    void aRingKeepsItsCorners() {
        // a 4x4 square traced through every integer point of its outline
        double[] square = { 0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 4, 1, 4, 2, 4, 3, 4, 4, 3, 4, 2, 4, 1, 4, 0, 4, 0, 3, 0, 2,
                0, 1 };

        assertArrayEquals(new double[] { 0, 0, 4, 0, 4, 4, 0, 4 }, DouglasPeucker.simplify(square, 0.5, true));
        assertEquals(4, DouglasPeucker.keptCount(square, 0.5, true));
    }

    @Test
    void toleranceZeroKeepsEveryPointOffTheLine() {
        double[] zigzag = { 0, 0, 1, 1, 2, 0, 3, 1, 4, 0 };

        assertEquals(5, DouglasPeucker.keptCount(zigzag, 0, false));
        assertEquals(2, DouglasPeucker.keptCount(zigzag, 1.0, false));
    }

    @Test
    void aLongContourNeedsNoDeepStack() {
        int n = 8_000; // splits one point at a time: a recursive version would need 8,000 frames
        double[] zigzag = new double[2 * n];
        for (int i = 0; i < n; i++) {
            zigzag[2 * i] = i;
            zigzag[2 * i + 1] = (i % 2) * 3.0; // every point a vertex at tolerance 1
        }

        assertEquals(n, DouglasPeucker.keptCount(zigzag, 1.0, false));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DouglasPeucker.keep(new double[] { 1 }, 1, false));
        assertThrows(IllegalArgumentException.class, () -> DouglasPeucker.keep(new double[] { 1, 2 }, -1, false));
    }
}
