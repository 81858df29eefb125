package org.frameloop.granularity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.frameloop.core.image.RgbImage;
import org.frameloop.core.registry.ParameterValues;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.Configurable;
import org.frameloop.core.spi.RoundAwareGranularity;

/**
 * The granularity {@code adaptive}: a ladder of sample sizes, small to large (by default 16 px, 32 px and
 * 64 px rectangles, then whole frames), climbed by the clicks each level needs per unit of quality gained.
 * Small rectangles are cheapest while the model is poor (each fixes a dense error cheaply); near a high
 * target, errors are thin and scattered and whole frames become cheaper per gain (the published result:
 * 16×16 cheapest at 80% mIoU, frames at 95%).
 * <p>
 * <b>The rule.</b> For every finished round r done at level l, its price is
 * {@code clicks(r) / max(0, quality(r) - quality(r-1))} (infinite when the round gained nothing). Before a
 * round, each level gets an expected price: a level already tried is expected to cost what its most
 * recent round cost; the next untried level above the highest tried one is expected to cost the best
 * price seen so far (an optimistic prior, so it gets tried as soon as the current level gets worse than
 * that); higher untried levels are not considered yet. The level with the lowest expected price is used;
 * ties go to the smaller level. The first round uses the smallest level. Quality is measured mIoU when the
 * loop has ground truth and the model's estimated quality otherwise. Because a round's candidates are cut
 * before that round's report is complete, decisions use the rounds finished before (a one-round lag).
 * The area annotated per round stays constant across levels (see {@link #samplesPerRound}).
 */
public class AdaptiveGranularity implements RoundAwareGranularity, Configurable {

    /** Level sizes in pixels; {@link #WHOLE_FRAME} stands for the whole frame. */
    private int[] levelSizesPx = { 16, 32, 64, WHOLE_FRAME };
    private static final int WHOLE_FRAME = Integer.MAX_VALUE;

    /** Level chosen for each round (index = round number), recorded as rounds are prepared. */
    private final List<Integer> levelOfRound = new ArrayList<>(List.of(0));
    private volatile int currentLevel;
    private volatile int frameWidthPx = 1;
    private volatile int frameHeightPx = 1;

    @Override
    public void configure(ParameterValues values) {
        levelSizesPx = parseLevels(values.getString("levels"));
    }

    static int[] parseLevels(String text) {
        String[] parts = text.split(",");
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim().toLowerCase(Locale.ROOT);
            if (part.equals("frame")) {
                sizes[i] = WHOLE_FRAME;
            } else {
                try {
                    sizes[i] = Integer.parseInt(part.startsWith("rect") ? part.substring(4) : part);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("levels: '" + parts[i] + "' is neither a size in pixels nor 'frame'");
                }
                if (sizes[i] < 2) {
                    throw new IllegalArgumentException("levels: sizes must be at least 2 px, was " + sizes[i]);
                }
            }
            if (i > 0 && sizes[i] <= sizes[i - 1]) {
                throw new IllegalArgumentException("levels must grow from small to large, e.g. 16,32,64,frame");
            }
        }
        return sizes;
    }

    @Override
    public synchronized void observe(List<RoundReport> finishedRounds, double targetQuality) {
        int nextRound = finishedRounds.size() + 1;
        currentLevel = chooseLevel(finishedRounds);
        while (levelOfRound.size() <= nextRound) {
            levelOfRound.add(currentLevel);
        }
        levelOfRound.set(nextRound, currentLevel);
    }

    /** The rule of the class comment, on the rounds finished so far. */
    int chooseLevel(List<RoundReport> finished) {
        double[] recentPrice = new double[levelSizesPx.length];
        Arrays.fill(recentPrice, Double.NaN);
        double bestPrice = Double.POSITIVE_INFINITY;
        int highestTried = -1;
        for (int r = 1; r < finished.size(); r++) {
            RoundReport round = finished.get(r);
            int level = r < levelOfRound.size() ? levelOfRound.get(r) : 0;
            double gain = round.quality() - finished.get(r - 1).quality();
            double price = gain > 0 ? round.roundClicks() / gain : Double.POSITIVE_INFINITY;
            recentPrice[level] = price;
            bestPrice = Math.min(bestPrice, price);
            highestTried = Math.max(highestTried, level);
        }
        if (highestTried < 0) {
            return 0;
        }
        int chosen = -1;
        double chosenPrice = Double.POSITIVE_INFINITY;
        for (int level = 0; level <= Math.min(highestTried + 1, levelSizesPx.length - 1); level++) {
            double expected = level <= highestTried ? recentPrice[level] : bestPrice;
            if (Double.isNaN(expected)) {
                continue; // a lower level never tried (only possible with a custom ladder history)
            }
            if (chosen < 0 || expected < chosenPrice) {
                chosen = level;
                chosenPrice = expected;
            }
        }
        if (chosen < 0 || Double.isInfinite(chosenPrice)) {
            // nothing gains any more: the largest tried level plus one is the best remaining bet
            return Math.min(highestTried + 1, levelSizesPx.length - 1);
        }
        return chosen;
    }

    @Override
    public List<Region> candidates(int frameIndex, RgbImage frame) {
        frameWidthPx = frame.width();
        frameHeightPx = frame.height();
        int size = levelSizesPx[currentLevel];
        if (size == WHOLE_FRAME) {
            return List.of(new Region.WholeFrame(frame.width(), frame.height()));
        }
        return RectangleGranularity.tiles(frame.width(), frame.height(), size);
    }

    /**
     * Keeps the area annotated per round constant: the loop's samples per round are counted in samples of
     * the smallest level (b = 64 means 64 tiles of 16 px, or 16 tiles of 32 px, or as many whole frames as
     * cover the same area, at least one).
     */
    @Override
    public int samplesPerRound(int configuredSamplesPerRound) {
        int smallest = levelSizesPx[0];
        int current = levelSizesPx[currentLevel];
        if (current == WHOLE_FRAME) {
            long area = (long) configuredSamplesPerRound * smallest * smallest;
            return (int) Math.max(1, area / Math.max(1L, (long) frameWidthPx * frameHeightPx));
        }
        return Math.max(1, (int) ((long) configuredSamplesPerRound * smallest * smallest / ((long) current * current)));
    }

    @Override
    public String currentDescription() {
        int size = levelSizesPx[currentLevel];
        return size == WHOLE_FRAME ? "frame" : "rect " + size;
    }

    /** Index of the level in use (0 = smallest). */
    public int currentLevel() {
        return currentLevel;
    }
}
