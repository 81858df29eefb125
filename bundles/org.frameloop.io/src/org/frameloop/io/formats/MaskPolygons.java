package org.frameloop.io.formats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.frameloop.core.geometry.DouglasPeucker;
import org.frameloop.core.image.LabelImage;
import org.frameloop.lib.opencv.MaskContours;
import org.frameloop.lib.opencv.MaskContours.Borders;
import org.frameloop.lib.opencv.MaskContours.Contour;
import org.frameloop.lib.opencv.OpenCvRuntime;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Label masks to polygons and back, on OpenCV: the outer contour of each connected region of one class
 * ({@link MaskContours}, outer borders, vertices on the boundary pixels' centres), simplified with
 * Douglas-Peucker ({@link DouglasPeucker}) to {@code tolerancePx}, as CVAT's dataset layer (Datumaro's
 * {@code mask_to_polygons}) turns a mask into polygons. Regions of fewer than {@code minAreaPx} pixels
 * (specks, counted with the holes they enclose) become no polygon, as Datumaro's {@code area_threshold}
 * drops them; a region thinner than the tolerance keeps its exact outline rather than collapse below
 * three vertices, and a straight one-pixel line, whose outline has but two, becomes no polygon (CVAT
 * holds none with fewer than three points). Polygons carry no holes: a region inside another is painted after it, because polygons
 * are ordered by decreasing area (their {@code z_order}) and {@link #paint} fills them in that order.
 * What this loses: unlabeled (255) holes inside a region are filled with the region's class, each vertex
 * may move by up to {@code tolerancePx}, and a dropped speck takes the class of the region around it
 * (unlabeled where none is).
 */
final class MaskPolygons {

    /** One polygon of one class; {@code xy} holds x0, y0, x1, y1, ... in pixel-centre coordinates. */
    record Polygon(int classId, double[] xy, double area) {
    }

    private MaskPolygons() {
    }

    /**
     * @param tolerancePx Douglas-Peucker tolerance, 0 for the exact outline
     * @param minAreaPx   regions of fewer pixels are dropped; 1 keeps every region
     */
    static List<Polygon> polygons(LabelImage labels, int[] classIds, double tolerancePx, int minAreaPx) {
        byte[] ids = labels.ids();
        List<Polygon> polygons = new ArrayList<>();
        byte[] binary = new byte[ids.length];
        int[] count = new int[256];
        for (byte id : ids) {
            count[id & 0xFF]++;
        }
        for (int classId : classIds) {
            if (count[classId] == 0) {
                continue;
            }
            for (int i = 0; i < ids.length; i++) {
                binary[i] = (byte) ((ids[i] & 0xFF) == classId ? 1 : 0);
            }
            for (Contour contour : MaskContours.trace(binary, labels.width(), labels.height(), Borders.OUTER, 0, 0)) {
                // Pick's theorem: the pixels a contour through pixel centres encloses, its own included
                // (exact for one-pixel-wide parts too, whose outline is walked there and back)
                double pixels = contour.area() + contour.pointCount() / 2.0 + 1;
                double[] xy = pixels >= minAreaPx ? simplify(contour, tolerancePx) : null;
                if (xy != null && xy.length >= 6) {
                    polygons.add(new Polygon(classId, xy, pixels));
                }
            }
        }
        polygons.sort(Comparator.comparingDouble(Polygon::area).reversed());
        return polygons;
    }

    private static double[] simplify(Contour contour, double tolerancePx) {
        int[] points = contour.xy();
        double[] xy = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            xy[i] = points[i];
        }
        double[] simplified = DouglasPeucker.simplify(xy, tolerancePx, true);
        return simplified.length >= 6 ? simplified : DouglasPeucker.simplify(xy, 0, true);
    }

    /** Fills {@code polygons} into {@code labels} in the given order (later ones on top). */
    static void paint(LabelImage labels, List<Polygon> polygons) {
        OpenCvRuntime.load();
        Mat canvas = new Mat(labels.height(), labels.width(), CvType.CV_8UC1);
        try {
            canvas.put(0, 0, labels.ids());
            for (Polygon polygon : polygons) {
                Point[] points = new Point[polygon.xy().length / 2];
                for (int p = 0; p < points.length; p++) {
                    points[p] = new Point(Math.round(polygon.xy()[2 * p]), Math.round(polygon.xy()[2 * p + 1]));
                }
                MatOfPoint outline = new MatOfPoint(points);
                Imgproc.fillPoly(canvas, List.of(outline), new Scalar(polygon.classId()));
                outline.release();
            }
            canvas.get(0, 0, labels.ids());
        } finally {
            canvas.release();
        }
    }
}
