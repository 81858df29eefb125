package org.frameloop.core.quality;

import java.util.ArrayList;
import java.util.List;

import org.frameloop.core.sample.Region;

/**
 * What audits are drawn from when a run's samples are whole frames: the tiles of a {@value #GRID}×{@value #GRID}
 * grid over each frame, {@value #MOST} for every whole-frame audit the audit share owes, each from another stretch
 * of the video, then as many of them as keep the audits within the share of the clicks ({@link #affordable}).
 * <p>
 * Why tiles: a run at the default share owes about one audit frame per round, and one frame's error ratio differs
 * from the next one's by a factor of several, so the estimate swung with whichever frame was drawn (Seq05VD: off
 * by 0.13 in a round). Tiles from a dozen places in the video measure the video rather than one frame: the bench's
 * mean error of the estimate from round 2 on fell from 0.059 to 0.033 on Seq05VD and from 0.020 to 0.012 on the
 * synthetic suite (docs/benchmarks.md). Why priced: what a tile costs varies by a factor of two or more between
 * videos and rounds (the draw favours tiles whose labels look wrong, where outlines are many), so a count from the
 * mean cost so far put the audits at 10.4-12% of the clicks at a 10% share.
 */
public final class AuditTiles {

    /** Tiles per side of a frame. */
    static final int GRID = 4;
    /** Tiles drawn per owed whole-frame audit before {@link #affordable} trims them: a whole frame's area. */
    public static final int MOST = GRID * GRID;

    private AuditTiles() {
    }

    /**
     * How many of the drawn tiles, in the order given, keep the audits within {@code share} of all clicks: the
     * audits' clicks so far plus those tiles' against all clicks so far plus this round's chosen samples plus
     * those tiles (each tile and the chosen samples priced before anyone labels them).
     */
    public static int affordable(double share, long allClicks, long auditClicks, long chosenClicks, long[] tileClicks) {
        long tiles = 0;
        int k = 0;
        for (; k < tileClicks.length; k++) {
            long next = tiles + tileClicks[k];
            if (auditClicks + next > share * (allClicks + chosenClicks + next)) {
                break;
            }
            tiles = next;
        }
        return k;
    }

    /** The tiles of a {@code width}×{@code height} frame, row by row; they cover it exactly. */
    public static List<Region> of(int width, int height) {
        int columns = Math.min(GRID, width);
        int rows = Math.min(GRID, height);
        List<Region> tiles = new ArrayList<>(rows * columns);
        for (int r = 0; r < rows; r++) {
            int y0 = r * height / rows;
            int y1 = (r + 1) * height / rows;
            for (int c = 0; c < columns; c++) {
                int x0 = c * width / columns;
                int x1 = (c + 1) * width / columns;
                tiles.add(new Region.Rectangle(x0, y0, x1 - x0, y1 - y0));
            }
        }
        return List.copyOf(tiles);
    }
}
