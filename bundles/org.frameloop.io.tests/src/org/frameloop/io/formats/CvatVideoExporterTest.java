package org.frameloop.io.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.spi.LabelExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CVAT XML from noisy masks: objects become tracks, specks do not, and polygons are simplified. */
class CvatVideoExporterTest {

    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080),
            new LabelClass(1, "car", 0x400080), new LabelClass(2, "sign", 0xc08080)), OptionalInt.empty());

    @TempDir
    Path temp;

    /**
     * 48x32 road with a 10x10 car, a 5x5 sign, a 3x3 sign speck, three one-pixel sign specks and a 12-pixel
     * diagonal staircase of car pixels two pixels wide.
     */
    private static LabelImage noisyFrame() {
        LabelImage image = new LabelImage(48, 32, new byte[48 * 32]);
        fill(image, 2, 2, 10, 10, 1);
        fill(image, 20, 2, 5, 5, 2);
        fill(image, 30, 2, 3, 3, 2);
        fill(image, 40, 2, 1, 1, 2);
        fill(image, 42, 8, 1, 1, 2);
        fill(image, 5, 5, 1, 1, 2); // inside the car
        for (int i = 0; i < 12; i++) {
            fill(image, 20 + i, 14 + i, 2, 1, 1); // two pixels wide, 24 pixels
        }
        return image;
    }

    private static void fill(LabelImage image, int x0, int y0, int width, int height, int id) {
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                image.set(x, y, id);
            }
        }
    }

    private String export(LabelExporter exporter) throws Exception {
        LabelSequence labels = LabelSequence.of(2, 48, 32, f -> noisyFrame());
        Path out = temp.resolve("cvat-" + System.nanoTime());
        exporter.export(labels, MAP, out, new NullProgressMonitor());
        return Files.readString(out.resolve(CvatVideoExporter.FILE_NAME));
    }

    private static int count(String xml, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(xml);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void specksBelowTheMinimumAreaBecomeNoTrack() throws Exception {
        LabelExporter byDefault = PluginRegistry.ofPlatform().find(ExtensionPoint.EXPORTERS, "cvat-video").orElseThrow()
                .create();

        String xml = export(byDefault);

        // per frame: the road, the car, the 5x5 sign and the staircase (24 px); the 9-px and 1-px specks are dropped
        assertEquals(2 * 4, count(xml, "<track "));
        assertEquals(2 * 2, count(xml, "label=\"sign\"") + count(xml, "label=\"road\""));
    }

    @Test
    void minimumAreaOneKeepsEverySpeckThatIsAPolygon() throws Exception {
        String xml = export(new CvatVideoExporter().withMinAreaPx(1));

        // plus the 3x3 speck per frame; a one-pixel speck has no three-point outline, so it stays no polygon
        assertEquals(2 * 5, count(xml, "<track "));
    }

    @Test
    void polygonsAreSimplifiedToTheirCorners() throws Exception {
        String xml = export(new CvatVideoExporter());

        Matcher car = Pattern.compile("label=\"car\" source=\"auto\"><polygon frame=\"0\"[^>]*points=\"([^\"]*)\"")
                .matcher(xml);
        car.find();
        assertEquals(4, car.group(1).split(";").length, car.group(1));
    }

    @Test
    void aMinimumAreaBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CvatVideoExporter().withMinAreaPx(0));
    }

    @Test
    void tracksAPersonLabelledEverywhereOnTheirFrameAreManualTheModelsAreAuto() throws Exception {
        Path folder = temp.resolve("project");
        try (org.frameloop.io.ProjectStore project = org.frameloop.io.ProjectStore.create(folder,
                new org.frameloop.io.VideoInfo("v", null, 2, 48, 32), MAP, java.util.Map.of())) {
            org.frameloop.core.label.LabelStore store = project.readLabels();
            org.frameloop.core.sample.Region whole = new org.frameloop.core.sample.Region.WholeFrame(48, 32);
            LabelImage car = new LabelImage(48, 32, new byte[48 * 32]);
            fill(car, 2, 2, 10, 10, 1);
            store.putHuman(0, whole, car); // frame 0: a person labelled every pixel
            store.putAuto(0, car);
            store.putAuto(1, car); // frame 1: the model's labels only
            LabelImage someCar = LabelImage.unlabeled(48, 32);
            fill(someCar, 2, 2, 10, 10, 1);
            store.putHuman(1, new org.frameloop.core.sample.Region.Rectangle(0, 0, 16, 16), someCar);
            for (int f = 0; f < 2; f++) {
                project.writeHumanLabels(f, store, MAP);
                project.writeAutoLabels(f, store, MAP);
            }
            new CvatVideoExporter().export(project.labels(), MAP, temp.resolve("cvat"), new NullProgressMonitor());
        }
        String xml = Files.readString(temp.resolve("cvat").resolve(CvatVideoExporter.FILE_NAME));

        assertEquals(List.of("road@0=manual", "car@0=manual", "road@1=auto", "car@1=manual"), sources(xml),
                "frame 1's road is the model's; its car, all inside the person's rectangle, is the person's");
    }

    /** "label@frame=source" per track, in order. */
    private static List<String> sources(String xml) {
        Matcher track = Pattern.compile("<track id=\"\\d+\" label=\"(\\w+)\" source=\"(\\w+)\"><polygon frame=\"(\\d+)\"")
                .matcher(xml);
        List<String> found = new java.util.ArrayList<>();
        while (track.find()) {
            found.add(track.group(1) + "@" + track.group(3) + "=" + track.group(2));
        }
        return found;
    }
}
