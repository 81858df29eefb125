package org.frameloop.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.frameloop.core.image.LabelImage;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.io.ImageCodec;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

/**
 * Brings project.json of an older format up to {@link ProjectStore#FORMAT_VERSION}, one version at a time.
 * The original is kept beside it as {@code project.json.v<N>} before the new one replaces it atomically.
 * <p>
 * Format 1 → 2: format 1 recorded the video only inside {@code settings} (name, {@code frames},
 * {@code size} "WxH") and journaled samples without a {@code kind}; format 2 has a top-level
 * {@code video} entry and journals chosen samples too. Journal lines of format 1 are read as they are.
 */
final class ProjectMigration {

    private ProjectMigration() {
    }

    static JsonObject migrate(Path folder, Path file, JsonObject project, int version) throws IOException {
        JsonObject migrated = migrated(folder, file, project, version);
        Path original = file.resolveSibling(ProjectStore.PROJECT_FILE + ".v" + version);
        if (!Files.exists(original)) {
            Files.copy(file, original, StandardCopyOption.COPY_ATTRIBUTES);
        }
        AtomicFiles.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                .toJson(migrated) + "\n");
        return migrated;
    }

    /** The description in the current format, in memory only (a read-only opening writes nothing). */
    static JsonObject migrated(Path folder, Path file, JsonObject project, int version) throws IOException {
        JsonObject migrated = project.deepCopy();
        if (version == 1) {
            migrated = oneToTwo(folder, file, migrated);
        }
        return migrated;
    }

    private static JsonObject oneToTwo(Path folder, Path file, JsonObject project) throws IOException {
        JsonObject settings = project.has("settings") && project.get("settings").isJsonObject()
                ? project.getAsJsonObject("settings")
                : new JsonObject();
        int frames = settings.has("frames") ? settings.get("frames").getAsInt() : -1;
        int width = -1;
        int height = -1;
        if (settings.has("size")) {
            String[] size = settings.get("size").getAsString().split("x");
            if (size.length == 2) {
                width = Integer.parseInt(size[0].trim());
                height = Integer.parseInt(size[1].trim());
            }
        }
        if (width <= 0 || height <= 0) {
            Path any = firstLabelFile(folder);
            if (any != null) {
                LabelImage labels = ImageCodec.readLabels(any);
                width = labels.width();
                height = labels.height();
            }
        }
        if (frames <= 0 || width <= 0 || height <= 0) {
            throw new ProjectException(file, "cannot migrate this format-1 project: it records neither the frame count "
                    + "nor the frame size (settings \"frames\" and \"size\"), and format 2 needs both. Add them to "
                    + "\"settings\" by hand (e.g. \"frames\": 120, \"size\": \"480x360\") and open it again; nothing "
                    + "was changed");
        }
        JsonObject video = new JsonObject();
        video.addProperty("name", settings.has("video") ? settings.get("video").getAsString() : "video");
        video.addProperty("frameCount", frames);
        video.addProperty("width", width);
        video.addProperty("height", height);
        project.add("video", video);
        project.addProperty("formatVersion", 2);
        return project;
    }

    private static Path firstLabelFile(Path folder) throws IOException {
        for (String layer : new String[] { "human", "auto" }) {
            Path directory = folder.resolve("labels").resolve(layer);
            if (Files.isDirectory(directory)) {
                try (var files = Files.list(directory)) {
                    Path found = files.filter(p -> p.getFileName().toString().matches("\\d{6}\\.png")).findFirst()
                            .orElse(null);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }
}
