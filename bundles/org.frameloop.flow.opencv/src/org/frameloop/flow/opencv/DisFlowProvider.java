package org.frameloop.flow.opencv;

import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.registry.ParameterValues;
import org.frameloop.core.spi.Configurable;
import org.frameloop.core.spi.FlowProvider;
import org.frameloop.lib.opencv.OpenCvRuntime;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.video.DISOpticalFlow;

/**
 * Dense flow with OpenCV's DIS, computed both ways so that pixels whose round trip does not come back
 * (occluded in the second frame, or leaving it) are marked invalid. Thread-safe: each call builds its
 * own DIS instance, which is cheap next to the flow itself.
 */
public class DisFlowProvider implements FlowProvider, Configurable {

    private int preset = DISOpticalFlow.PRESET_MEDIUM;
    /**
     * The finest pyramid level DIS refines: 0 is full resolution (preset {@code fine}, the default); -1 keeps the
     * preset's own (medium stops at level 1, half resolution). At half resolution a pole or sign a few pixels
     * wide is blended with what surrounds it and takes its motion, and carried labels lose thin objects with it:
     * full resolution raised the synthetic suite's uniform keyframes from 0.80 to 0.85 mIoU after one round
     * (docs/benchmarks.md), for about 0.2 s more per frame pair at 240×180, computed once per video.
     */
    private int finestScale = 0;
    private double consistencyTolerancePx = 0.7;

    @Override
    public void configure(ParameterValues values) {
        preset = switch (values.getString("preset")) {
            case "ultrafast" -> DISOpticalFlow.PRESET_ULTRAFAST;
            case "fast" -> DISOpticalFlow.PRESET_FAST;
            default -> DISOpticalFlow.PRESET_MEDIUM;
        };
        finestScale = "fine".equals(values.getString("preset")) ? 0 : -1;
        consistencyTolerancePx = values.getDouble("consistencyTolerancePx");
    }

    @Override
    public OpticalFlow flow(RgbImage from, RgbImage to) {
        return flowBothWays(from, to)[0];
    }

    /** Both directions from one pair of DIS runs: the occlusion check needs both anyway. */
    @Override
    public OpticalFlow[] flowBothWays(RgbImage from, RgbImage to) {
        if (from.width() != to.width() || from.height() != to.height()) {
            throw new IllegalArgumentException("flow needs frames of one size, got " + from.width() + "x"
                    + from.height() + " and " + to.width() + "x" + to.height());
        }
        int width = from.width();
        int height = from.height();
        float[] forward = new float[width * height * 2];
        float[] backward = new float[width * height * 2];
        Mat a = toGray(from);
        Mat b = toGray(to);
        Mat flow = new Mat();
        try {
            DISOpticalFlow dis = DISOpticalFlow.create(preset);
            if (finestScale >= 0) {
                dis.setFinestScale(finestScale);
            }
            dis.calc(a, b, flow);
            flow.get(0, 0, forward);
            dis.calc(b, a, flow);
            flow.get(0, 0, backward);
        } finally {
            a.release();
            b.release();
            flow.release();
        }
        return new OpticalFlow[] { consistentFlow(width, height, forward, backward, consistencyTolerancePx),
                consistentFlow(width, height, backward, forward, consistencyTolerancePx) };
    }

    /** 8-bit grey Mat with ITU-R BT.601 luma of {@code image}; the caller releases it. */
    static Mat toGray(RgbImage image) {
        OpenCvRuntime.load();
        byte[] rgb = image.rgb();
        byte[] gray = new byte[image.pixelCount()];
        for (int i = 0, j = 0; i < gray.length; i++, j += 3) {
            int luma = (299 * (rgb[j] & 0xFF) + 587 * (rgb[j + 1] & 0xFF) + 114 * (rgb[j + 2] & 0xFF) + 500) / 1000;
            gray[i] = (byte) luma;
        }
        Mat mat = new Mat(image.height(), image.width(), CvType.CV_8UC1);
        mat.put(0, 0, gray);
        return mat;
    }

    /**
     * Splits interleaved (dx, dy) flow into an {@link OpticalFlow}, keeping a pixel valid when its forward
     * motion followed by the backward flow sampled at the landing point returns within tolerance
     * (squared round-trip error below 1% of the squared motions plus tolerance², after Sundaram et al. 2010).
     */
    static OpticalFlow consistentFlow(int width, int height, float[] forward, float[] backward, double tolerancePx) {
        int n = width * height;
        float[] dx = new float[n];
        float[] dy = new float[n];
        boolean[] valid = new boolean[n];
        double toleranceSquared = tolerancePx * tolerancePx;
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                float fx = forward[2 * i];
                float fy = forward[2 * i + 1];
                dx[i] = fx;
                dy[i] = fy;
                double tx = x + fx;
                double ty = y + fy;
                if (tx < 0 || ty < 0 || tx > width - 1 || ty > height - 1) {
                    continue;
                }
                double bx = bilinear(backward, width, height, tx, ty, 0);
                double by = bilinear(backward, width, height, tx, ty, 1);
                double ex = fx + bx;
                double ey = fy + by;
                double motion = fx * fx + fy * fy + bx * bx + by * by;
                valid[i] = ex * ex + ey * ey <= 0.01 * motion + toleranceSquared;
            }
        }
        return new OpticalFlow(width, height, dx, dy, valid);
    }

    private static double bilinear(float[] interleaved, int width, int height, double x, double y, int channel) {
        int x0 = Math.min((int) x, width - 2 < 0 ? 0 : width - 2);
        int y0 = Math.min((int) y, height - 2 < 0 ? 0 : height - 2);
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double wx = x - x0;
        double wy = y - y0;
        double top = (1 - wx) * interleaved[2 * (y0 * width + x0) + channel] + wx * interleaved[2 * (y0 * width + x1) + channel];
        double bottom = (1 - wx) * interleaved[2 * (y1 * width + x0) + channel] + wx * interleaved[2 * (y1 * width + x1) + channel];
        return (1 - wy) * top + wy * bottom;
    }
}
