package org.frameloop.core.label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.internal.io.JsonFields;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;

/**
 * The label-map file format: a JSON array of {@code {"id": 0, "name": "sky", "color": "#4682b4"}}
 * (colour also accepted as {@code [r, g, b]}); an entry with {@code "ignore": true} (e.g. CamVid's
 * void) is the ignore id rather than a class.
 */
public final class LabelMapJson {

    private LabelMapJson() {
    }

    /**
     * @throws IOException naming the file and the entry when the JSON is malformed or inconsistent
     */
    public static LabelMap read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + ": not a valid label map: it holds bytes that are not UTF-8 text (damaged?)", e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot read the label map (" + e.getMessage() + ")", e);
        }
        try {
            return parse(text);
        } catch (JsonParseException e) {
            String where = JsonFields.position(e);
            throw new IOException(file + ": not a valid label map: not valid JSON" + (where.isEmpty() ? "" : " (at "
                    + where + ")") + "; truncated or edited by hand?", e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(file + ": not a valid label map: " + e.getMessage(), e);
        }
    }

    /**
     * Parses the label-map JSON {@link #toJson} writes (a database column, say).
     *
     * @throws IllegalArgumentException saying which entry is malformed
     */
    public static LabelMap fromJson(String text) {
        try {
            return parse(text);
        } catch (IllegalStateException | JsonParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static LabelMap parse(String text) {
        JsonElement root = JsonParser.parseString(text);
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException("expected a JSON array of {id, name, color} entries");
        }
        List<LabelClass> classes = new ArrayList<>();
        OptionalInt ignore = OptionalInt.empty();
        int index = 0;
        for (JsonElement element : root.getAsJsonArray()) {
            if (!element.isJsonObject()) {
                throw new IllegalArgumentException("entry " + index + " is not an object");
            }
            JsonObject entry = element.getAsJsonObject();
            if (!entry.has("id") || !entry.has("name")) {
                throw new IllegalArgumentException("entry " + index + " needs \"id\" and \"name\"");
            }
            int id;
            String name;
            try {
                id = JsonFields.wholeNumber(entry, "id");
                name = JsonFields.text(entry, "name");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("entry " + index + ": " + e.getMessage(), e);
            }
            boolean isIgnore = entry.has("ignore") && entry.get("ignore").getAsBoolean();
            if (isIgnore) {
                if (ignore.isPresent()) {
                    throw new IllegalArgumentException("more than one entry is marked \"ignore\"");
                }
                ignore = OptionalInt.of(id);
            } else {
                classes.add(new LabelClass(id, name, colour(entry, index)));
            }
            index++;
        }
        return new LabelMap(classes, ignore);
    }

    public static void write(Path file, LabelMap labelMap) throws IOException {
        AtomicFiles.writeString(file, toJson(labelMap));
    }

    public static String toJson(LabelMap labelMap) {
        JsonArray array = new JsonArray();
        for (LabelClass c : labelMap.classes()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("id", c.id());
            entry.addProperty("name", c.name());
            entry.addProperty("color", String.format("#%06x", c.rgb() & 0xFFFFFF));
            array.add(entry);
        }
        labelMap.ignoreId().ifPresent(id -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("id", id);
            entry.addProperty("name", "void");
            entry.addProperty("ignore", true);
            array.add(entry);
        });
        return new GsonBuilder().setPrettyPrinting().create().toJson(array) + "\n";
    }

    private static int colour(JsonObject entry, int index) {
        if (!entry.has("color")) {
            return 0x808080;
        }
        JsonElement colour = entry.get("color");
        if (colour.isJsonArray() && colour.getAsJsonArray().size() == 3) {
            JsonArray rgb = colour.getAsJsonArray();
            return (rgb.get(0).getAsInt() & 0xFF) << 16 | (rgb.get(1).getAsInt() & 0xFF) << 8 | (rgb.get(2).getAsInt() & 0xFF);
        }
        String text = colour.getAsString().trim();
        if (text.matches("#?[0-9a-fA-F]{6}")) {
            return Integer.parseInt(text.replace("#", ""), 16);
        }
        throw new IllegalArgumentException("entry " + index + ": colour '" + text + "' is neither #rrggbb nor [r, g, b]");
    }
}
