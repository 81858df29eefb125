package org.frameloop.clickcost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.registry.Contribution;
import org.frameloop.core.registry.ContributionException;
import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.ParameterSpec;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.core.sample.Region;
import org.frameloop.core.spi.ClickCostModel;
import org.junit.jupiter.api.Test;

/** The polygon protocol as PolygonClickCost documents it (Cai et al. 2021), case by case; every model comes from the extension registry. */
class PolygonClickCostTest {

    private static final int NO_IGNORE = -1;
    private static final int VOID = 11;

    private static Contribution<ClickCostModel> contribution() {
        return PluginRegistry.ofPlatform().find(ExtensionPoint.CLICK_COSTS, "polygon").orElseThrow();
    }

    private static PolygonClickCost model(Map<String, String> parameters) throws ContributionException {
        return (PolygonClickCost) contribution().create(parameters);
    }

    private static PolygonClickCost model() throws ContributionException {
        return model(Map.of());
    }

    private static Region.Rectangle all(LabelImage image) {
        return new Region.Rectangle(0, 0, image.width(), image.height());
    }

    private static ClickCostBreakdown explain(GroundTruth truth) throws ContributionException {
        return model().explain(all(truth.image()), truth.image(), NO_IGNORE);
    }

    // --- pinned by the protocol -----------------------------------------------------------------------------

    @Test
    void squareObjectOnOneClassBackgroundCostsTwoRegionsAndFourVertices() throws Exception {
        GroundTruth truth = GroundTruth.of(40, 40, 0).fill(15, 12, 10, 10, 1);

        assertEquals(new ClickCostBreakdown(2, 0, 4), explain(truth));
        assertEquals(6, model().clicks(all(truth.image()), truth.image(), NO_IGNORE));
    }

    @Test
    void oneClassRectangleCostsOneClick() throws Exception {
        GroundTruth truth = GroundTruth.of(30, 20, 3);

        assertEquals(new ClickCostBreakdown(1, 0, 0), explain(truth));
    }

    @Test
    void rectangleCutByOneStraightVerticalBoundaryCostsTwoRegionsAndTwoCrossings() throws Exception {
        GroundTruth truth = GroundTruth.of(30, 20, 0).fill(12, 0, 18, 20, 1);

        assertEquals(new ClickCostBreakdown(2, 2, 0), explain(truth));
        assertEquals(4, explain(truth).clicks());
    }

    // --- the rectangle's border -------------------------------------------------------------------------

    @Test
    void objectTouchingTheTopBorderPaysTwoCrossingsAndOnlyItsInsideCorners() throws Exception {
        GroundTruth truth = GroundTruth.of(40, 40, 0).fill(10, 0, 12, 9, 1);

        assertEquals(new ClickCostBreakdown(2, 2, 2), explain(truth));
    }

    @Test
    void objectInTheCornerPaysOneCrossingPerBorderAndOneInsideCorner() throws Exception {
        GroundTruth truth = GroundTruth.of(40, 40, 0).fill(0, 0, 12, 9, 1);

        assertEquals(new ClickCostBreakdown(2, 2, 1), explain(truth));
    }

    @Test
    void rectangleCroppedFromALargerFrameCostsWhatItsCropCosts() throws Exception {
        // The square of the first test, seen through a rectangle that cuts it in half.
        GroundTruth truth = GroundTruth.of(60, 60, 0).fill(20, 20, 10, 10, 1);

        ClickCostBreakdown half = model().explain(new Region.Rectangle(25, 10, 30, 40), truth.image(), NO_IGNORE);

        assertEquals(new ClickCostBreakdown(2, 2, 2), half);
    }

    // --- shared boundaries --------------------------------------------------------------------------------

    @Test
    void twoTouchingObjectsCountTheirSharedBoundaryOnce() throws Exception {
        // Squares of classes 1 and 2 side by side: 2 outer corners each + 2 junctions where both meet the
        // background, the shared straight edge between the junctions needs no further vertex.
        GroundTruth touching = GroundTruth.of(50, 40, 0).fill(10, 10, 12, 12, 1).fill(22, 10, 12, 12, 2);
        GroundTruth apart = GroundTruth.of(50, 40, 0).fill(4, 10, 12, 12, 1).fill(30, 10, 12, 12, 2);

        assertEquals(new ClickCostBreakdown(3, 0, 6), explain(touching));
        assertEquals(new ClickCostBreakdown(3, 0, 8), explain(apart));
    }

    @Test
    void nestedObjectsShareEachRingOnce() throws Exception {
        // A square hole in a square object: background|object ring and object|inner ring, 4 vertices each.
        GroundTruth truth = GroundTruth.of(40, 40, 0).fill(8, 8, 24, 24, 1).fill(14, 14, 12, 12, 2);

        assertEquals(new ClickCostBreakdown(3, 0, 8), explain(truth));
    }

