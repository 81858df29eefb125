package org.frameloop.core.quality;

import java.util.ArrayList;
import java.util.List;

import org.frameloop.core.sample.Region;

/**
 * What audits are drawn from when a run's samples are whole frames: the tiles of a {@value #GRID}×{@value #GRID}
 * grid over each frame, as many for every whole-frame audit the audit share owes as cost about one frame's
 * clicks in this video ({@link #perFrameAudit}), each from another stretch of the video.
 * <p>
 * Why: a run at the default share owes about one audit frame per round, and one frame's error ratio differs
 * from the next one's by a factor of several, so the estimate swung with whichever frame was drawn (Seq05VD: off
 * by 0.13 in a round). Tiles from a dozen places in the video measure the video rather than one frame: the bench's
 * mean error of the estimate from round 2 on fell from 0.059 to 0.033 on Seq05VD and from 0.020 to 0.012 on the
 * synthetic suite (docs/benchmarks.md). A tile costs more than its share of a frame (at least one click, and the
 * polygons its edges cut): sixteen cost 1.45 frames on Seq05VD and 1.9 on the synthetic suite, so the count
 * follows the clicks.
 */
public final class AuditTiles {

    /** Tiles per side of a frame. */
    static final int GRID = 4;
    /** The most tiles per owed frame audit: a whole frame's area. */
    static final int MOST = GRID * GRID;
    /** The fewest, so that a video with costly tiles still samples several places. */
    static final int FEWEST = 4;
    /** Before any tile or frame was labelled: sixteen tiles costing about 1.45 frames (Seq05VD). */
    static final int FIRST_GUESS = 11;

    private AuditTiles() {
    }

    /**
     * Tiles that cost about one whole frame, from what this video's labelled frames and tiles cost so far
     * (mean clicks of a frame over mean clicks of a tile), between {@value #FEWEST} and {@value #MOST}.
     */
    public static int perFrameAudit(long frameClicks, int frames, long tileClicks, int tiles) {
        if (frames == 0 || tiles == 0) {
            return FIRST_GUESS;
        }
        if (tileClicks == 0) {
            return MOST;
        }
        double tilesPerFrame = (frameClicks / (double) frames) / (tileClicks / (double) tiles);
        return (int) Math.max(FEWEST, Math.min(MOST, Math.round(tilesPerFrame)));
    }

    /**
     * Tiles for {@code owedFrames} whole-frame audits such that all audits so far and these cost at most
     * {@code share} of all clicks, those of this round's {@code chosenFrames} frames included, at the mean
     * costs of a frame and of a tile in this video so far ({@link #perFrameAudit}'s first guess before any): a
     * round after rounds without audits draws more (up to {@value #MOST} per owed frame), one after costly
     * tiles fewer, none when the audits already cost their share. The tiles are taken to be the audits: in a
     * run of whole frames nothing else is a rectangle.
     */
    public static int forClickShare(double share, int owedFrames, int chosenFrames, long allClicks, long frameClicks,
            int frames, long tileClicks, int tiles) {
        if (owedFrames <= 0) {
            return 0;
        }
        if (frames == 0 || frameClicks == 0 || (tiles > 0 && tileClicks == 0)) {
            return owedFrames * perFrameAudit(frameClicks, frames, tileClicks, tiles);
        }
        double frame = frameClicks / (double) frames;
        double tile = tiles == 0 ? frame / FIRST_GUESS : tileClicks / (double) tiles;
        // a·tile ≤ share·(allClicks + chosen·frame + a·tile) − tileClicks, solved for a
        double affordable = (share * (allClicks + chosenFrames * frame) - tileClicks) / ((1 - share) * tile);
        return (int) Math.max(0, Math.min(owedFrames * MOST, Math.floor(affordable + 1e-9)));
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
