package org.frameloop.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.frameloop.core.sample.CandidatePool;
import org.frameloop.core.spi.SampleSelector;
import org.frameloop.testkit.CandidatePools;
import org.frameloop.testkit.SelectorContract;
import org.junit.jupiter.api.Test;

class UniformKeyframeSelectorTest {

    private static int[] select(CandidatePool pool, int budget) throws Exception {
        SampleSelector selector = SyntheticPools.selector("uniform-keyframes");
        int[] selection = selector.select(pool, budget, new SplittableRandom(1));
        SelectorContract.assertValidSelection("uniform-keyframes", pool,
                Math.min(budget, CandidatePools.openCount(pool)), selection);
        return selection;
    }

    private static int[] framesOf(CandidatePool pool, int[] selection) {
        return Arrays.stream(selection).map(pool::frameOf).toArray();
    }

    private static int[] sorted(int[] values) {
        int[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    @Test
    void fourPicksOnAHundredOpenFramesLandOnTheCentresOfFourEqualParts() throws Exception {
        CandidatePool pool = SyntheticPools.wholeFrames(100);

        assertArrayEquals(new int[] { 12, 37, 62, 87 }, sorted(framesOf(pool, select(pool, 4))));
    }

    @Test
    void onePickBetweenAnnotatedFirstAndLastFramesLandsInTheMiddle() throws Exception {
        CandidatePool pool = SyntheticPools.wholeFrames(100, 0, 99);

        assertArrayEquals(new int[] { 49 }, framesOf(pool, select(pool, 1)));
    }

    @Test
    void theLargestGapIsFilledFirst() throws Exception {
        // Gaps: frames 1-9 (small) and 11-98 (large). Both picks go to the large gap, split in three.
        CandidatePool pool = SyntheticPools.wholeFrames(100, 0, 10, 99);

        assertArrayEquals(new int[] { 54 }, framesOf(pool, select(pool, 1)));
        assertArrayEquals(new int[] { 69, 39 }, framesOf(pool, select(pool, 2)));
    }

    @Test
    void picksComeFarthestFirstSoThatEveryPrefixIsSpread() throws Exception {
        CandidatePool pool = SyntheticPools.wholeFrames(100);

        // 37 is nearest the middle; 87 is farthest from 37; 62 and 12 tie at 25, 62 is nearer the middle.
        assertArrayEquals(new int[] { 37, 87, 62, 12 }, framesOf(pool, select(pool, 4)));
    }

    @Test
    void withSeveralCandidatesPerFrameTakesTheMostUncertainOfEachChosenFrame() throws Exception {
        // 10 frames × 5 candidates; candidate i lies in frame i / 5.
        int n = 50;
        int[] frames = new int[n];
        double[] uncertainty = new double[n];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            frames[i] = i / 5;
            uncertainty[i] = random.nextDouble();
        }
        CandidatePool pool = new CandidatePool(10, frames, uncertainty, new float[0], 0, new boolean[n]);

        int[] selection = select(pool, 2);

        assertArrayEquals(new int[] { 2, 7 }, sorted(framesOf(pool, selection)));
        for (int candidate : selection) {
            int frame = pool.frameOf(candidate);
            for (int other = frame * 5; other < frame * 5 + 5; other++) {
                assertEquals(true, uncertainty[other] <= uncertainty[candidate], "candidate " + other + " is more uncertain");
            }
        }
    }

    @Test
    void aFrameCountsAsAnnotatedOnlyWhenAllItsCandidatesAre() throws Exception {
        // 10 frames × 2 candidates (2f, 2f + 1); frames 0 and 9 complete, frame 4 half done.
        int[] frames = new int[20];
        for (int i = 0; i < 20; i++) {
            frames[i] = i / 2;
        }
        boolean[] annotated = new boolean[20];
        annotated[0] = annotated[1] = annotated[18] = annotated[19] = annotated[8] = true;
        CandidatePool pool = new CandidatePool(10, frames, new double[20], new float[0], 0, annotated);

        assertArrayEquals(new int[] { 9 }, select(pool, 1));
    }

    @Test
    void aBudgetBeyondTheOpenFramesTakesCandidatesFromEachFrameInTurn() throws Exception {
        // 4 frames × 3 candidates; candidate 3f + j has uncertainty j, so 3f + 2 is the first of frame f.
        int[] frames = new int[12];
        double[] uncertainty = new double[12];
        for (int i = 0; i < 12; i++) {
            frames[i] = i / 3;
            uncertainty[i] = i % 3;
        }
        CandidatePool pool = new CandidatePool(4, frames, uncertainty, new float[0], 0, new boolean[12]);

        int[] selection = select(pool, 6);

        int[] firstTurn = Arrays.copyOf(selection, 4);
        assertArrayEquals(new int[] { 2, 5, 8, 11 }, sorted(firstTurn));
        // The second turn visits the frames in the same order, taking each frame's next candidate.
        assertEquals(selection[0] - 1, selection[4]);
        assertEquals(selection[1] - 1, selection[5]);
    }

    @Test
    void keyframesNeverRepeatAFrameAndStayInsideTheirGap() {
        for (int count = 1; count <= 30; count++) {
            boolean[] open = new boolean[30];
            Arrays.fill(open, true);
            open[0] = open[13] = false;

            int[] frames = UniformKeyframeSelector.keyframes(open, Math.min(count, 28));

            assertEquals(Math.min(count, 28), Arrays.stream(frames).distinct().count(), Arrays.toString(frames));
            for (int frame : frames) {
                assertEquals(true, open[frame], "frame " + frame + " is annotated");
            }
        }
    }
}
