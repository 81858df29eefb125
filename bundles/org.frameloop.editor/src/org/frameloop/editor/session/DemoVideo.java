package org.frameloop.editor.session;

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

/**
 * A small procedural street video with exact ground truth, in the standard layout (frames, {@code gt/},
 * {@code labelmap.json}): sky, a road, a building block and a car driving across, with a little texture so
 * optical flow has something to hold on to. Deterministic.
 * <p>
 * Deliberately tiny and simple, for UI tests that must run in seconds; {@code ./frameloop ide --demo} uses
 * {@link DemoProject}, the synthetic street of the org.frameloop.synth generator, instead.
 */
public final class DemoVideo {

    public static final int SKY = 0;
    public static final int ROAD = 1;
    public static final int BUILDING = 2;
    public static final int CAR = 3;

    private DemoVideo() {
    }

    public static LabelMap labelMap() {
        return new LabelMap(List.of(new LabelClass(SKY, "sky", 0x4682b4), new LabelClass(ROAD, "road", 0x804080),
                new LabelClass(BUILDING, "building", 0x464646), new LabelClass(CAR, "car", 0x00008e)),
                OptionalInt.empty());
    }

    /** Writes {@code frames} frames of {@code width}×{@code height} into {@code folder}. */
    public static Path write(Path folder, int frames, int width, int height) throws IOException {
        Files.createDirectories(folder.resolve("gt"));
        LabelMap labelMap = labelMap();
        for (int f = 0; f < frames; f++) {
            RgbImage image = RgbImage.blank(width, height);
            LabelImage truth = LabelImage.unlabeled(width, height);
            int horizon = height * 2 / 5;
            int buildingLeft = width / 8 - f;
            int buildingRight = buildingLeft + width / 3;
            int carWidth = width / 4;
            int carHeight = height / 6;
            int carLeft = width / 10 + f * (width / 2) / Math.max(1, frames);
            int carTop = height * 3 / 5;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int id;
                    if (x >= carLeft && x < carLeft + carWidth && y >= carTop && y < carTop + carHeight) {
                        id = CAR;
                    } else if (y < horizon && x >= buildingLeft && x < buildingRight && y > height / 8) {
                        id = BUILDING;
                    } else if (y < horizon) {
                        id = SKY;
                    } else {
                        id = ROAD;
                    }
                    truth.set(x, y, id);
                    // texture moves with its object, so optical flow sees the motion
                    int ox = id == CAR ? x - carLeft : id == BUILDING ? x - buildingLeft : x;
                    int texture = (ox * 7 + y * 13) % 23 - 11;
                    int rgb = labelMap.byId(id).orElseThrow().rgb();
                    image.set(x, y, clamp((rgb >> 16 & 0xFF) + texture), clamp((rgb >> 8 & 0xFF) + texture),
                            clamp((rgb & 0xFF) + texture));
                }
            }
            ImageCodec.writeRgb(folder.resolve(String.format("frame_%04d.png", f)), image);
            ImageCodec.writeLabels(folder.resolve("gt").resolve(String.format("frame_%04d.png", f)), truth, labelMap);
        }
        LabelMapJson.write(folder.resolve("labelmap.json"), labelMap);
        return folder;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
