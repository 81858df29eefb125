package org.frameloop.core.carry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.image.OpticalFlow;
import org.frameloop.core.image.RgbImage;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.spi.AnnotatedVideo;
import org.junit.jupiter.api.Test;

/** Human labels carried along exact flow: a textured scene that translates by a fixed step per frame. */
class CarriedLabelsTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final int STEP_X = 3;
    private static final int STEP_Y = 1;
    private static final LabelMap MAP = new LabelMap(List.of(new LabelClass(0, "road", 0x804080),
            new LabelClass(1, "car", 0x400080), new LabelClass(2, "sky", 0x4080C0)), OptionalInt.empty());

    /** The scene's class at scene coordinates: stripes and blocks, so every class has edges. */
    private static int sceneClass(int x, int y) {
        if ((x / 7 + y / 5) % 3 == 0) {
            return 2;
        }
        return (x * 3 + y) % 11 < 4 ? 1 : 0;
    }

    private static LabelImage truth(int frame) {
        return truth(frame, STEP_X, STEP_Y);
    }

    /**
     * Frame t shows the scene moved by t steps: pixel (x, y) of frame t is scene point (x - t sx, y - t sy),
     * rounded to the scene's grid.
     */
    private static LabelImage truth(int frame, double stepX, double stepY) {
        LabelImage image = LabelImage.unlabeled(WIDTH, HEIGHT);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.set(x, y, sceneClass((int) Math.round(x - frame * stepX) + 100,
                        (int) Math.round(y - frame * stepY) + 100));
            }
        }
        return image;
    }

    /**
     * A video with exact flow (a translation by {@code stepX, stepY} a frame), human labels on the given frames,
     * and {@code invalid} flow pixels in a column.
     */
    private record ShiftingVideo(int frames, List<Integer> labelled, int invalidColumn, double stepX, double stepY)
            implements AnnotatedVideo {

        ShiftingVideo(int frames, List<Integer> labelled, int invalidColumn) {
            this(frames, labelled, invalidColumn, STEP_X, STEP_Y);
        }

        @Override
        public int frameCount() {
            return frames;
        }

        @Override
        public int width() {
            return WIDTH;
        }

        @Override
        public int height() {
            return HEIGHT;
        }

        @Override
        public LabelMap labelMap() {
            return MAP;
        }

        @Override
        public RgbImage frame(int frameIndex) {
            return RgbImage.blank(WIDTH, HEIGHT);
        }

        @Override
        public LabelImage humanLabels(int frameIndex) {
            return labelled.contains(frameIndex) ? truth(frameIndex, stepX, stepY) : LabelImage.unlabeled(WIDTH, HEIGHT);
        }

        @Override
        public boolean hasHumanLabels(int frameIndex) {
            return labelled.contains(frameIndex);
        }

        @Override
        public Optional<OpticalFlow> flow(int from, int to) {
            int n = WIDTH * HEIGHT;
            float[] dx = new float[n];
            float[] dy = new float[n];
            boolean[] valid = new boolean[n];
            Arrays.fill(dx, (float) ((to - from) * stepX));
            Arrays.fill(dy, (float) ((to - from) * stepY));
            Arrays.fill(valid, true);
            for (int y = 0; y < HEIGHT && invalidColumn >= 0; y++) {
                valid[y * WIDTH + invalidColumn] = false;
            }
            return Optional.of(new OpticalFlow(WIDTH, HEIGHT, dx, dy, valid));
        }
    }

    @Test
    void oneLabelledFramesLabelsReachTheNextFrameAlmostExactly() {
        CarriedLabels carried = CarriedLabels.carry(new ShiftingVideo(2, List.of(0), -1), 2.0, new NullProgressMonitor());
        CarriedLabels.Frame next = carried.frame(1);
        byte[] truth = truth(1).ids();
        int reached = 0;
        int right = 0;
        for (int i = 0; i < truth.length; i++) {
            if (next.forwardLabels()[i] != (byte) LabelImage.UNLABELED) {
                reached++;
                right += next.forwardLabels()[i] == truth[i] ? 1 : 0;
                assertEquals(1f, next.forwardAge()[i]);
            }
        }
        // only the strip that entered the picture (3 columns, 1 row) has no source
        assertEquals((WIDTH - STEP_X) * (HEIGHT - STEP_Y), reached);
        assertTrue(right / (double) reached >= 0.99, "pixel accuracy " + right / (double) reached);
        // nothing comes backwards into frame 1: it is the last frame and holds no labels
        assertEquals(CarriedLabels.NEVER, next.backwardAge()[0]);
    }

    @Test
    void labelsCarryBothWaysAndNearestWinsWithItsAge() {
        CarriedLabels carried = CarriedLabels.carry(new ShiftingVideo(7, List.of(0, 6), -1), 2.0,
                new NullProgressMonitor());
        CarriedLabels.Frame middle = carried.frame(2);
        int pixel = 40 * WIDTH + 40; // far from the borders the scene enters through
        assertEquals(2f, middle.forwardAge()[pixel]);
        assertEquals(4f, middle.backwardAge()[pixel]);
        assertEquals(2f, middle.nearestAge(pixel));
        assertEquals(truth(2).ids()[pixel], middle.nearestLabel(pixel));
        assertEquals(0f, carried.frame(6).forwardAge()[pixel], "a human label has age 0");
    }

    @Test
    void aStepThroughAFailedFlowCheckAddsThePenalty() {
        int column = 30;
        CarriedLabels carried = CarriedLabels.carry(new ShiftingVideo(2, List.of(0), column), 5.0,
                new NullProgressMonitor());
        assertEquals(6f, carried.frame(1).forwardAge()[20 * WIDTH + column]);
        assertEquals(1f, carried.frame(1).forwardAge()[20 * WIDTH + column + 1]);
    }

    @Test
    void slowMotionIsFollowedOverManyFramesNotRoundedAway() {
        // 0.4 px a frame: a warp that reads the nearest pixel each step would never move a label at all
        int frames = 11;
        ShiftingVideo video = new ShiftingVideo(frames, List.of(0), -1, 0.4, 0.3);
        CarriedLabels carried = CarriedLabels.carry(video, 2.0, new NullProgressMonitor());
        byte[] truth = truth(frames - 1, 0.4, 0.3).ids();
        byte[] stuck = truth(0, 0.4, 0.3).ids();
        CarriedLabels.Frame last = carried.frame(frames - 1);
        int reached = 0;
        int right = 0;
        int rightIfStuck = 0;
        for (int y = 4; y < HEIGHT; y++) {
            for (int x = 5; x < WIDTH; x++) {
                int i = y * WIDTH + x;
                if (last.forwardLabels()[i] != (byte) LabelImage.UNLABELED) {
                    reached++;
                    right += last.forwardLabels()[i] == truth[i] ? 1 : 0;
                    rightIfStuck += stuck[i] == truth[i] ? 1 : 0;
                }
            }
        }
        assertEquals((WIDTH - 5) * (HEIGHT - 4), reached);
        assertTrue(right / (double) reached >= 0.99, "pixel accuracy after 10 frames " + right / (double) reached);
        assertTrue(rightIfStuck / (double) reached < 0.9, "the scene must have moved: " + rightIfStuck / (double) reached);
    }
}
