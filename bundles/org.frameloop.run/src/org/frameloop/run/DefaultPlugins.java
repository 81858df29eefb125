package org.frameloop.run;

import org.frameloop.core.registry.ExtensionPoint;
import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;

/**
 * The contribution each role of a run gets when the user names none: the one place these ids are written
 * down, for the command line, the IDE and the bench alike. Parameter values are never defaulted here: each
 * contribution's plugin.xml declares its own, and the registry applies them.
 */
public final class DefaultPlugins {

    /** The trained segmentation network (org.frameloop.model.djl). */
    public static final String NETWORK_MODEL = "unet";
    /** Human labels carried along the optical flow: the model that needs no network (and the keyframe baseline's). */
    public static final String PROPAGATION_MODEL = "propagation";
    public static final String GRANULARITY = "frame";
    public static final String SELECTOR = "coverage";
    public static final String FLOW = "dis";
    public static final String CLICK_COST = "polygon";
    public static final String FUSION = "evidence";

    private DefaultPlugins() {
    }

    /** The trained network when it is installed, else flow propagation. */
    public static String modelId(PluginRegistry registry) {
        return registry.find(ExtensionPoint.MODELS, NETWORK_MODEL).isPresent() ? NETWORK_MODEL : PROPAGATION_MODEL;
    }

    /**
     * The evidence fusion of the model's labels with the carried human labels, when it is installed and the
     * model is not flow propagation (whose labels already are the carried labels); else the model alone.
     */
    public static String fusionId(PluginRegistry registry, String modelId) {
        return PROPAGATION_MODEL.equals(modelId) || registry.find(ExtensionPoint.FUSIONS, FUSION).isEmpty()
                ? PluginChoice.NONE
                : FUSION;
    }

    /** Every role at its default. */
    public static RunPlugins all(PluginRegistry registry) {
        String model = modelId(registry);
        return new RunPlugins(PluginChoice.of(model), PluginChoice.of(GRANULARITY), PluginChoice.of(SELECTOR),
                PluginChoice.of(FLOW), PluginChoice.of(CLICK_COST), PluginChoice.of(fusionId(registry, model)));
    }
}
