package org.frameloop.core.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void theTilesKeptAreThoseThatKeepTheAuditsWithinTheirShareOfAllClicks() {
        // 7500 clicks so far of which 800 on audits, 3500 chosen now: tiles of 100 each, 3 fit (1100/11300 < 10%)
        long[] tiles = { 100, 100, 100, 100, 100, 100 };
        int kept = AuditTiles.affordable(0.1, 7500, 800, 3500, tiles);
        assertEquals(3, kept);
        assertTrue((800 + 300) / (double) (7500 + 3500 + 300) <= 0.1);
        assertTrue((800 + 400) / (double) (7500 + 3500 + 400) > 0.1, "a fourth would go over");

        assertEquals(0, AuditTiles.affordable(0.1, 7500, 1500, 3500, tiles), "audits over their share: none");
        assertEquals(6, AuditTiles.affordable(0.1, 75000, 0, 3500, tiles), "all when they fit");
        assertEquals(1, AuditTiles.affordable(0.1, 7500, 800, 3500, new long[] { 100, 900, 10 }),
                "in the order given: a costly tile ends the list");
    }
}
