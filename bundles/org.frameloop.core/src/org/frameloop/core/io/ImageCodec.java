package org.frameloop.core.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;

/**
 * Reads frames (PNG, JPEG, BMP) and reads/writes 8-bit label PNGs with the JDK's ImageIO. Label PNGs
 * are written indexed with the label map's colours as palette (VOC convention: the pixel value is the
 * class id, viewers show the class colour; 255 = unlabeled shows white).
 */
public final class ImageCodec {

    private ImageCodec() {
    }

    /**
     * @throws IOException naming the file when it is missing, not an image, or corrupt
     */
    public static RgbImage readRgb(Path file) throws IOException {
        BufferedImage image = read(file);
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgb = new byte[width * height * 3];
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < rgb.length; i += 3) {
                rgb[i] = bgr[i + 2];
                rgb[i + 1] = bgr[i + 1];
                rgb[i + 2] = bgr[i];
            }
        } else {
            int[] row = new int[width];
            for (int y = 0; y < height; y++) {
                image.getRGB(0, y, width, 1, row, 0, width);
                for (int x = 0; x < width; x++) {
                    int i = (y * width + x) * 3;
                    rgb[i] = (byte) (row[x] >> 16);
                    rgb[i + 1] = (byte) (row[x] >> 8);
                    rgb[i + 2] = (byte) row[x];
                }
            }
        }
        return new RgbImage(width, height, rgb);
    }

    /**
     * Reads a label PNG whose pixel values are class ids: 8-bit greyscale (CamVid, Cityscapes ids) or
     * indexed (VOC palette PNGs, where the index is the id).
     *
     * @throws IOException naming the file when it is not a single-channel 8-bit image
     */
    public static LabelImage readLabels(Path file) throws IOException {
        return labels(read(file), file.toString());
    }

    /**
     * Reads label PNG bytes (a database column, say) as {@link #readLabels(Path)} reads a file.
     *
     * @param source names the bytes in messages (a table and frame)
     * @throws IOException naming {@code source} when the bytes are not a single-channel 8-bit image
     */
    public static LabelImage decodeLabels(byte[] png, String source) throws IOException {
        BufferedImage image;
        try {
            image = ImageIO.read(new java.io.ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            throw new IOException(source + ": cannot be decoded as a label image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new IOException(source + ": not an image");
        }
        return labels(image, source);
    }

    private static LabelImage labels(BufferedImage image, String source) throws IOException {
        Raster raster = image.getRaster();
        boolean singleByteBand = raster.getNumBands() == 1 && raster.getSampleModel().getSampleSize(0) <= 8;
        if (!singleByteBand) {
            throw new IOException(source + ": a label image must be 8-bit greyscale or indexed (pixel value = class id), "
                    + "but it has " + raster.getNumBands() + " channel(s) of " + raster.getSampleModel().getSampleSize(0)
                    + " bits");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] samples = raster.getSamples(0, 0, width, height, 0, (int[]) null);
        byte[] ids = new byte[samples.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (byte) samples[i];
        }
        return new LabelImage(width, height, ids);
    }

    /** Writes {@code labels} as an indexed PNG whose palette shows each class in its label-map colour. */
    public static void writeLabels(Path file, LabelImage labels, LabelMap labelMap) throws IOException {
        writePng(file, indexed(labels, labelMap));
    }

    /** The PNG bytes {@link #writeLabels} would write, for a store that is not a folder. */
    public static byte[] encodeLabels(LabelImage labels, LabelMap labelMap) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (!ImageIO.write(indexed(labels, labelMap), "png", out)) {
            throw new IOException("no PNG writer available in this JVM");
        }
        return out.toByteArray();
    }

    private static BufferedImage indexed(LabelImage labels, LabelMap labelMap) {
        byte[] red = new byte[256];
        byte[] green = new byte[256];
        byte[] blue = new byte[256];
        java.util.Arrays.fill(red, (byte) 255);
        java.util.Arrays.fill(green, (byte) 255);
        java.util.Arrays.fill(blue, (byte) 255);
        for (LabelClass c : labelMap.classes()) {
            red[c.id()] = (byte) (c.rgb() >> 16);
            green[c.id()] = (byte) (c.rgb() >> 8);
            blue[c.id()] = (byte) c.rgb();
        }
        labelMap.ignoreId().ifPresent(id -> {
            red[id] = 0;
            green[id] = 0;
            blue[id] = 0;
        });
        IndexColorModel palette = new IndexColorModel(8, 256, red, green, blue);
        BufferedImage image = new BufferedImage(labels.width(), labels.height(), BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(labels.ids(), 0, data, 0, data.length);
        return image;
    }

    /** Writes an RGB frame as PNG. */
    public static void writeRgb(Path file, RgbImage frame) throws IOException {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = image.getRaster();
        byte[] bgr = ((DataBufferByte) raster.getDataBuffer()).getData();
        byte[] rgb = frame.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        writePng(file, image);
    }

    private static void writePng(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available in this JVM");
            }
        });
    }

    private static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": cannot be decoded (" + e.getMessage() + "); is it a corrupt or truncated image?", e);
        }
        if (image == null) {
            throw new IOException(file + ": not an image format this build reads (PNG, JPEG, BMP, GIF)");
        }
        return image;
    }
}
