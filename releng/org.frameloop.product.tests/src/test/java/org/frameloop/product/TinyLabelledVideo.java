package org.frameloop.product;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/**
 * A tiny labelled video in the layout {@code frameloop run --video DIR} reads: numbered PNG frames, {@code gt/}
 * with one 8-bit label PNG per frame, and {@code labelmap.json}. A bright box (car) slides right over a dark
 * textured road; 64×48 pixels.
 */
final class TinyLabelledVideo {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    private TinyLabelledVideo() {
    }

    static Path write(Path folder, int frames) throws IOException {
        Files.createDirectories(folder.resolve("gt"));
        for (int t = 0; t < frames; t++) {
            BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            BufferedImage truth = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    boolean car = x >= 10 + 3 * t && x < 26 + 3 * t && y >= 16 && y < 32;
                    int texture = ((x * 7 + y * 13) % 17) * 4;
                    int red = car ? 200 - texture : 30 + x + texture;
                    int green = car ? 180 : 40 + y;
                    int blue = 60 + texture;
                    frame.setRGB(x, y, red << 16 | green << 8 | blue);
                    truth.getRaster().setSample(x, y, 0, car ? 1 : 0);
                }
            }
            String name = String.format("%06d.png", t);
            ImageIO.write(frame, "png", folder.resolve(name).toFile());
            ImageIO.write(truth, "png", folder.resolve("gt").resolve(name).toFile());
        }
        Files.writeString(folder.resolve("labelmap.json"),
                "[{\"id\": 0, \"name\": \"road\", \"color\": \"#804080\"}, {\"id\": 1, \"name\": \"car\", \"color\": \"#400080\"}]\n");
        return folder;
    }
}
