package org.frameloop.core.spi;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.sample.Region;

/**
 * What labelling a region costs a person, in clicks (contributed to {@code org.frameloop.core.clickCosts}).
 * The benchmark's headline number is a sum of these costs, so a model must be deterministic.
 * {@code org.frameloop.clickcost.PolygonClickCost} documents the default protocol; docs/loop.md compares it
 * with {@code correction}.
 */
public interface ClickCostModel {

    /**
     * @param region      the sample's pixels
     * @param groundTruth the frame's true labels, from which the polygons a person would draw are derived;
     *                    pixels holding {@code ignoreId} (e.g. CamVid's void) are free and never counted
     * @param ignoreId    the label map's ignore id, or -1 when it has none
     * @return clicks, at least 1 for a region that holds any non-ignored pixel, 0 otherwise
     */
    int clicks(Region region, LabelImage groundTruth, int ignoreId);

    /**
     * What fixing a proposal costs: the person sees {@code proposal} (the automatic labels shown before
     * they act) and changes what is wrong in {@code region}. A model that prices drawing from scratch
     * ignores the proposal, which is what this default does; the correction model
     * ({@code clickCosts} id {@code correction}) prices the wrong regions.
     *
     * @param proposal full-frame labels the person starts from; {@link LabelImage#UNLABELED} where there are none
     * @return clicks, at least 1 for a region that holds any non-ignored pixel (accepting costs a click), 0 otherwise
     */
    default int clicks(Region region, LabelImage groundTruth, LabelImage proposal, int ignoreId) {
        return clicks(region, groundTruth, ignoreId);
    }
}
