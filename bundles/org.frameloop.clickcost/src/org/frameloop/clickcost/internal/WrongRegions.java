package org.frameloop.clickcost.internal;

import org.frameloop.core.geometry.DouglasPeucker;
import org.frameloop.core.image.LabelImage;

/**
 * The regions a person must redraw to turn a proposal into the truth, inside one sample, and their
 * polygons' vertices (see {@code CorrectionClickCost} for the protocol). Plain Java on the sample's
 * bounding box.
 *
 * <p>How: a pixel is <em>wrong</em> when it belongs to the sample, its truth is a class (not ignored, not
 * unlabelled) and the proposal says something else. Wrong pixels of one true class form 8-connected
 * regions. A region's polygon follows its pixel-edge outline through the edges' midpoints (as the polygon
 * click model draws boundaries), simplified with Douglas-Peucker; each closed polygon has at least 3
 * vertices. A hole of a region (4-connected, as holes of 8-connected regions are) is drawn as a polygon
 * of its own only when it holds a pixel the region's polygon must not paint over: a pixel of another
 * true class. A hole holding only the region's own class or free pixels is painted over at no loss.
 * Not thread-safe; one instance per count.
 */
public final class WrongRegions {

    /** Cell value of a pixel that is not part of the count: outside the sample, ignored or unlabelled truth. */
    private static final int FREE = -1;

    /** Regions and polygon vertices of one sample's corrections. */
    public record Count(int regions, int vertices) {
    }

    private final int width;
    private final int height;
    private final double tolerancePx;
    /** True class of each cell of the framed box, or {@link #FREE}. */
    private final int[] truth;
    /** Whether each cell's proposal differs from its (class) truth. */
    private final boolean[] wrong;

    private WrongRegions(int boxWidth, int boxHeight, double tolerancePx) {
        this.width = boxWidth + 2;
        this.height = boxHeight + 2;
        this.tolerancePx = tolerancePx;
        this.truth = new int[width * height];
        this.wrong = new boolean[width * height];
        java.util.Arrays.fill(truth, FREE);
    }

