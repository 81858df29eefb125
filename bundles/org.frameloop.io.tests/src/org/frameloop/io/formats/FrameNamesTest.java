package org.frameloop.io.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.io.ImageCodec;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exported masks pair with their frames by name. */
class FrameNamesTest {

    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080)), OptionalInt.empty());

    @TempDir
    Path temp;

    private List<String> exportedMasks(String videoPath) throws Exception {
        Path project = temp.resolve("project");
        try (ProjectStore store = ProjectStore.create(project, new VideoInfo("seq", videoPath, 3, 4, 2), MAP, Map.of())) {
            new PaletteMaskExporter().export(store.labels(), MAP, temp.resolve("masks"), new NullProgressMonitor());
        }
        try (Stream<Path> files = Files.list(temp.resolve("masks"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("labelmap.json")).sorted().toList();
        }
    }

    private Path frames(String... names) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("frames"));
        for (String name : names) {
            ImageCodec.writeRgb(folder.resolve(name), RgbImage.blank(4, 2));
        }
        return folder;
    }

    @Test
    void masksOfAnImageFolderAreNamedAfterTheirSourceFrames() throws Exception {
        Path folder = frames("Seq05VD_f00030.png", "Seq05VD_f00000.png", "Seq05VD_f00060.jpg");

        assertEquals(List.of("Seq05VD_f00000.png", "Seq05VD_f00030.png", "Seq05VD_f00060.png"),
                exportedMasks(folder.toString()));
    }

    @Test
    void withoutSourceNamesMasksAreNumbered() throws Exception {
        assertEquals(List.of("000000.png", "000001.png", "000002.png"), exportedMasks(null));
    }

    @Test
    void namesThatNoLongerFitTheFramesFallBackToNumbers() throws Exception {
        Path folder = frames("a.png", "a.jpg", "b.png"); // two frames would get one name

        assertEquals(List.of("000000.png", "000001.png", "000002.png"), exportedMasks(folder.toString()));
    }
}
