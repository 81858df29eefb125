package org.frameloop.lib.opencv;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;

/**
 * The one mask-to-contour tracer: the borders of a binary mask's regions as OpenCV's {@code findContours}
 * follows them (Suzuki-Abe, 8-connected regions, every border pixel kept), in plain arrays. The CVAT export
 * ({@code io}) turns them into polygons; the polygon click-cost model ({@code clickcost}) counts the
 * vertices of boundaries traced on a grid twice as fine as the pixels. Native memory is released before
 * {@link #trace} returns.
 */
public final class MaskContours {

    /** Which borders {@link #trace} returns. */
    public enum Borders {
        /** The outer border of each region only ({@code RETR_EXTERNAL}). */
        OUTER,
        /** Outer borders and the borders of their holes ({@code RETR_CCOMP}); a hole's parent is its region's outer border. */
        OUTER_AND_HOLES
    }

    /**
     * One border.
     *
     * @param xy     x0, y0, x1, y1, ...: the border pixels in tracing order, shifted by the offset
     * @param parent index of the enclosing outer border for a hole, -1 for an outer border
     */
    public record Contour(int[] xy, int parent) {

        public int pointCount() {
            return xy.length / 2;
        }

        /** The area the closed polygon through the points encloses (shoelace, exact for integer points). */
        public double area() {
            int n = pointCount();
            long twice = 0;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                twice += (long) xy[2 * j] * xy[2 * i + 1] - (long) xy[2 * j + 1] * xy[2 * i];
            }
            return Math.abs(twice) / 2.0;
        }
    }

    private MaskContours() {
    }

    /**
     * @param mask    row-major, {@code width × height}; non-zero bytes are inside
     * @param offsetX added to every x (e.g. where the mask lies in a larger grid)
     * @param offsetY added to every y
     */
    public static List<Contour> trace(byte[] mask, int width, int height, Borders borders, int offsetX, int offsetY) {
        if (mask.length != width * height) {
            throw new IllegalArgumentException("a " + width + "x" + height + " mask needs " + width * height
                    + " bytes, got " + mask.length);
        }
        OpenCvRuntime.load();
        Mat image = new Mat(height, width, CvType.CV_8UC1);
        Mat hierarchy = new Mat();
        List<MatOfPoint> traced = new ArrayList<>();
        try {
            image.put(0, 0, mask);
            Imgproc.findContours(image, traced, hierarchy,
                    borders == Borders.OUTER ? Imgproc.RETR_EXTERNAL : Imgproc.RETR_CCOMP, Imgproc.CHAIN_APPROX_NONE,
                    new Point(offsetX, offsetY));
            int[] links = new int[4 * traced.size()];
            if (!traced.isEmpty()) {
                hierarchy.get(0, 0, links);
            }
            List<Contour> contours = new ArrayList<>(traced.size());
            for (int i = 0; i < traced.size(); i++) {
                MatOfPoint points = traced.get(i);
                int[] xy = new int[2 * (int) points.total()];
                points.get(0, 0, xy);
                contours.add(new Contour(xy, links[4 * i + 3]));
            }
            return contours;
        } finally {
            image.release();
            hierarchy.release();
            for (MatOfPoint points : traced) {
                points.release();
            }
        }
    }
}