    @Test
    void costDoesNotDependOnWhichClassHasTheSmallerId() throws Exception {
        GroundTruth lowObject = GroundTruth.of(64, 64, 5).disk(30, 33, 17.3, 2).fill(40, 5, 15, 30, 7);
        GroundTruth highObject = GroundTruth.of(64, 64, 2).disk(30, 33, 17.3, 7).fill(40, 5, 15, 30, 5);

        assertEquals(explain(lowObject), explain(highObject));
    }

    @Test
    void classesMeetingCrosswiseFormTwoEightConnectedRegionsAndOneJunction() throws Exception {
        // 0 1
        // 1 0   : each class is one 8-connected region; four boundaries leave the centre junction.
        GroundTruth truth = GroundTruth.of(20, 20, 0).fill(10, 0, 10, 10, 1).fill(0, 10, 10, 10, 1);

        assertEquals(new ClickCostBreakdown(2, 4, 1), explain(truth));
    }

    @Test
    void pixelsOfOneClassTouchingOnlyAtACornerAreOneRegion() throws Exception {
        GroundTruth truth = GroundTruth.of(20, 20, 0).fill(5, 5, 5, 5, 1).fill(10, 10, 5, 5, 1);

        assertEquals(2, explain(truth).regions());
    }

    // --- Douglas-Peucker ----------------------------------------------------------------------------------

    @Test
    void diagonalBoundaryIsOneStraightSegment() throws Exception {
        GroundTruth diagonal = GroundTruth.of(32, 32, 0).belowLine(1, 1, 1);
        GroundTruth shallow = GroundTruth.of(48, 32, 0).belowLine(2, 3, 1);

        assertEquals(new ClickCostBreakdown(2, 2, 0), explain(diagonal));
        assertEquals(new ClickCostBreakdown(2, 2, 0), explain(shallow));
    }

    @Test
    void zeroToleranceKeepsTheTurnsOfAStaircaseThatOnePixelStraightens() throws Exception {
        // A 2:3 staircase: its edge midpoints zigzag by up to 0.55 px around the straight line.
        GroundTruth shallow = GroundTruth.of(12, 8, 0).belowLine(2, 3, 1);

        ClickCostBreakdown exact = model(Map.of("tolerancePx", "0")).explain(all(shallow.image()), shallow.image(),
                NO_IGNORE);

        assertTrue(exact.vertices() > 0, exact.toString());
        assertEquals(new ClickCostBreakdown(2, 2, 0), explain(shallow));
    }

    @Test
    void largerToleranceGivesACircleFewerVerticesButNeverTooFewToStayWithinIt() throws Exception {
        double radius = 30;
        GroundTruth circle = GroundTruth.of(80, 80, 0).disk(40, 40, radius, 1);
        double[] tolerances = { 0, 1, 3, 10 };
        int[] vertices = new int[tolerances.length];
        for (int i = 0; i < tolerances.length; i++) {
            vertices[i] = model(Map.of("tolerancePx", Double.toString(tolerances[i])))
                    .explain(all(circle.image()), circle.image(), NO_IGNORE).vertices();
        }

        String seen = "vertices at tolerances " + java.util.Arrays.toString(tolerances) + " px: "
                + java.util.Arrays.toString(vertices);
        for (int i = 1; i < vertices.length; i++) {
            assertTrue(vertices[i] < vertices[i - 1], seen);
            // A polygon within t of a circle of radius r needs pi / acos(1 - t / r) sides; the digital
            // boundary strays 0.5 px from the true circle, hence t + 0.5.
            double fewestSides = Math.PI / Math.acos(1 - (tolerances[i] + 0.5) / radius);
            assertTrue(vertices[i] >= fewestSides, seen + "; at least " + fewestSides + " at " + tolerances[i] + " px");
        }
    }

    @Test
    void tinyIslandStillCostsAPolygon() throws Exception {
        GroundTruth truth = GroundTruth.of(10, 10, 0).fill(4, 4, 1, 1, 1);

        assertEquals(new ClickCostBreakdown(2, 0, 3), explain(truth));
    }

    // --- ignored pixels -----------------------------------------------------------------------------------

    @Test
    void rectangleOfIgnoredPixelsCostsNothing() throws Exception {
        GroundTruth truth = GroundTruth.of(16, 16, VOID);

        assertEquals(0, model().clicks(all(truth.image()), truth.image(), VOID));
        assertEquals(0, model().clicks(all(truth.image()), GroundTruth.of(16, 16, LabelImage.UNLABELED).image(),
                NO_IGNORE), "unlabelled pixels are ignored too");
    }

    @Test
    void boundariesWithIgnoredPixelsAreFree() throws Exception {
        GroundTruth truth = GroundTruth.of(40, 40, VOID).fill(15, 12, 10, 10, 1);

        assertEquals(new ClickCostBreakdown(1, 0, 0), model().explain(all(truth.image()), truth.image(), VOID));
        assertEquals(new ClickCostBreakdown(2, 0, 4), model().explain(all(truth.image()), truth.image(), NO_IGNORE),
                "without an ignore id, 11 is a class like any other");
    }