    /**
     * @param pixelIndices the sample's pixels, row-major indices into the frame
     * @param tolerancePx  Douglas-Peucker tolerance of the polygons
     */
    public static Count count(LabelImage groundTruth, LabelImage proposal, int[] pixelIndices, int ignoreId,
            double tolerancePx) {
        int frameWidth = groundTruth.width();
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int index : pixelIndices) {
            minX = Math.min(minX, index % frameWidth);
            maxX = Math.max(maxX, index % frameWidth);
            minY = Math.min(minY, index / frameWidth);
            maxY = Math.max(maxY, index / frameWidth);
        }
        if (maxX < 0) {
            return new Count(0, 0);
        }
        WrongRegions regions = new WrongRegions(maxX - minX + 1, maxY - minY + 1, tolerancePx);
        byte[] truthIds = groundTruth.ids();
        byte[] proposed = proposal.ids();
        for (int index : pixelIndices) {
            int id = truthIds[index] & 0xFF;
            if (id == ignoreId || id == LabelImage.UNLABELED) {
                continue;
            }
            int cell = regions.cell(index % frameWidth - minX, index / frameWidth - minY);
            regions.truth[cell] = id;
            regions.wrong[cell] = (proposed[index] & 0xFF) != id;
        }
        return regions.countRegions();
    }

    /** Cell of box pixel (x, y); the box has a one-cell frame of free cells, so x may be -1..boxWidth. */
    private int cell(int x, int y) {
        return (y + 1) * width + x + 1;
    }

    private Count countRegions() {
        int[] region = new int[width * height];
        int[] queue = new int[width * height];
        int regions = 0;
        int vertices = 0;
        for (int start = 0; start < region.length; start++) {
            if (!wrong[start] || region[start] != 0) {
                continue;
            }
            regions++;
            int c = truth[start];
            // 8-connected flood fill of wrong cells of class c; the frame keeps neighbours in range
            int size = 0;
            queue[size++] = start;
            region[start] = regions;
            int minX = width;
            int minY = height;
            int maxX = -1;
            int maxY = -1;
            for (int head = 0; head < size; head++) {
                int cell = queue[head];
                int x = cell % width;
                int y = cell / width;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int next = cell + dy * width + dx;
                        if (wrong[next] && region[next] == 0 && truth[next] == c) {
                            region[next] = regions;
                            queue[size++] = next;
                        }
                    }
                }
            }
            int id = regions;
            vertices += outlineVertices(i -> region[i] == id, start, true);
            vertices += costlyHoleVertices(region, id, c, minX, minY, maxX, maxY);
        }
        return new Count(regions, vertices);
    }

    /**
     * Vertices of the region's holes that hold a pixel of another true class. Holes are the 4-connected
     * parts of the region's bounding box (grown by one cell) not in the region and not reachable from
     * the grown box's border.
     */
    private int costlyHoleVertices(int[] region, int id, int c, int minX, int minY, int maxX, int maxY) {
        if (maxX - minX < 2 || maxY - minY < 2) {
            return 0; // no room for a hole
        }
        int x0 = minX - 1;
        int y0 = minY - 1;
        int boxWidth = maxX - minX + 3;
        int boxHeight = maxY - minY + 3;
        // 0 = not yet visited, -1 = the region itself or outside, k > 0 = hole k
        int[] hole = new int[boxWidth * boxHeight];
        int[] queue = new int[boxWidth * boxHeight];
        for (int y = 0; y < boxHeight; y++) {
            for (int x = 0; x < boxWidth; x++) {
                if (region[(y0 + y) * width + x0 + x] == id) {
                    hole[y * boxWidth + x] = -1;
                }
            }
        }
        fill(hole, queue, boxWidth, boxHeight, 0, -1); // the box's corner is outside the region
        int vertices = 0;
        int holes = 0;
        for (int start = 0; start < hole.length; start++) {
            if (hole[start] != 0) {
                continue;
            }
            holes++;
            int size = fill(hole, queue, boxWidth, boxHeight, start, holes);
            boolean keepsAnotherClass = false;
            for (int i = 0; i < size && !keepsAnotherClass; i++) {
                int local = queue[i];
                int t = truth[(y0 + local / boxWidth) * width + x0 + local % boxWidth];
                keepsAnotherClass = t != FREE && t != c;
            }
            if (keepsAnotherClass) {
                int k = holes;
                int frameStart = (y0 + start / boxWidth) * width + x0 + start % boxWidth;
                vertices += outlineVertices(i -> {
                    int x = i % width - x0;
                    int y = i / width - y0;
                    return x >= 0 && y >= 0 && x < boxWidth && y < boxHeight && hole[y * boxWidth + x] == k;
                }, frameStart, false);
            }
        }
        return vertices;
    }

    /** 4-connected fill of the unvisited (0) cells from {@code start} with {@code value}; returns the cells in {@code queue}. */
    private static int fill(int[] cells, int[] queue, int boxWidth, int boxHeight, int start, int value) {
        int size = 0;
        queue[size++] = start;
        cells[start] = value;
        for (int head = 0; head < size; head++) {
            int cell = queue[head];
            int x = cell % boxWidth;
            int y = cell / boxWidth;
            if (x > 0 && cells[cell - 1] == 0) {
                cells[cell - 1] = value;
                queue[size++] = cell - 1;
            }
            if (x + 1 < boxWidth && cells[cell + 1] == 0) {
                cells[cell + 1] = value;
                queue[size++] = cell + 1;
            }
            if (y > 0 && cells[cell - boxWidth] == 0) {
                cells[cell - boxWidth] = value;
                queue[size++] = cell - boxWidth;
            }
            if (y + 1 < boxHeight && cells[cell + boxWidth] == 0) {
                cells[cell + boxWidth] = value;
                queue[size++] = cell + boxWidth;
            }
        }
        return size;
    }

    /**
     * Vertices of the simplified polygon around the outer boundary of a connected set of cells.
     *
     * @param inside       whether a cell of the framed box belongs to the set
     * @param first        the set's first cell in row-major order: its top edge starts the walk
     * @param eightConnected whether cells touching at a corner are connected (a region) or not (a hole)
     */
    private int outlineVertices(java.util.function.IntPredicate inside, int first, boolean eightConnected) {
        // Walk the pixel edges clockwise (inside on the right, y down) from the first cell's top-left corner.
        int startX = first % width;
        int startY = first / width;
        int cornerX = startX;
        int cornerY = startY;
        int dx = 1;
        int dy = 0;
        double[] midpoints = new double[64];
        int points = 0;
        int limit = 4 * (width + 1) * (height + 1);
        do {
            if (2 * points + 2 > midpoints.length) {
                midpoints = java.util.Arrays.copyOf(midpoints, midpoints.length * 2);
            }
            // in half pixels, so that the midpoints are integers
            midpoints[2 * points] = 2 * cornerX + dx;
            midpoints[2 * points + 1] = 2 * cornerY + dy;
            points++;
            cornerX += dx;
            cornerY += dy;
            int rightX = -dy;
            int rightY = dx;
            boolean aheadRight = insideAtQuadrant(inside, cornerX, cornerY, dx + rightX, dy + rightY);
            boolean aheadLeft = insideAtQuadrant(inside, cornerX, cornerY, dx - rightX, dy - rightY);
            if (aheadLeft && (aheadRight || eightConnected)) {
                int turned = dx; // turn left
                dx = dy;
                dy = -turned;
            } else if (!aheadRight) {
                int turned = dx; // turn right
                dx = -dy;
                dy = turned;
            }
        } while ((cornerX != startX || cornerY != startY || dx != 1 || dy != 0) && points < limit);
        double[] ring = java.util.Arrays.copyOf(midpoints, 2 * points);
        // crack coordinates are half pixels: the tolerance doubles with them
        return Math.max(3, DouglasPeucker.keptCount(ring, 2 * tolerancePx, true));
    }

    /** Whether the cell in quadrant (qx, qy), each ±1, of pixel corner (cornerX, cornerY) is inside. */
    private boolean insideAtQuadrant(java.util.function.IntPredicate inside, int cornerX, int cornerY, int qx, int qy) {
        int x = cornerX + (qx - 1) / 2;
        int y = cornerY + (qy - 1) / 2;
        return x >= 0 && y >= 0 && x < width && y < height && inside.test(y * width + x);
    }
}
