package org.frameloop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;

/** The tiny labelled video the CLI tests run on: frames of 48×64 in Frameloop's own layout (frames, gt/, labelmap.json). */
final class TinyVideo {

    static final int WIDTH = 64;
    static final int HEIGHT = 48;

    /** road = 0, car = 1: the box. */
    static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080), new LabelClass(1, "car", 0x400080)),
            OptionalInt.empty());

    private TinyVideo() {
    }

    /** {@code frames} frames, a bright box sliding right over a dark gradient; box = class 1. */
    static Path write(Path parent, int frames) throws IOException {
        Path dir = Files.createTempDirectory(parent, "video");
        for (int t = 0; t < frames; t++) {
            RgbImage frame = RgbImage.blank(WIDTH, HEIGHT);
            LabelImage truth = LabelImage.unlabeled(WIDTH, HEIGHT);
            for (int y = 0; y < HEIGHT; y++) {
                for (int x = 0; x < WIDTH; x++) {
                    boolean box = x >= 10 + 3 * t && x < 26 + 3 * t && y >= 16 && y < 32;
                    int texture = ((x * 7 + y * 13) % 17) * 4;
                    frame.set(x, y, box ? 200 - texture : 30 + x + texture, box ? 180 : 40 + y, 60 + texture);
                    truth.set(x, y, box ? 1 : 0);
                }
            }
            ImageCodec.writeRgb(dir.resolve(String.format("%06d.png", t)), frame);
            ImageCodec.writeLabels(dir.resolve("gt").resolve(String.format("%06d.png", t)), truth, MAP);
        }
        LabelMapJson.write(dir.resolve("labelmap.json"), MAP);
        return dir;
    }
}
