package org.frameloop.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.frameloop.core.sample.Region;
import org.junit.jupiter.api.Test;

class AuditTilesTest {

    @Test
    void theTilesCoverEveryPixelOfTheFrameExactlyOnceEvenWhenTheSizeDoesNotDivide() {
        for (int[] size : new int[][] { { 240, 180 }, { 321, 179 }, { 3, 2 } }) {
            int width = size[0];
            int height = size[1];
            List<Region> tiles = AuditTiles.of(width, height);
            int[] covered = new int[width * height];
            for (Region tile : tiles) {
                for (int pixel : tile.pixelIndices(width)) {
                    covered[pixel]++;
                }
            }
            for (int pixel = 0; pixel < covered.length; pixel++) {
                assertEquals(1, covered[pixel], "pixel " + pixel + " of " + width + "x" + height);
            }
            assertEquals(Math.min(4, width) * Math.min(4, height), tiles.size());
        }
    }

    @Test
    void aTileIsASixteenthOfTheFrame() {
        assertEquals(16, AuditTiles.of(240, 180).size());
        assertEquals(new Region.Rectangle(60, 45, 60, 45), AuditTiles.of(240, 180).get(5));
    }
}
