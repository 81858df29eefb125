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
    void asManyTilesAsCostOneFrameWithinFourAndSixteen() {
        assertEquals(11, AuditTiles.perFrameAudit(0, 0, 0, 0), "a first guess before anything was labelled");
        // frames cost 500 clicks, tiles 45: eleven tiles cost about a frame
        assertEquals(11, AuditTiles.perFrameAudit(8 * 500, 8, 32 * 45, 32));
        assertEquals(16, AuditTiles.perFrameAudit(8 * 500, 8, 32 * 20, 32), "never more than the frame's area");
        assertEquals(4, AuditTiles.perFrameAudit(8 * 100, 8, 32 * 90, 32), "never fewer than four places");
        assertEquals(16, AuditTiles.perFrameAudit(8 * 100, 8, 0, 32), "tiles that cost nothing");
    }

    @Test
    void auditTilesKeepTheAuditsWithinTheirShareOfAllClicks() {
        // 15 frames of 500 clicks and 16 tiles of 45 so far, 7 frames chosen now: 11 tiles fit, a 12th would not
        int tiles = AuditTiles.forClickShare(0.1, 1, 7, 15 * 500 + 16 * 45, 15 * 500, 15, 16 * 45, 16);
        assertEquals(11, tiles);
        assertTrue(auditShare(16 * 45 + tiles * 45, 15 * 500 + 16 * 45 + 7 * 500 + tiles * 45) <= 0.1);
        assertTrue(auditShare(16 * 45 + (tiles + 1) * 45, 15 * 500 + 16 * 45 + 7 * 500 + (tiles + 1) * 45) > 0.1);

        assertEquals(16, AuditTiles.forClickShare(0.1, 1, 7, 8 * 500, 8 * 500, 8, 0, 0),
                "after a round without audits the first catches up, up to a whole frame's area");
        assertEquals(0, AuditTiles.forClickShare(0.1, 1, 7, 8 * 500 + 40 * 45, 8 * 500, 8, 40 * 45, 40),
                "audits that already cost more than their share: none this round");
        assertEquals(0, AuditTiles.forClickShare(0.1, 0, 8, 8 * 500, 8 * 500, 8, 0, 0), "no audit owed");
        assertEquals(11, AuditTiles.forClickShare(0.1, 1, 7, 0, 0, 0, 0, 0), "before anything: the first guess");
    }

    private static double auditShare(long auditClicks, long allClicks) {
        return auditClicks / (double) allClicks;
    }
}
