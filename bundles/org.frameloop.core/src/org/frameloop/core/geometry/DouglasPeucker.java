package org.frameloop.core.geometry;

/**
 * Douglas-Peucker polyline simplification (Ramer 1972, Douglas and Peucker 1973) on plain coordinate
 * arrays: keeps the fewest points such that every dropped point lies within {@code tolerance} of the
 * segment between the kept points around it. Used where a mask becomes a polygon (exports) and where a
 * polygon's clicks are counted (click models), so both simplify alike.
 *
 * <p>A closed ring is first split at point 0 and at the point farthest from it (both kept), and each half
 * is simplified as an open polyline; this is what OpenCV's {@code approxPolyDP} does for a closed curve
 * up to its choice of the first point. Iterative, so a contour of a million points needs no deep stack.
 * Stateless and thread-safe.
 */
public final class DouglasPeucker {

    private DouglasPeucker() {
    }

    /**
     * Which points of a polyline the simplification keeps.
     *
     * @param xy        x0, y0, x1, y1, ...: at least one point
     * @param tolerance the largest distance a dropped point may have from the simplified line, &gt;= 0
     * @param closed    whether the last point connects back to the first (a ring: do not repeat point 0)
     * @return a mask, one entry per point: true where the point is kept. An open line keeps both ends; a
     *         ring keeps at least point 0 and its farthest point (fewer only when it has fewer points)
     */
    public static boolean[] keep(double[] xy, double tolerance, boolean closed) {
        if (xy.length % 2 != 0 || xy.length == 0) {
            throw new IllegalArgumentException("coordinates come in x, y pairs, at least one point; got " + xy.length
                    + " numbers");
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be a finite number >= 0, was " + tolerance);
        }
        int n = xy.length / 2;
        boolean[] kept = new boolean[n];
        kept[0] = true;
        if (n == 1) {
            return kept;
        }
        if (!closed) {
            kept[n - 1] = true;
            simplify(xy, 0, n - 1, n, tolerance, kept);
            return kept;
        }
        int farthest = 0;
        double farthestSquared = -1;
        for (int i = 1; i < n; i++) {
            double dx = xy[2 * i] - xy[0];
            double dy = xy[2 * i + 1] - xy[1];
            if (dx * dx + dy * dy > farthestSquared) {
                farthestSquared = dx * dx + dy * dy;
                farthest = i;
            }
        }
        kept[farthest] = true;
        simplify(xy, 0, farthest, n, tolerance, kept);
        simplify(xy, farthest, n, n, tolerance, kept); // back to point 0, which index n stands for
        return kept;
    }

    /** The simplified polyline's coordinates: {@link #keep}'s points, in order. */
    public static double[] simplify(double[] xy, double tolerance, boolean closed) {
        boolean[] kept = keep(xy, tolerance, closed);
        double[] result = new double[2 * count(kept)];
        for (int i = 0, k = 0; i < kept.length; i++) {
            if (kept[i]) {
                result[k++] = xy[2 * i];
                result[k++] = xy[2 * i + 1];
            }
        }
        return result;
    }

    /** How many points {@link #keep} keeps: the vertex count of the simplified polyline or ring. */
    public static int keptCount(double[] xy, double tolerance, boolean closed) {
        return count(keep(xy, tolerance, closed));
    }

    private static int count(boolean[] kept) {
        int count = 0;
        for (boolean k : kept) {
            if (k) {
                count++;
            }
        }
        return count;
    }

    /**
     * Splits segments at their farthest point while it lies beyond the tolerance; indices are taken
     * modulo {@code n}, so that {@code last == n} is point 0 again.
     */
    private static void simplify(double[] xy, int first, int last, int n, double tolerance, boolean[] kept) {
        double toleranceSquared = tolerance * tolerance;
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = first;
        stack[top++] = last;
        while (top > 0) {
            int end = stack[--top];
            int start = stack[--top];
            if (end - start < 2) {
                continue;
            }
            double ax = xy[2 * (start % n)];
            double ay = xy[2 * (start % n) + 1];
            double bx = xy[2 * (end % n)];
            double by = xy[2 * (end % n) + 1];
            int farthest = -1;
            double farthestSquared = toleranceSquared;
            for (int i = start + 1; i < end; i++) {
                double d = distanceSquared(xy[2 * i], xy[2 * i + 1], ax, ay, bx, by);
                if (d > farthestSquared) {
                    farthestSquared = d;
                    farthest = i;
                }
            }
            if (farthest < 0) {
                continue;
            }
            kept[farthest] = true;
            if (top + 4 > stack.length) {
                stack = java.util.Arrays.copyOf(stack, stack.length * 2);
            }
            stack[top++] = start;
            stack[top++] = farthest;
            stack[top++] = farthest;
            stack[top++] = end;
        }
    }

    /** Squared distance from (px, py) to the segment a-b (to a itself when a == b). */
    private static double distanceSquared(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double ex = px - (ax + t * dx);
        double ey = py - (ay + t * dy);
        return ex * ex + ey * ey;
    }
}
