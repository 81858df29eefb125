package org.frameloop.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.internal.io.NaturalOrder;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.video.ImageSequenceVideo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCodecTest {

    /** Deleted after each test, so runs leave nothing in the system temp folder. */
    @TempDir
    Path temporaryFolder;

    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "sky", 0x4682b4),
            new LabelClass(1, "road", 0x804080)), OptionalInt.of(11));

    @Test
    void labelPngsRoundTripIdsIncludingUnlabeledAndIgnore() throws IOException {
        Path dir = Files.createTempDirectory(temporaryFolder, "codec");
        LabelImage labels = new LabelImage(3, 2, new byte[] { 0, 1, (byte) 255, 11, 1, 0 });

        ImageCodec.writeLabels(dir.resolve("000000.png"), labels, MAP);
        LabelImage read = ImageCodec.readLabels(dir.resolve("000000.png"));

        assertArrayEquals(labels.ids(), read.ids());
        assertEquals(List.of("000000.png"), list(dir), "no temporary file is left behind");
    }

    @Test
    void rgbFramesRoundTripExactlyAsPng() throws IOException {
        Path dir = Files.createTempDirectory(temporaryFolder, "codec");
        RgbImage frame = RgbImage.blank(4, 3);
        frame.set(1, 2, 10, 200, 30);

        ImageCodec.writeRgb(dir.resolve("f.png"), frame);

        assertArrayEquals(frame.rgb(), ImageCodec.readRgb(dir.resolve("f.png")).rgb());
    }

    @Test
    void aCorruptImageIsReportedWithItsFileName() throws IOException {
        Path dir = Files.createTempDirectory(temporaryFolder, "codec");
        Path corrupt = dir.resolve("frame_0007.png");
        Files.write(corrupt, new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 });

        IOException error = assertThrows(IOException.class, () -> ImageCodec.readRgb(corrupt));

        assertTrue(error.getMessage().contains("frame_0007.png"), error.getMessage());
    }

    @Test
    void anRgbImageIsRejectedAsALabelImage() throws IOException {
        Path dir = Files.createTempDirectory(temporaryFolder, "codec");
        ImageCodec.writeRgb(dir.resolve("mask.png"), RgbImage.blank(2, 2));

        IOException error = assertThrows(IOException.class, () -> ImageCodec.readLabels(dir.resolve("mask.png")));

        assertTrue(error.getMessage().contains("mask.png") && error.getMessage().contains("8-bit"), error.getMessage());
    }

    @Test
    void imageSequencesAreOrderedByTheNumberInTheName() throws IOException {
        Path dir = Files.createTempDirectory(temporaryFolder, "video");
        for (String name : new String[] { "f10.png", "f9.png", "f100.png", "notes.txt" }) {
            if (name.endsWith(".png")) {
                ImageCodec.writeRgb(dir.resolve(name), RgbImage.blank(2, 2));
            } else {
                Files.writeString(dir.resolve(name), "x");
            }
        }

        ImageSequenceVideo video = ImageSequenceVideo.open(dir);

        assertEquals(3, video.frameCount());
        assertEquals("f9.png", video.file(0).getFileName().toString());
        assertEquals("f100.png", video.file(2).getFileName().toString());
    }

    @Test
    void naturalOrderComparesDigitRunsByValue() {
        List<String> names = new ArrayList<>(List.of("0001TP_010020.png", "0001TP_006690.png", "a2", "a10", "a02"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("0001TP_006690.png", "0001TP_010020.png", "a2", "a02", "a10"), names);
    }

    private static List<String> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
