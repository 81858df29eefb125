package org.frameloop.core.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.OptionalInt;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.LabelSequence;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.loop.VideoSession;
import org.frameloop.core.sample.Region;
import org.frameloop.core.sample.Sample;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.video.Video;
import org.junit.jupiter.api.Test;

/** The simulated annotator hands the click model the proposal a person would see. */
class SimulatedAnnotatorTest {

    private static final int WIDTH = 6;
    private static final int HEIGHT = 2;
    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080),
            new LabelClass(1, "car", 0x400080)), OptionalInt.empty());
    private static final LabelSequence TRUTH = LabelSequence.of(1, WIDTH, HEIGHT, f -> filled(1));

    /** Charges one click per pixel whose proposal differs from the truth, free pixels excepted. */
    private static final class WrongPixels implements ClickCostModel {
        @Override
        public int clicks(Region region, LabelImage groundTruth, int ignoreId) {
            return clicks(region, groundTruth, LabelImage.unlabeled(groundTruth.width(), groundTruth.height()), ignoreId);
        }

        @Override
        public int clicks(Region region, LabelImage groundTruth, LabelImage proposal, int ignoreId) {
            int wrong = 0;
            for (int pixel : region.pixelIndices(groundTruth.width())) {
                byte truth = groundTruth.ids()[pixel];
                wrong += truth != (byte) LabelImage.UNLABELED && truth != proposal.ids()[pixel] ? 1 : 0;
            }
            return wrong;
        }
    }

    private static LabelImage filled(int id) {
        LabelImage image = LabelImage.unlabeled(WIDTH, HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.set(x, y, id);
            }
        }
        return image;
    }

    @Test
    void theProposalIsTheAutomaticLabelsAndPixelsLabelledByHandAreFree() {
        VideoSession session = VideoSession.start(Video.of("v", 1, WIDTH, HEIGHT, f -> RgbImage.blank(WIDTH, HEIGHT)),
                MAP, null, TRUTH);
        SimulatedAnnotator annotator = new SimulatedAnnotator(TRUTH, new WrongPixels(), -1);
        Sample frame = new Sample(0, new Region.WholeFrame(WIDTH, HEIGHT));

        assertEquals(12, annotator.price(frame, session), "no automatic labels yet: every pixel is to be drawn");

        LabelImage proposal = filled(1);
        proposal.set(0, 0, 0);
        proposal.set(1, 0, 0);
        proposal.set(2, 1, 0);
        session.labels().putAuto(0, proposal);
        assertEquals(3, annotator.annotate(frame, session).clicks());

        session.labels().putHuman(0, new Region.Rectangle(0, 0, 1, 1), filled(1));
        assertEquals(2, annotator.price(frame, session));
    }
}
