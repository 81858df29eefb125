package org.frameloop.editor.session;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

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

    /** A contribution id with parameter values by name; id {@code none} switches an optional role off. */
    public record PluginChoice(String id, Map<String, String> parameters) {
        public PluginChoice {
            Objects.requireNonNull(id, "id");
            parameters = Map.copyOf(parameters);
        }

        public static PluginChoice of(String id) {
            return new PluginChoice(id, Map.of());
        }
    }

    public ProjectSettings {
        Objects.requireNonNull(video, "video");
        if (samplesPerRound < 1) {
            throw new IllegalArgumentException("samples per round must be at least 1, was " + samplesPerRound);
        }
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
                choice(settings, "model", "propagation"), choice(settings, "granularity", "frame"),
                choice(settings, "selector", "coverage"), choice(settings, "flow", "dis"),
                choice(settings, "clickCost", "polygon"),
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
