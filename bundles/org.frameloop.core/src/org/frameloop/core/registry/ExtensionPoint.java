package org.frameloop.core.registry;

import java.util.List;

import org.frameloop.core.spi.ClickCostModel;
import org.frameloop.core.spi.FlowProvider;
import org.frameloop.core.spi.Granularity;
import org.frameloop.core.spi.LabelExporter;
import org.frameloop.core.spi.LabelFusion;
import org.frameloop.core.spi.LabelImporter;
import org.frameloop.core.spi.RuntimeCheck;
import org.frameloop.core.spi.SampleSelector;
import org.frameloop.core.spi.SegmentationModel;
import org.frameloop.core.spi.VideoReader;

/**
 * An extension point of Frameloop together with the element that declares one contribution and the
 * interface that contribution's class implements.
 */
public record ExtensionPoint<T>(String id, String elementName, Class<T> type, String title) {

    private static final String NS = "org.frameloop.core.";

    public static final ExtensionPoint<SegmentationModel> MODELS =
            new ExtensionPoint<>(NS + "models", "model", SegmentationModel.class, "Segmentation models");
    public static final ExtensionPoint<FlowProvider> FLOWS =
            new ExtensionPoint<>(NS + "flows", "flow", FlowProvider.class, "Optical flow providers");
    public static final ExtensionPoint<SampleSelector> SELECTORS =
            new ExtensionPoint<>(NS + "selectors", "selector", SampleSelector.class, "Sample selectors");
    public static final ExtensionPoint<Granularity> GRANULARITIES =
            new ExtensionPoint<>(NS + "granularities", "granularity", Granularity.class, "Granularities");
    public static final ExtensionPoint<ClickCostModel> CLICK_COSTS =
            new ExtensionPoint<>(NS + "clickCosts", "clickCost", ClickCostModel.class, "Click cost models");
    public static final ExtensionPoint<LabelExporter> EXPORTERS =
            new ExtensionPoint<>(NS + "formats", "exporter", LabelExporter.class, "Label exporters");
    public static final ExtensionPoint<LabelImporter> IMPORTERS =
            new ExtensionPoint<>(NS + "formats", "importer", LabelImporter.class, "Label importers");
    public static final ExtensionPoint<RuntimeCheck> DIAGNOSTICS =
            new ExtensionPoint<>(NS + "diagnostics", "check", RuntimeCheck.class, "Runtime checks");
    public static final ExtensionPoint<LabelFusion> FUSIONS =
            new ExtensionPoint<>(NS + "labelFusions", "fusion", LabelFusion.class, "Label fusions");
    public static final ExtensionPoint<VideoReader> VIDEO_READERS =
            new ExtensionPoint<>(NS + "videoReaders", "reader", VideoReader.class, "Video readers");

    /** Every kind of contribution, in the order `doctor` and `--help` list them. */
    public static List<ExtensionPoint<?>> all() {
        return List.of(MODELS, FUSIONS, FLOWS, SELECTORS, GRANULARITIES, CLICK_COSTS, EXPORTERS, IMPORTERS, VIDEO_READERS,
                DIAGNOSTICS);
    }
}
