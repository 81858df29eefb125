package org.frameloop.clickcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.ClickCostModel;
import org.junit.jupiter.api.Test;

/** The correction protocol of {@link CorrectionClickCost}, case by case, on tiny synthetic masks. */
class CorrectionClickCostTest {

    private static final int NO_IGNORE = -1;
    private static final int VOID = 11;

    private static CorrectionClickCost model() throws Exception {
        return (CorrectionClickCost) PluginRegistry.ofPlatform().find(ExtensionPoint.CLICK_COSTS, "correction")
                .orElseThrow().create(Map.of());
    }

    private static Region.Rectangle all(LabelImage image) {
        return new Region.Rectangle(0, 0, image.width(), image.height());
    }

    /** 8x8, background 0, a 4x4 object of class 1 at (2, 2): 6 clicks from scratch. */
    private static LabelImage squareScene() {
        return GroundTruth.of(8, 8, 0).fill(2, 2, 4, 4, 1).image();
    }

    private static CorrectionClickCost.Breakdown explain(LabelImage truth, LabelImage proposal) throws Exception {
        return model().explain(all(truth), truth, proposal, NO_IGNORE);
    }

    @Test
    void aProposalThatIsRightCostsOneAcceptClick() throws Exception {
        LabelImage truth = squareScene();

        assertEquals(new CorrectionClickCost.Breakdown(0, 0, 6), explain(truth, truth));
        assertEquals(1, model().clicks(all(truth), truth, truth, NO_IGNORE));
    }

    @Test
    void aMissedSquareObjectCostsOneClassClickAndFourVertices() throws Exception {
        LabelImage truth = squareScene();
        LabelImage proposal = GroundTruth.of(8, 8, 0).image();

        assertEquals(new CorrectionClickCost.Breakdown(1, 4, 6), explain(truth, proposal));
        assertEquals(5, model().clicks(all(truth), truth, proposal, NO_IGNORE));
    }

    @Test
    void wrongRegionsAreCountedOneByOne() throws Exception {
        // from scratch: 3 regions + 4 + 4 vertices = 11; the proposal missed both objects
        LabelImage truth = GroundTruth.of(16, 16, 0).fill(1, 1, 3, 3, 1).fill(10, 10, 4, 4, 1).image();
        LabelImage proposal = GroundTruth.of(16, 16, 0).image();

        assertEquals(new CorrectionClickCost.Breakdown(2, 8, 11), explain(truth, proposal));
        assertEquals(10, model().clicks(all(truth), truth, proposal, NO_IGNORE));
    }

    @Test
    void aSinglePixelSpeckIsATriangle() throws Exception {
        LabelImage truth = squareScene();
        LabelImage proposal = GroundTruth.of(8, 8, 0).fill(2, 2, 4, 4, 1).fill(0, 7, 1, 1, 2).image();

        assertEquals(new CorrectionClickCost.Breakdown(1, 3, 6), explain(truth, proposal));
    }

    @Test
    void neverCostsMoreThanDrawingTheSampleFromScratch() throws Exception {
        LabelImage truth = squareScene();
        LabelImage proposal = GroundTruth.of(8, 8, 2).image(); // wrong everywhere

        CorrectionClickCost.Breakdown breakdown = explain(truth, proposal);

        // background ring (1 + 4) with the object's hole kept out (4), the object (1 + 4)
        assertEquals(new CorrectionClickCost.Breakdown(2, 12, 6), breakdown);
        assertEquals(14, breakdown.correctionClicks());
        assertEquals(6, breakdown.clicks());
    }

    @Test
    void aHoleHoldingOnlyTheRegionsOwnClassIsPaintedOver() throws Exception {
        // 12x12, an 8x8 object of class 1; the proposal found only its 4x4 centre: the wrong ring of class 1
        // encloses correct class-1 pixels, so one polygon around the ring suffices
        LabelImage truth = GroundTruth.of(12, 12, 0).fill(2, 2, 8, 8, 1).image();
        LabelImage proposal = GroundTruth.of(12, 12, 0).fill(4, 4, 4, 4, 1).image();

        assertEquals(new CorrectionClickCost.Breakdown(1, 4, 6), explain(truth, proposal));
        assertEquals(5, model().clicks(all(truth), truth, proposal, NO_IGNORE));
    }

    @Test
    void diagonallyTouchingWrongPixelsOfOneClassAreOneRegion() throws Exception {
        LabelImage truth = GroundTruth.of(6, 6, 0).fill(1, 1, 2, 2, 1).fill(3, 3, 2, 2, 1).image();
        LabelImage proposal = GroundTruth.of(6, 6, 0).image();

        assertEquals(1, explain(truth, proposal).wrongRegions());
    }

    @Test
    void ignoredTruthIsFreeWhateverTheProposal() throws Exception {
        LabelImage allVoid = GroundTruth.of(8, 8, VOID).image();
        LabelImage truth = GroundTruth.of(8, 8, VOID).fill(2, 2, 4, 4, 1).image();
        LabelImage proposal = GroundTruth.of(8, 8, 3).fill(2, 2, 4, 4, 1).image();

        assertEquals(0, model().clicks(all(allVoid), allVoid, proposal, VOID));
        assertEquals(1, model().clicks(all(truth), truth, proposal, VOID));
    }

    @Test
    void onlyTheSamplesPixelsAreCorrected() throws Exception {
        LabelImage truth = GroundTruth.of(16, 8, 0).fill(10, 2, 4, 4, 1).image();
        LabelImage proposal = GroundTruth.of(16, 8, 0).image();

        assertEquals(1, model().clicks(new Region.Rectangle(0, 0, 8, 8), truth, proposal, NO_IGNORE));
        assertEquals(5, model().clicks(new Region.Rectangle(8, 0, 8, 8), truth, proposal, NO_IGNORE));
    }

    @Test
    void withoutAProposalItPricesDrawingFromScratchLikeThePolygonModel() throws Exception {
        LabelImage truth = squareScene();
        ClickCostModel polygon = PluginRegistry.ofPlatform().create(ExtensionPoint.CLICK_COSTS, "polygon", Map.of());
        LabelImage wrong = GroundTruth.of(8, 8, 0).image();

        assertEquals(6, model().clicks(all(truth), truth, NO_IGNORE));
        assertEquals(6, polygon.clicks(all(truth), truth, wrong, NO_IGNORE), "the polygon model ignores proposals");
        assertEquals(6, polygon.clicks(all(truth), truth, truth, NO_IGNORE));
    }

    @Test
    void aProposalOfAnotherSizeIsRefused() throws Exception {
        LabelImage truth = squareScene();

        assertThrows(IllegalArgumentException.class,
                () -> model().clicks(all(truth), truth, LabelImage.unlabeled(4, 4), NO_IGNORE));
    }
}
