package org.frameloop.clickcost.internal;

import java.util.List;

import org.frameloop.clickcost.ClickCostBreakdown;
import org.frameloop.lib.opencv.MaskContours;
import org.frameloop.lib.opencv.MaskContours.Borders;
import org.frameloop.lib.opencv.MaskContours.Contour;
import org.frameloop.lib.opencv.OpenCvRuntime;
import org.opencv.core.MatOfPoint2f;
import org.opencv.imgproc.Imgproc;

/**
 * Counts the polygon clicks of one sample (see {@code PolygonClickCost} for the protocol).
 *
 * <p>How: the class boundaries are traced on the <em>crack grid</em> of the sample, a grid twice as fine as
 * the pixels whose even-even cells are pixel corners, odd-odd cells pixel centres and the others the unit
 * edges between pixels ("cracks"). A class's mask on that grid is the union of its pixels' closed squares
 * (3×3 cells each), so {@link MaskContours} ({@code findContours}) traces the exact pixel-edge outline of every region and
 * both regions along a shared boundary trace the same cells. Two 8-neighbouring pixels share a corner
 * cell, so the traced components are the 8-connected regions. findContours follows borders 8-connectedly
 * and so steps diagonally across concave corners; the skipped corner is put back, after which a contour
 * is a closed path of corners and edges, alternately.
 *
 * <p>Boundaries are then split into arcs at <em>junctions</em>: pixel corners on a class boundary where three
 * or more labels meet (classes, ignored, outside), or two labels meet crosswise. Each arc lies between
 * exactly two classes and is counted only from the contour of the smaller class id, so a shared boundary
 * is counted once. An arc's polyline runs from junction to junction through the <em>midpoints</em> of its
 * pixel edges (the 0.5 iso-line of the class mask, as marching squares draws it), not through the pixel
 * corners: the midpoints of any digital straight line lie within 1 px of a line, so at the default
 * tolerance a straight boundary at any angle needs no vertex, where the corners of a staircase would.
 * Arcs are simplified with {@link Imgproc#approxPolyDP} in a canonical direction, so the count does not
 * depend on which side traced them.
 *
 * <p>Native memory: every Mat is released before {@link #count} returns. Not thread-safe; one instance per count.
 */
public final class PolygonClickCounter {

    private final SampleLabels labels;
    private final int width;
    private final int height;
    private final double tolerancePx;
    /** Per pixel corner, (width + 1) × (height + 1): a junction on some class boundary. */
    private final boolean[] junctions;
    private final MatOfPoint2f curve = new MatOfPoint2f();
    private final MatOfPoint2f simplified = new MatOfPoint2f();

    private int regions;
    private int crossings;
    private int vertices;

    private PolygonClickCounter(SampleLabels labels, double tolerancePx) {
        this.labels = labels;
        this.width = labels.width();
        this.height = labels.height();
        this.tolerancePx = tolerancePx;
        this.junctions = new boolean[(width + 1) * (height + 1)];
    }

    /**
     * @param tolerancePx Douglas-Peucker tolerance: largest distance between a boundary and its polygon
     */
    public static ClickCostBreakdown count(SampleLabels labels, double tolerancePx) {
        OpenCvRuntime.load();
        PolygonClickCounter counter = new PolygonClickCounter(labels, tolerancePx);
        try {
            counter.countJunctions();
            counter.traceEveryClass();
        } finally {
            counter.curve.release();
            counter.simplified.release();
        }
        return new ClickCostBreakdown(counter.regions, counter.crossings, counter.vertices);
    }

    /** Marks the junctions and counts each once: on the sample's border it is a crossing, inside a vertex. */
    private void countJunctions() {
        for (int y = 0; y <= height; y++) {
            for (int x = 0; x <= width; x++) {
                int topLeft = labels.at(x - 1, y - 1);
                int topRight = labels.at(x, y - 1);
                int bottomLeft = labels.at(x - 1, y);
                int bottomRight = labels.at(x, y);
                boolean onClassBoundary = isClassBoundary(topLeft, topRight) || isClassBoundary(bottomLeft, bottomRight)
                        || isClassBoundary(topLeft, bottomLeft) || isClassBoundary(topRight, bottomRight);
                boolean crosswise = topLeft == bottomRight && topRight == bottomLeft;
                if (!onClassBoundary || (distinct(topLeft, topRight, bottomLeft, bottomRight) < 3 && !crosswise)) {
                    continue;
                }
                junctions[y * (width + 1) + x] = true;
                if (topLeft == SampleLabels.OUTSIDE || topRight == SampleLabels.OUTSIDE
                        || bottomLeft == SampleLabels.OUTSIDE || bottomRight == SampleLabels.OUTSIDE) {
                    crossings++;
                } else {
                    vertices++;
                }
            }
        }
    }

