package org.frameloop.editor.session;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.frameloop.core.registry.PluginChoice;
import org.frameloop.core.registry.PluginRegistry;
import org.frameloop.run.DefaultPlugins;
import org.frameloop.run.RunPlugins;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What a project is made of and how its loop runs, as written into {@code project.json}'s settings.
 * Plugins are named by id with their parameter values as text (as the registry takes them).
 *
 * @param video            the frames: an image folder or a video file (recorded as {@code videoFolder})
 * @param groundTruth      a folder of true label PNGs for measuring mIoU, or null
 * @param samplesPerRound  how many samples the selector proposes per round
 */
public record ProjectSettings(Path video, Path groundTruth, PluginChoice model, PluginChoice granularity,
        PluginChoice selector, PluginChoice flow, PluginChoice clickCost, int samplesPerRound, long seed) {

    public ProjectSettings {
        Objects.requireNonNull(video, "video");
        if (samplesPerRound < 1) {
            throw new IllegalArgumentException("samples per round must be at least 1, was " + samplesPerRound);
        }
    }

    /**
     * The plugins of this project's loop; the fusion is not recorded by the IDE, so it is the default for
     * the project's model ({@link DefaultPlugins#fusionId}).
     */
    public RunPlugins plugins(PluginRegistry registry) {
        return new RunPlugins(model, granularity, selector, flow, clickCost,
                PluginChoice.of(DefaultPlugins.fusionId(registry, model.id())));
    }

    /** These settings with another optical flow. */
    public ProjectSettings withFlow(PluginChoice otherFlow) {
        return new ProjectSettings(video, groundTruth, model, granularity, selector, otherFlow, clickCost, samplesPerRound,
                seed);
    }

    /** The settings map {@code ProjectStore.create} records. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("video", video.getFileName().toString());
        map.put("videoFolder", video.toAbsolutePath().toString()); // the key predates video files
        if (groundTruth != null) {
            map.put("groundTruth", groundTruth.toAbsolutePath().toString());
        }
        map.put("model", model);
        map.put("granularity", granularity);
        map.put("selector", selector);
        map.put("flow", flow);
        map.put("clickCost", clickCost);
        map.put("samplesPerRound", samplesPerRound);
        map.put("seed", seed);
        map.put("annotator", HumanAnnotator.ID);
        return map;
    }

    /**
     * Reads the settings object of a project.json.
     *
     * @throws IllegalArgumentException naming the missing key
     */
    public static ProjectSettings fromJson(JsonObject settings) {
        if (!settings.has("videoFolder")) {
            throw new IllegalArgumentException("settings lack \"videoFolder\" (the folder of frames or the video file)");
        }
        Path ground = settings.has("groundTruth") ? Path.of(settings.get("groundTruth").getAsString()) : null;
        return new ProjectSettings(Path.of(settings.get("videoFolder").getAsString()), ground,
                // the model of projects from before the network was installed by default
                choice(settings, "model", DefaultPlugins.PROPAGATION_MODEL),
                choice(settings, "granularity", DefaultPlugins.GRANULARITY),
                choice(settings, "selector", DefaultPlugins.SELECTOR), choice(settings, "flow", DefaultPlugins.FLOW),
                choice(settings, "clickCost", DefaultPlugins.CLICK_COST),
                settings.has("samplesPerRound") ? settings.get("samplesPerRound").getAsInt() : 8,
                settings.has("seed") ? settings.get("seed").getAsLong() : 1);
    }

    private static PluginChoice choice(JsonObject settings, String key, String fallback) {
        JsonElement element = settings.get(key);
        if (element == null || !element.isJsonObject()) {
            return PluginChoice.of(element != null && element.isJsonPrimitive() ? element.getAsString() : fallback);
        }
        JsonObject object = element.getAsJsonObject();
        Map<String, String> parameters = new LinkedHashMap<>();
        if (object.has("parameters")) {
            object.getAsJsonObject("parameters").entrySet()
                    .forEach(e -> parameters.put(e.getKey(), e.getValue().getAsString()));
        }
        return new PluginChoice(object.get("id").getAsString(), parameters);
    }
}
