package org.frameloop.granularity;

import java.util.List;

import org.frameloop.core.image.RgbImage;
import org.frameloop.core.registry.ParameterValues;
import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.Configurable;
import org.frameloop.core.spi.RoundAwareGranularity;

/**
 * The granularity {@code refine}: whole frames for the first rounds, N×N tiles after them. With labels
 * carried along the video, the first rounds must reach every stretch of it, which only whole frames do
 * (tiles early leave most pixels without a label to carry); once every pixel has a carried or predicted
 * label, what is left wrong is local (object borders, occlusions, newly visible things), and a tile pays
 * for fixing it alone instead of for redrawing a frame that is mostly right. The area annotated per round
 * stays that of the configured frames (b frames, then b frames' worth of tiles).
 */
public class RefiningGranularity implements RoundAwareGranularity, Configurable {

    private volatile int frameRounds = 2;
    private volatile int sizePx = 32;
    private volatile boolean tiles;
    private volatile int frameWidthPx = 1;
    private volatile int frameHeightPx = 1;

    @Override
    public void configure(ParameterValues values) {
        frameRounds = values.getInt("frameRounds");
        sizePx = values.getInt("sizePx");
        if (frameRounds < 0 || sizePx < 2) {
            throw new IllegalArgumentException("frameRounds must be at least 0 and sizePx at least 2, were "
                    + frameRounds + " and " + sizePx);
        }
    }

    @Override
    public void observe(List<RoundReport> finishedRounds, double targetQuality) {
        // the candidates being cut now are for the round after the finished ones (round 0 included)
        tiles = finishedRounds.size() + 1 > frameRounds;
    }

    @Override
    public List<Region> candidates(int frameIndex, RgbImage frame) {
        frameWidthPx = frame.width();
        frameHeightPx = frame.height();
        return tiles ? RectangleGranularity.tiles(frame.width(), frame.height(), sizePx)
                : List.of(new Region.WholeFrame(frame.width(), frame.height()));
    }

    @Override
    public int samplesPerRound(int configuredSamplesPerRound) {
        if (!tiles) {
            return configuredSamplesPerRound;
        }
        long tilesPerFrame = (long) ceilDiv(frameWidthPx, sizePx) * ceilDiv(frameHeightPx, sizePx);
        return (int) Math.min(Integer.MAX_VALUE, configuredSamplesPerRound * tilesPerFrame);
    }

    @Override
    public String currentDescription() {
        return tiles ? "rect " + sizePx : "frame";
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