    /** A boundary that costs clicks: between two different classes, neither ignored nor outside. */
    private static boolean isClassBoundary(int a, int b) {
        return a >= 0 && b >= 0 && a != b;
    }

    private static int distinct(int a, int b, int c, int d) {
        int count = 1;
        if (b != a) {
            count++;
        }
        if (c != a && c != b) {
            count++;
        }
        if (d != a && d != b && d != c) {
            count++;
        }
        return count;
    }

    private void traceEveryClass() {
        int classCount = ClassBoxes.CLASS_IDS;
        ClassBoxes boxes = new ClassBoxes();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int label = labels.at(x, y);
                if (label >= 0) {
                    boxes.include(label, x, y);
                }
            }
        }
        int largestClass = -1;
        for (int c = 0; c < classCount; c++) {
            if (boxes.contains(c)) {
                largestClass = c;
            }
        }
        for (int c = 0; c < classCount; c++) {
            if (boxes.contains(c)) {
                traceClass(c, boxes, c < largestClass);
            }
        }
    }

    /**
     * Traces class {@code c} on the crack grid of its bounding box: counts its regions and, when a larger
     * class is present at all, the vertices of the boundary arcs it owns.
     */
    private void traceClass(int c, ClassBoxes boxes, boolean mayOwnArcs) {
        int minX = boxes.minX(c);
        int minY = boxes.minY(c);
        // Crack cells 2*minX .. 2*maxX+2, plus one empty cell each side so borders are traced, not clipped.
        int maskWidth = 2 * (boxes.maxX(c) - minX + 1) + 3;
        int maskHeight = 2 * (boxes.maxY(c) - minY + 1) + 3;
        byte[] cells = new byte[maskWidth * maskHeight];
        for (int y = minY; y <= boxes.maxY(c); y++) {
            for (int x = minX; x <= boxes.maxX(c); x++) {
                if (labels.at(x, y) == c) {
                    int topLeft = (2 * (y - minY) + 1) * maskWidth + 2 * (x - minX) + 1;
                    for (int row = 0; row < 3; row++) {
                        int cell = topLeft + row * maskWidth;
                        cells[cell] = 1;
                        cells[cell + 1] = 1;
                        cells[cell + 2] = 1;
                    }
                }
            }
        }
        List<Contour> contours = MaskContours.trace(cells, maskWidth, maskHeight, Borders.OUTER_AND_HOLES,
                2 * minX - 1, 2 * minY - 1);
        for (Contour contour : contours) {
            // Outer borders (no parent) are one per connected region.
            if (contour.parent() < 0) {
                regions++;
            }
            if (mayOwnArcs) {
                countOwnedArcs(c, contour.xy());
            }
        }
    }

    /** Splits one contour of class {@code c} at junctions and counts the vertices of the arcs {@code c} owns. */
    private void countOwnedArcs(int c, int[] traced) {
        int n = traced.length / 2;
        // The closed crack path: pixel corners and the edges between them, alternately.
        int[] pathX = new int[2 * n];
        int[] pathY = new int[2 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int x = traced[2 * i];
            int y = traced[2 * i + 1];
            int nextX = traced[2 * ((i + 1) % n)];
            int nextY = traced[2 * ((i + 1) % n) + 1];
            pathX[m] = x;
            pathY[m] = y;
            m++;
            if (x != nextX && y != nextY) {
                // A diagonal step between two edges skips the pixel corner between them: put it back.
                boolean cornerBelowOrAbove = (nextX & 1) == 0;
                pathX[m] = cornerBelowOrAbove ? nextX : x;
                pathY[m] = cornerBelowOrAbove ? y : nextY;
                m++;
            }
        }
        int start = -1;
        for (int k = 0; k < m && start < 0; k++) {
            if (isCorner(pathX[k], pathY[k]) && isJunction(pathX[k], pathY[k])) {
                start = k;
            }
        }
        Polyline line = new Polyline(m + 1);
        if (start < 0) {
            // An island: its boundary meets no junction, so it lies between c and one other class all along.
            for (int k = 0; k < m; k++) {
                if (!isCorner(pathX[k], pathY[k])) {
                    if (!isOwnedEdge(c, pathX[k], pathY[k])) {
                        return;
                    }
                    line.add(pathX[k], pathY[k]);
                }
            }
            vertices += closedPolygonVertices(line);
            return;
        }
        boolean inArc = false;
        for (int step = 0; step <= m; step++) {
            int k = (start + step) % m;
            int x = pathX[k];
            int y = pathY[k];
            if (!isCorner(x, y)) {
                if (inArc && isOwnedEdge(c, x, y)) {
                    line.add(x, y);
                } else {
                    inArc = false; // cannot happen between junctions; a surprise costs accuracy, not a crash
                }
            } else if (isJunction(x, y)) {
                if (inArc) {
                    line.add(x, y);
                    vertices += arcVertices(line);
                    inArc = false;
                }
                int next = (k + 1) % m;
                if (step < m && isOwnedEdge(c, pathX[next], pathY[next])) {
                    line.clear();
                    line.add(x, y);
                    inArc = true;
                }
            }
            // Other corners are not polyline points: the boundary runs through the edges' midpoints.
        }
    }

    private static boolean isCorner(int crackX, int crackY) {
        return ((crackX | crackY) & 1) == 0;
    }

    private boolean isJunction(int crackX, int crackY) {
        return junctions[(crackY >> 1) * (width + 1) + (crackX >> 1)];
    }

    /**
     * Whether the pixel edge at crack cell (crackX, crackY) separates {@code c} from a larger class, which
     * makes it {@code c}'s to count.
     */
    private boolean isOwnedEdge(int c, int crackX, int crackY) {
        int x = crackX >> 1;
        int y = crackY >> 1;
        int one;
        int other;
        if ((crackX & 1) == 1 && (crackY & 1) == 0) {
            one = labels.at(x, y - 1); // a horizontal edge: the pixels above and below it
            other = labels.at(x, y);
        } else if ((crackX & 1) == 0 && (crackY & 1) == 1) {
            one = labels.at(x - 1, y); // a vertical edge: the pixels left and right of it
            other = labels.at(x, y);
        } else {
            throw new IllegalStateException("the contour of class " + c + " passes crack cell (" + crackX + ", "
                    + crackY + "), which is no pixel edge");
        }
        return isClassBoundary(one, other) && Math.min(one, other) == c;
    }

    /**
     * Vertices strictly between the ends of an arc (junction, edge midpoints..., junction); the ends are
     * counted once by {@link #countJunctions}.
     */
    private int arcVertices(Polyline arc) {
        int last = arc.size() - 1;
        if (arc.key(0) == arc.key(last)) {
            return loopVertices(arc);
        }
        if (arc.key(last) < arc.key(0)) {
            arc.reverse(); // one canonical direction, so that either side of the boundary would count the same
        }
        return interiorVertices(arc, 0, arc.size());
    }

    /**
     * An arc that leaves a junction and comes back to it: split at its point farthest from the junction,
     * which is a vertex, and simplify both halves; at least two vertices, so that it encloses an area.
     */
    private int loopVertices(Polyline loop) {
        int last = loop.size() - 1;
        if (loop.key(last - 1) < loop.key(1)) {
            loop.reverse();
        }
        int farthest = 0;
        long farthestSquared = -1;
        for (int i = 0; i <= last; i++) {
            long dx = loop.x(i) - loop.x(0);
            long dy = loop.y(i) - loop.y(0);
            if (dx * dx + dy * dy > farthestSquared) {
                farthestSquared = dx * dx + dy * dy;
                farthest = i;
            }
        }
        int interior = 1 + interiorVertices(loop, 0, farthest + 1) + interiorVertices(loop, farthest, last - farthest + 1);
        return Math.max(2, interior);
    }

    /** Douglas-Peucker vertices of the open polyline {@code from .. from + count - 1}, not counting its ends. */
    private int interiorVertices(Polyline line, int from, int count) {
        if (count <= 2) {
            return 0;
        }
        boolean sameX = true;
        boolean sameY = true;
        for (int i = from + 1; i < from + count && (sameX || sameY); i++) {
            sameX &= line.x(i) == line.x(from);
            sameY &= line.y(i) == line.y(from);
        }
        if (sameX || sameY) {
            return 0; // a straight axis-aligned run: nothing between its ends
        }
        return simplifiedPointCount(line, from, count, false) - 2;
    }

    /**
     * A boundary that closes on itself without meeting a junction (an island inside one other region):
     * a polygon of at least three vertices, simplified from a canonical start point and direction.
     */
    private int closedPolygonVertices(Polyline ring) {
        int size = ring.size();
        int start = 0;
        for (int i = 1; i < size; i++) {
            if (ring.key(i) < ring.key(start)) {
                start = i;
            }
        }
        ring.rotate(start);
        if (ring.key(size - 1) < ring.key(1)) {
            ring.reverse();
            ring.rotate(size - 1);
        }
        return Math.max(3, simplifiedPointCount(ring, 0, size, true));
    }

    private int simplifiedPointCount(Polyline line, int from, int count, boolean closed) {
        float[] coordinates = new float[2 * count];
        for (int i = 0; i < count; i++) {
            coordinates[2 * i] = line.x(from + i);
            coordinates[2 * i + 1] = line.y(from + i);
        }
        curve.alloc(count);
        curve.put(0, 0, coordinates);
        // Crack coordinates are half pixels: the tolerance doubles with them.
        Imgproc.approxPolyDP(curve, simplified, 2 * tolerancePx, closed);
        return (int) simplified.total();
    }

    /** Points in crack coordinates, with a total order ({@link #key}) for canonical starts and directions. */
    private final class Polyline {
        private int[] xs;
        private int[] ys;
        private int size;

        Polyline(int capacity) {
            xs = new int[capacity];
            ys = new int[capacity];
        }

        void add(int crackX, int crackY) {
            xs[size] = crackX;
            ys[size] = crackY;
            size++;
        }

        void clear() {
            size = 0;
        }

        int size() {
            return size;
        }

        int x(int i) {
            return xs[i];
        }

        int y(int i) {
            return ys[i];
        }

        long key(int i) {
            return (long) ys[i] * (2 * width + 1) + xs[i];
        }

        void reverse() {
            for (int i = 0, j = size - 1; i < j; i++, j--) {
                int x = xs[i];
                xs[i] = xs[j];
                xs[j] = x;
                int y = ys[i];
                ys[i] = ys[j];
                ys[j] = y;
            }
        }

        /** Makes point {@code start} the first, keeping the cyclic order. */
        void rotate(int start) {
            int[] rotatedX = new int[xs.length];
            int[] rotatedY = new int[ys.length];
            for (int i = 0; i < size; i++) {
                rotatedX[i] = xs[(start + i) % size];
                rotatedY[i] = ys[(start + i) % size];
            }
            xs = rotatedX;
            ys = rotatedY;
        }
    }

    /** Bounding box of each class id present in the sample. */
    private static final class ClassBoxes {
        static final int CLASS_IDS = 255;
        private final int[] minX = new int[CLASS_IDS];
        private final int[] minY = new int[CLASS_IDS];
        private final int[] maxX = new int[CLASS_IDS];
        private final int[] maxY = new int[CLASS_IDS];

        ClassBoxes() {
            java.util.Arrays.fill(minX, Integer.MAX_VALUE);
            java.util.Arrays.fill(minY, Integer.MAX_VALUE);
            java.util.Arrays.fill(maxX, -1);
            java.util.Arrays.fill(maxY, -1);
        }

        void include(int c, int x, int y) {
            minX[c] = Math.min(minX[c], x);
            minY[c] = Math.min(minY[c], y);
            maxX[c] = Math.max(maxX[c], x);
            maxY[c] = Math.max(maxY[c], y);
        }

        boolean contains(int c) {
            return maxX[c] >= 0;
        }

        int minX(int c) {
            return minX[c];
        }

        int minY(int c) {
            return minY[c];
        }

        int maxX(int c) {
            return maxX[c];
        }

        int maxY(int c) {
            return maxY[c];
        }
    }
}
