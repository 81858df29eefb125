package org.frameloop.clickcost;

import java.util.Objects;

import org.frameloop.clickcost.internal.WrongRegions;
import org.frameloop.core.image.LabelImage;
import org.frameloop.core.registry.ParameterValues;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.spi.Configurable;

/**
 * The clicks a person needs to fix a proposal rather than draw a sample from scratch (accept and correct):
 * contributed as {@code clickCosts} id {@code correction}.
 *
 * <h2>Protocol</h2>
 * A pixel of the sample is <b>wrong</b> when its true label is a class and the proposal (the automatic
 * labels the person is shown) says something else, unlabelled included. Wrong pixels of one true class
 * form 8-connected <b>wrong regions</b>; for each the person draws its polygon and picks its class:
 * <pre>correction = Σ over wrong regions (1 class click + polygon vertices)</pre>
 * The polygon follows the region's pixel-edge outline through the edges' midpoints, simplified with
 * Douglas-Peucker at {@code tolerancePx} (default 1 px), at least 3 vertices. A hole in a region is a
 * polygon of its own only when it holds a pixel of another true class, which the region's polygon must
 * not paint over. When nothing is wrong the person accepts the proposal: <b>1 click</b>. And a person who
 * finds correcting dearer simply draws the sample anew, so the price is never more than the
 * {@link PolygonClickCost polygon} model's from-scratch price of the same sample:
 * <pre>clicks = min(from scratch, nothing wrong ? 1 : correction)</pre>
 * Ignored truth (the label map's ignore id, e.g. CamVid's void) and unlabelled truth are free, as in the
 * polygon model; so are pixels a person already labelled, which the simulated annotator hands in as
 * unlabelled truth. A sample with only free pixels costs 0. Without a proposal ({@link #clicks(Region,
 * LabelImage, int)}) the price is the from-scratch price: there is nothing to correct from.
 *
 * <p>Examples, on an 8×8 rectangle holding a 4×4 square object on one background class (6 clicks from
 * scratch): the proposal is right, 1; the proposal missed the object, 1 + 4 = 5; the proposal is wrong
 * everywhere, 6 (correcting would be 5 + 5 + 4 for the background's hole = 14).
 *
 * <p>Deterministic; the wrong-region part is plain Java over the sample's bounding box. Thread-safe.
 */
public class CorrectionClickCost implements ClickCostModel, Configurable {

    /** Where the clicks of one correction go, and the from-scratch price that caps them. */
    public record Breakdown(int wrongRegions, int vertices, int fromScratch) {

        /** What {@link CorrectionClickCost#clicks(Region, LabelImage, LabelImage, int)} returns. */
        public int clicks() {
            return Math.min(fromScratch, correctionClicks());
        }

        /** The correction's own price, before the cap: 1 to accept when nothing is wrong. */
        public int correctionClicks() {
            return wrongRegions == 0 ? 1 : wrongRegions + vertices;
        }

        @Override
        public String toString() {
            return clicks() + " clicks (" + wrongRegions + " wrong regions + " + vertices + " vertices; from scratch "
                    + fromScratch + ")";
        }
    }

    private final PolygonClickCost fromScratch;

    /** The registry's constructor: tolerance 1 px, superpixels one click (then {@link #configure}). */
    public CorrectionClickCost() {
        this(new PolygonClickCost());
    }

    /** For plain-Java callers: corrections priced against {@code fromScratch}, at its tolerance. */
    public CorrectionClickCost(PolygonClickCost fromScratch) {
        this.fromScratch = Objects.requireNonNull(fromScratch, "fromScratch");
    }

    /** Takes the polygon model's parameters: {@code tolerancePx} and {@code superpixelCost}. */
    @Override
    public void configure(ParameterValues values) {
        fromScratch.configure(values);
    }

    /** From scratch: with no proposal there is nothing to correct. */
    @Override
    public int clicks(Region region, LabelImage groundTruth, int ignoreId) {
        return fromScratch.clicks(region, groundTruth, ignoreId);
    }

    @Override
    public int clicks(Region region, LabelImage groundTruth, LabelImage proposal, int ignoreId) {
        return explain(region, groundTruth, proposal, ignoreId).clicks();
    }

    /**
     * The price of correcting {@code proposal} within {@code region}, split as the class comment describes.
     *
     * @throws IllegalArgumentException when the proposal's size differs from the ground truth's, or the
     *                                  region does not lie within them
     */
    public Breakdown explain(Region region, LabelImage groundTruth, LabelImage proposal, int ignoreId) {
        Objects.requireNonNull(proposal, "proposal");
        if (proposal.width() != groundTruth.width() || proposal.height() != groundTruth.height()) {
            throw new IllegalArgumentException("the proposal is " + proposal.width() + "x" + proposal.height()
                    + " but the ground truth is " + groundTruth.width() + "x" + groundTruth.height());
        }
        int scratch = fromScratch.clicks(region, groundTruth, ignoreId);
        if (scratch == 0) {
            return new Breakdown(0, 0, 0);
        }
        WrongRegions.Count wrong = WrongRegions.count(groundTruth, proposal, region.pixelIndices(groundTruth.width()),
                ignoreId, fromScratch.tolerancePx());
        return new Breakdown(wrong.regions(), wrong.vertices(), scratch);
    }

    @Override
    public String toString() {
        return "correction clicks (tolerance " + fromScratch.tolerancePx() + " px, never more than "
                + fromScratch + ")";
    }
}