    @Test
    void classBoundaryEndingAtIgnoredPixelsPaysForItsEnd() throws Exception {
        // Top half split left 0 | right 1, bottom half void: one crossing at the top, one vertex where the
        // split meets the void; the class/void line itself is free.
        GroundTruth truth = GroundTruth.of(20, 20, 0).fill(10, 0, 10, 10, 1).fill(0, 10, 20, 10, VOID);

        assertEquals(new ClickCostBreakdown(2, 1, 1), model().explain(all(truth.image()), truth.image(), VOID));
    }

    // --- whole frame and superpixels ----------------------------------------------------------------------

    @Test
    void wholeFrameCostsTheRectangleCoveringTheImage() throws Exception {
        LabelImage scene = GroundTruth.randomScene(120, 90, 6, 7L).image();
        PolygonClickCost model = model();

        ClickCostBreakdown frame = model.explain(new Region.WholeFrame(120, 90), scene, VOID);

        assertEquals(model.explain(all(scene), scene, VOID), frame);
        assertTrue(frame.clicks() > 25, "a scene of 25 shapes: " + frame);
    }

    @Test
    void superpixelCostsOneClickByDefault() throws Exception {
        LabelImage scene = GroundTruth.randomScene(120, 90, 6, 3L).image();
        Region.PixelSet superpixel = new Region.PixelSet(IntStream.range(0, 120 * 90).filter(i -> i % 7 != 0).toArray());

        assertEquals(1, model().clicks(superpixel, scene, VOID));
        assertEquals(0, model().clicks(new Region.PixelSet(new int[] { 5, 6, 7 }), GroundTruth.of(10, 10, VOID).image(),
                VOID), "a superpixel of void only is free");
    }

    @Test
    void preciseSuperpixelShapedLikeARectangleCostsWhatTheRectangleCosts() throws Exception {
        LabelImage scene = GroundTruth.randomScene(120, 90, 6, 11L).image();
        Region.Rectangle rectangle = new Region.Rectangle(30, 20, 48, 40);
        int[] pixels = IntStream.range(20, 60).flatMap(y -> IntStream.range(30, 78).map(x -> y * 120 + x)).toArray();

        PolygonClickCost precise = model(Map.of("superpixelCost", "precise"));

        assertEquals(precise.explain(rectangle, scene, VOID), precise.explain(new Region.PixelSet(pixels), scene, VOID));
    }

    @Test
    void preciseSuperpixelCountsCrossingsOnItsOwnOutline() throws Exception {
        // A diamond of radius 10 cut by a vertical class boundary through its middle.
        GroundTruth truth = GroundTruth.of(40, 40, 0).fill(20, 0, 20, 40, 1);
        int[] diamond = IntStream.range(0, 40 * 40).filter(i -> Math.abs(i % 40 - 20) + Math.abs(i / 40 - 20) <= 10)
                .toArray();

        ClickCostBreakdown cost = model(Map.of("superpixelCost", "precise"))
                .explain(new Region.PixelSet(diamond), truth.image(), NO_IGNORE);

        assertEquals(new ClickCostBreakdown(2, 2, 0), cost);
    }

    // --- contract -----------------------------------------------------------------------------------------

    @Test
    void sameSampleAlwaysCostsTheSameAndTilesDoNotDependOnOrder() throws Exception {
        LabelImage scene = GroundTruth.randomScene(128, 96, 8, 42L).image();
        PolygonClickCost first = model();
        PolygonClickCost second = model();
        List<Region.Rectangle> tiles = IntStream.range(0, 8 * 6)
                .mapToObj(t -> new Region.Rectangle(t % 8 * 16, t / 8 * 16, 16, 16)).toList();

        int forward = tiles.stream().mapToInt(tile -> first.clicks(tile, scene, VOID)).sum();
        int backward = IntStream.range(0, tiles.size()).map(i -> tiles.size() - 1 - i)
                .map(i -> second.clicks(tiles.get(i), scene, VOID)).sum();

        assertEquals(forward, backward);
        assertEquals(first.explain(all(scene), scene, VOID), second.explain(all(scene), scene, VOID));
        assertTrue(forward > first.clicks(all(scene), scene, VOID),
                "cutting a frame into 16x16 tiles adds regions and crossings");
    }

    @Test
    void contributionDeclaresToleranceAndSuperpixelCost() {
        List<String> names = contribution().parameters().stream().map(ParameterSpec::name).toList();

        assertEquals(List.of("tolerancePx", "superpixelCost"), names);
        assertThrows(ContributionException.class, () -> model(Map.of("superpixelCost", "cheap")));
        assertThrows(ContributionException.class, () -> model(Map.of("tolerancePx", "-1")));
    }

    @Test
    void rectangleBeyondTheFrameIsRejectedWithItsCoordinates() throws Exception {
        LabelImage image = GroundTruth.of(32, 32, 0).image();
        PolygonClickCost model = model();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.clicks(new Region.Rectangle(20, 20, 16, 16), image, NO_IGNORE));

        assertTrue(error.getMessage().contains("(20, 20) of 16x16"), error.getMessage());
    }
}
