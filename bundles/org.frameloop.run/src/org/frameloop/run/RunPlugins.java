package org.frameloop.run;

import java.util.Objects;

import org.frameloop.core.registry.PluginChoice;

/**
 * Which contribution fills each role of a run, with its parameters. {@code flow} and {@code fusion} may be
 * {@link PluginChoice#NONE}: no optical flow, or the model's labels alone.
 */
public record RunPlugins(PluginChoice model, PluginChoice granularity, PluginChoice selector, PluginChoice flow,
        PluginChoice clickCost, PluginChoice fusion) {

    public RunPlugins {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(clickCost, "clickCost");
        Objects.requireNonNull(fusion, "fusion");
    }
}
