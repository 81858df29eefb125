package org.frameloop.io.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelStore;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.LabelExporter;
import org.frameloop.core.spi.LabelImporter;
import org.frameloop.io.ProjectLabels;
import org.frameloop.io.ProjectStore;
import org.frameloop.io.VideoInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export, then import: palette PNG masks and COCO RLE give back identical labels; CVAT polygons agree on
 * all but a stated share of pixels. Exporters are taken from the registry by id, as the CLI does.
 */
class FormatRoundTripTest {

    private static final int FRAMES = 6;
    private static final int WIDTH = 64;
    private static final int HEIGHT = 40;
    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080),
            new LabelClass(1, "car", 0x400080), new LabelClass(2, "sign", 0xc08080), new LabelClass(5, "tree", 0x808000)),
            java.util.OptionalInt.of(11));

    @TempDir
    Path temp;

    private ProjectLabels labels;
    private final PluginRegistry registry = PluginRegistry.ofPlatform();

    /** Scene: road, a car with a sign inside it (a hole), a tree blob, void corner; humans labelled half of some frames. */
    private static LabelImage scene(int frame) {
        LabelImage image = LabelImage.unlabeled(WIDTH, HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int id = 0;
                if (x >= 8 + 3 * frame && x < 30 + 3 * frame && y >= 10 && y < 28) {
                    id = 1;
                }
                if (x >= 14 + 3 * frame && x < 20 + 3 * frame && y >= 15 && y < 20) {
                    id = 2;
                }
                int dx = x - 50;
                int dy = y - 12;
                if (dx * dx + 2 * dy * dy < 60 + frame * 5) {
                    id = 5;
                }
                if (x < 4 && y < 4) {
                    id = 11;
                }
                image.set(x, y, id);
            }
        }
        return image;
    }

    @BeforeEach
    void aProjectWithHumanAndAutomaticLabels() throws IOException {
        Path folder = temp.resolve("project");
        try (ProjectStore project = ProjectStore.create(folder, new VideoInfo("scene", null, FRAMES, WIDTH, HEIGHT), MAP,
                Map.of())) {
            LabelStore store = new LabelStore(FRAMES, WIDTH, HEIGHT);
            Random random = new Random(5);
            for (int f = 0; f < FRAMES; f++) {
                LabelImage truth = scene(f);
                LabelImage auto = new LabelImage(WIDTH, HEIGHT, truth.ids().clone());
                for (int k = 0; k < 40; k++) {
                    auto.ids()[random.nextInt(auto.ids().length)] = 0; // the model's mistakes
                }
                store.putAuto(f, auto);
                if (f % 2 == 0) {
                    store.putHuman(f, new Region.Rectangle(0, 0, WIDTH / 2, HEIGHT), truth);
                }
                project.writeAutoLabels(f, store, MAP);
                if (store.hasHuman(f)) {
                    project.writeHumanLabels(f, store, MAP);
                }
            }
        }
        labels = ProjectStore.openReadOnly(folder).labels();
    }

    private LabelExporter exporter(String id) throws Exception {
        Contribution<LabelExporter> contribution = registry.find(ExtensionPoint.EXPORTERS, id).orElseThrow();
        return contribution.create();
    }

    private LabelImporter importer(String id) throws Exception {
        return registry.find(ExtensionPoint.IMPORTERS, id).orElseThrow().create();
    }

    private LabelSequence roundTrip(String format) throws Exception {
        Path out = temp.resolve(format);
        long started = System.nanoTime();
        exporter(format).export(labels, MAP, out, new NullProgressMonitor());
        System.out.printf(Locale.ROOT, "%s export: %.2f ms per %dx%d frame%n", format,
                (System.nanoTime() - started) / 1e6 / FRAMES, WIDTH, HEIGHT);
        return importer(format).read(out, MAP);
    }

    @Test
    void everyFormatIsAContributionFoundById() {
        List<String> exporters = registry.contributions(ExtensionPoint.EXPORTERS).stream().map(Contribution::id).toList();
        List<String> importers = registry.contributions(ExtensionPoint.IMPORTERS).stream().map(Contribution::id).toList();

        assertTrue(exporters.containsAll(List.of("png-masks", "coco-rle", "cvat-video", "provenance")), exporters.toString());
        assertTrue(importers.containsAll(List.of("png-masks", "coco-rle", "cvat-video")), importers.toString());
    }

    @Test
    void paletteMasksRoundTripExactly() throws Exception {
        LabelSequence back = roundTrip("png-masks");

        assertEquals(FRAMES, back.frameCount());
        for (int f = 0; f < FRAMES; f++) {
            assertArrayEquals(labels.labels(f).ids(), back.labels(f).ids(), "frame " + f);
        }
    }

    @Test
    void cocoRleRoundTripsExactly() throws Exception {
        LabelSequence back = roundTrip("coco-rle");

        for (int f = 0; f < FRAMES; f++) {
            assertArrayEquals(labels.labels(f).ids(), back.labels(f).ids(), "frame " + f);
        }
    }

    @Test
    void cvatPolygonsAgreeOnAllButAFewBoundaryPixels() throws Exception {
        LabelSequence exact = new CvatVideoImporter().read(export(new CvatVideoExporter().withTolerancePx(0).withMinAreaPx(1),
                "cvat0"), MAP);
        LabelSequence simplified = roundTrip("cvat-video"); // default tolerance 1 px

        double worstExact = 1;
        double worstSimplified = 1;
        for (int f = 0; f < FRAMES; f++) {
            worstExact = Math.min(worstExact, agreement(labels.labels(f), exact.labels(f)));
            worstSimplified = Math.min(worstSimplified, agreement(labels.labels(f), simplified.labels(f)));
        }
        System.out.printf(Locale.ROOT, "cvat agreement, worst frame: %.4f at 0 px, %.4f at 1 px%n", worstExact,
                worstSimplified);
        assertTrue(worstExact >= 0.995, "tolerance 0: " + worstExact);
        assertTrue(worstSimplified >= 0.97, "tolerance 1 px: " + worstSimplified);
    }

    private Path export(LabelExporter exporter, String name) throws IOException {
        Path out = temp.resolve(name);
        exporter.export(labels, MAP, out, null);
        return out;
    }

    private static double agreement(LabelImage a, LabelImage b) {
        int same = 0;
        for (int i = 0; i < a.ids().length; i++) {
            same += a.ids()[i] == b.ids()[i] ? 1 : 0;
        }
        return same / (double) a.ids().length;
    }

    @Test
    void theProvenanceMaskSaysHumanWhereAPersonLabelledAndModelElsewhere() throws Exception {
        Path out = export(exporter("provenance"), "provenance");
        LabelSequence who = new PaletteMaskImporter().read(out, ProvenanceExporter.PROVENANCE);

        assertEquals(ProvenanceExporter.HUMAN, who.labels(0).id(WIDTH / 2 - 1, 5));
        assertEquals(ProvenanceExporter.MODEL, who.labels(0).id(WIDTH / 2, 5));
        assertEquals(ProvenanceExporter.MODEL, who.labels(1).id(0, 5));
    }

    @Test
    void aCancelledExportStopsBetweenFramesAndLeavesNoHalfWrittenFile() {
        NullProgressMonitor cancelAfterTwoFrames = new NullProgressMonitor() {
            private int checks;

            @Override
            public boolean isCanceled() {
                return ++checks > 2;
            }
        };

        assertThrows(OperationCanceledException.class,
                () -> exporter("coco-rle").export(labels, MAP, temp.resolve("cancelled"), cancelAfterTwoFrames));

        assertFalse(Files.exists(temp.resolve("cancelled").resolve(CocoRleExporter.FILE_NAME)));
    }

    @Test
    void cocoRunLengthsMatchPycocotoolsOnKnownMasks() {
        boolean[] allSet = { true, true, true, true };
        assertArrayEquals(new long[] { 0, 4 }, CocoRle.encode(allSet, 2, 2));
        assertEquals("04", CocoRle.toCompressedString(new long[] { 0, 4 }));
        // column-major: in a 2x2 mask with only the top-right pixel set, it is the third pixel
        assertArrayEquals(new long[] { 2, 1, 1 }, CocoRle.encode(new boolean[] { false, true, false, false }, 2, 2));

        Random random = new Random(11);
        boolean[] mask = new boolean[37 * 23];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextInt(5) == 0 || (i > 300 && i < 500);
        }
        long[] runs = CocoRle.encode(mask, 37, 23);
        assertArrayEquals(runs, CocoRle.fromCompressedString(CocoRle.toCompressedString(runs)));
        assertArrayEquals(mask, CocoRle.decode(runs, 37, 23));
    }
}
