package org.frameloop.editor.render;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.sample.Region;

/**
 * Blends a frame with its label layers into one RGB buffer (3 bytes per pixel, row-major, no padding),
 * which the editor wraps into an SWT ImageData once per change and then only scales while painting.
 * Human labels are blended at the chosen opacity, the model's at 60 % of it, so the person's work stands
 * out; the current sample's outline is burnt in for pixel-set samples (rectangles are drawn by the view).
 * Primitive arrays and per-class lookup tables only: about a millisecond per 480×360 frame.
 */
public final class OverlayRenderer {

    private static final int OUTLINE_RGB = 0xffe000;

    private final int[] classRgb = new int[256];
    private final boolean[] hasColour = new boolean[256];

    public OverlayRenderer(LabelMap labelMap) {
        for (LabelClass c : labelMap.classes()) {
            classRgb[c.id()] = c.rgb();
            hasColour[c.id()] = true;
        }
        labelMap.ignoreId().ifPresent(id -> {
            classRgb[id] = 0x000000;
            hasColour[id] = true;
        });
    }

    /**
     * @param human         human labels, or null to hide them
     * @param auto          automatic labels, or null to hide them
     * @param opacityPercent 0..100
     * @param outline       a region whose border is marked, or null
     * @param target        width × height × 3 bytes, reused between calls; allocated when null
     * @return {@code target}
     */
    public byte[] render(RgbImage frame, LabelImage human, LabelImage auto, int opacityPercent, Region outline,
            byte[] target) {
        return render(frame, 0, 100, human, auto, opacityPercent, outline, target);
    }

    /**
     * As {@link #render(RgbImage, LabelImage, LabelImage, int, Region, byte[])}, with the frame's brightness and
     * contrast changed first (dark footage): each channel becomes {@code (v - 128) * contrastPercent / 100 + 128 +
     * brightness}, clamped; the label colours stay as they are.
     *
     * @param brightness      added to every channel, -255..255
     * @param contrastPercent 100 leaves the frame as it is
     */
    public byte[] render(RgbImage frame, int brightness, int contrastPercent, LabelImage human, LabelImage auto,
            int opacityPercent, Region outline, byte[] target) {
        byte[] tone = new byte[256];
        for (int v = 0; v < 256; v++) {
            tone[v] = (byte) Math.max(0, Math.min(255, Math.round((v - 128) * contrastPercent / 100f) + 128 + brightness));
        }
        int n = frame.pixelCount();
        byte[] out = target != null && target.length == n * 3 ? target : new byte[n * 3];
        int humanAlpha = Math.round(opacityPercent * 256 / 100f);
        int autoAlpha = humanAlpha * 6 / 10;
        int[][] humanLut = lut(humanAlpha);
        int[][] autoLut = lut(autoAlpha);
        byte[] rgb = frame.rgb();
        byte[] h = human == null ? null : human.ids();
        byte[] a = auto == null ? null : auto.ids();
        for (int i = 0, j = 0; i < n; i++, j += 3) {
            int id = LabelImage.UNLABELED;
            int[][] table = null;
            if (h != null && (h[i] & 0xFF) != LabelImage.UNLABELED) {
                id = h[i] & 0xFF;
                table = humanLut;
            } else if (a != null && (a[i] & 0xFF) != LabelImage.UNLABELED) {
                id = a[i] & 0xFF;
                table = autoLut;
            }
            if (table == null || !hasColour[id]) {
                out[j] = tone[rgb[j] & 0xFF];
                out[j + 1] = tone[rgb[j + 1] & 0xFF];
                out[j + 2] = tone[rgb[j + 2] & 0xFF];
            } else {
                int keep = table[0][0];
                int[] add = table[id + 1];
                out[j] = (byte) (((tone[rgb[j] & 0xFF] & 0xFF) * keep + add[0]) >> 8);
                out[j + 1] = (byte) (((tone[rgb[j + 1] & 0xFF] & 0xFF) * keep + add[1]) >> 8);
                out[j + 2] = (byte) (((tone[rgb[j + 2] & 0xFF] & 0xFF) * keep + add[2]) >> 8);
            }
        }
        if (outline instanceof Region.PixelSet set) {
            markBorder(set, frame.width(), frame.height(), out);
        }
        return out;
    }

    /** Row 0: the kept share of the frame colour (fixed point /256); row id+1: the class colour times alpha. */
    private int[][] lut(int alpha) {
        int[][] table = new int[257][];
        table[0] = new int[] { 256 - alpha };
        for (int id = 0; id < 256; id++) {
            int c = classRgb[id];
            table[id + 1] = new int[] { (c >> 16 & 0xFF) * alpha, (c >> 8 & 0xFF) * alpha, (c & 0xFF) * alpha };
        }
        return table;
    }

    private static void markBorder(Region.PixelSet set, int width, int height, byte[] out) {
        for (int pixel : set.pixelIndices()) {
            int x = pixel % width;
            int y = pixel / width;
            boolean border = x == 0 || y == 0 || x == width - 1 || y == height - 1
                    || !set.contains(x - 1, y, width) || !set.contains(x + 1, y, width)
                    || !set.contains(x, y - 1, width) || !set.contains(x, y + 1, width);
            if (border) {
                int j = pixel * 3;
                out[j] = (byte) (OUTLINE_RGB >> 16);
                out[j + 1] = (byte) (OUTLINE_RGB >> 8);
                out[j + 2] = (byte) OUTLINE_RGB;
            }
        }
    }
}
