package org.frameloop.flow.opencv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.core.annotate.SimulatedAnnotator;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.internal.flow.FlowCache;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.loop.AnnotationLoop;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.loop.LoopSettings;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.spi.SampleSelector;
import org.frameloop.core.spi.SegmentationModel;
import org.frameloop.core.video.Video;
import org.junit.jupiter.api.Test;

/**
 * A 24-frame 72×96 video: the camera pans over a textured world with three vertical class bands while a
 * textured box (class 3) moves the other way; ground truth is exact.
 */
class FlowPropagationModelTest {

    private static final int FRAMES = 24;
    private static final int WIDTH = 96;
    private static final int HEIGHT = 72;
    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080),
            new LabelClass(1, "building", 0x800000), new LabelClass(2, "tree", 0x808000),
            new LabelClass(3, "car", 0x400080)), OptionalInt.empty());

    private static double panX(int t) {
        return 1.5 * t;
    }

    private static int boxX(int t) {
        return 60 - 2 * t;
    }

    private static boolean inBox(int x, int y, int t) {
        return x >= boxX(t) && x < boxX(t) + 18 && y >= 30 && y < 48;
    }

    private static int worldClass(double worldX) {
        return worldX < 40 ? 0 : worldX < 85 ? 1 : 2;
    }

    private static final Video VIDEO = Video.of("pan", FRAMES, WIDTH, HEIGHT, t -> {
        RgbImage world = TexturedPattern.render(WIDTH, HEIGHT, -panX(t), 0);
        RgbImage box = TexturedPattern.render(WIDTH, HEIGHT, boxX(t) + 200, 40);
        RgbImage frame = RgbImage.blank(WIDTH, HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                RgbImage source = inBox(x, y, t) ? box : world;
                int shade = inBox(x, y, t) ? 60 : worldClass(x + panX(t)) * 25;
                frame.set(x, y, Math.min(255, source.channel(x, y, 0) / 2 + shade), source.channel(x, y, 1) / 2 + 40,
                        source.channel(x, y, 2) / 2);
            }
        }
        return frame;
    });

    private static final LabelSequence TRUTH = LabelSequence.of(FRAMES, WIDTH, HEIGHT, t -> {
        LabelImage labels = LabelImage.unlabeled(WIDTH, HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                labels.set(x, y, inBox(x, y, t) ? 3 : worldClass(x + panX(t)));
            }
        }
        return labels;
    });

    private static final ClickCostModel ONE_CLICK = (region, truth, ignore) -> 1;

    @Test
    void propagationBeatsNoLabelsAndImprovesAsKeyframesAreAdded() throws Exception {
        PluginRegistry registry = PluginRegistry.ofPlatform();
        SegmentationModel model = registry.find(ExtensionPoint.MODELS, "propagation").orElseThrow().create();
        SampleSelector keyframes = registry.find(ExtensionPoint.SELECTORS, "uniform-keyframes").orElseThrow().create();
        VideoSession session = VideoSession.start(VIDEO, MAP, new FlowCache(VIDEO, new DisFlowProvider(), null), TRUTH);
        AnnotationLoop loop = new AnnotationLoop(session, model,
                (index, frame) -> List.of(new Region.WholeFrame(frame.width(), frame.height())), keyframes,
                new SimulatedAnnotator(TRUTH, ONE_CLICK, -1), ONE_CLICK,
                LoopSettings.defaults().withSamplesPerRound(1).withMaxRounds(3).withTargetMiou(0.999));

        LoopResult result = loop.run(new NullProgressMonitor());

        List<Double> miou = result.rounds().stream().map(RoundReport::miou).toList();
        assertEquals(0.0, miou.get(0), 1e-9, "no labels: nothing to propagate");
        assertTrue(miou.get(1) > 0.6, "one keyframe carried along the flow: " + miou);
        for (int r = 2; r < miou.size(); r++) {
            assertTrue(miou.get(r) > miou.get(r - 1), "each keyframe helps: " + miou);
        }
        assertTrue(miou.get(3) > 0.85, "three keyframes: " + miou);
    }

    @Test
    void predictionsAreMostUncertainFarFromAnnotatedFrames() throws Exception {
        FlowPropagationModel model = (FlowPropagationModel) PluginRegistry.ofPlatform()
                .find(ExtensionPoint.MODELS, "propagation").orElseThrow()
                .create(Map.of("confidenceDecayFrames", "5"));
        VideoSession session = VideoSession.start(VIDEO, MAP, new FlowCache(VIDEO, new DisFlowProvider(), null), TRUTH);
        session.labels().putHuman(0, new Region.WholeFrame(WIDTH, HEIGHT), TRUTH.labels(0));

        model.fineTune(session, new NullProgressMonitor());

        double near = mean(model.predict(session, 1).entropy());
        double far = mean(model.predict(session, FRAMES - 1).entropy());
        assertTrue(far > near, "entropy near the keyframe " + near + " vs far " + far);
        assertEquals(1f, model.predict(session, 0).confidence()[0], 1e-2, "annotated frames are certain");
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
