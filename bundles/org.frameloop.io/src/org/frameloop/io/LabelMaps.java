package org.frameloop.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import org.frameloop.core.label.ClassIdentity;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.label.LabelMapJson;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Label maps of the datasets people bring, so their masks import as they are:
 * <ul>
 * <li>{@link #cityscapes()}: the 19 Cityscapes train ids with the official colours; Cityscapes' ignore
 * value 255 is Frameloop's "unlabeled", so the map has no separate ignore id;</li>
 * <li>{@link #camvid()}: the 11 CamVid classes (SegNet's 360×480 version) with id 11 "void" as ignore id;</li>
 * <li>{@link #fromClassList}: VSPW-style class lists, a JSON object {@code {"name": id, ...}} (VSPW's
 * {@code label_num_dic_final.json}) or a text file with one class per line ({@code name}, id = line
 * number from 0, or {@code id name}); colours follow the PASCAL VOC palette.</li>
 * </ul>
 * {@link #read} tells the kinds apart, so a user can give any of them where a label map is asked for.
 */
public final class LabelMaps {

    private LabelMaps() {
    }

    public static LabelMap cityscapes() {
        String[] names = { "road", "sidewalk", "building", "wall", "fence", "pole", "traffic light", "traffic sign",
                "vegetation", "terrain", "sky", "person", "rider", "car", "truck", "bus", "train", "motorcycle",
                "bicycle" };
        int[] colours = { 0x804080, 0xf423e8, 0x464646, 0x66669c, 0xbe9999, 0x999999, 0xfaaa1e, 0xdcdc00, 0x6b8e23,
                0x98fb98, 0x4682b4, 0xdc143c, 0xff0000, 0x00008e, 0x000046, 0x003c64, 0x005064, 0x0000e6, 0x770b20 };
        List<LabelClass> classes = new ArrayList<>();
        for (int id = 0; id < names.length; id++) {
            classes.add(new LabelClass(id, names[id], colours[id]));
        }
        return new LabelMap(classes, OptionalInt.empty());
    }

    public static LabelMap camvid() {
        String[] names = { "sky", "building", "pole", "road", "sidewalk", "tree", "sign", "fence", "car", "pedestrian",
                "bicyclist" };
        int[] colours = { 0x808080, 0x800000, 0xc0c080, 0x804080, 0x3c28de, 0x808000, 0xc08080, 0x404080, 0x400080,
                0x404000, 0x0080c0 };
        List<LabelClass> classes = new ArrayList<>();
        for (int id = 0; id < names.length; id++) {
            classes.add(new LabelClass(id, names[id], colours[id]));
        }
        return new LabelMap(classes, OptionalInt.of(11));
    }

    /**
     * {@code map} with the void id of the dataset whose classes it lists, when it lists a preset's classes
     * (by {@link ClassIdentity}) but declares no ignore id: CamVid's own labelmap.json names classes 0..10 and
     * leaves out 11 (void), which its label images use. Otherwise {@code map} itself.
     */
    public static LabelMap withPresetIgnoreId(LabelMap map) {
        LabelMap camvid = camvid();
        if (map.ignoreId().isEmpty() && ClassIdentity.sameClasses(map, camvid)) {
            return new LabelMap(map.classes(), camvid.ignoreId());
        }
        return map;
    }

    /** The names {@link #named} knows as presets rather than files. */
    public static List<String> presetNames() {
        return List.of("camvid", "cityscapes");
    }

    /** A label map by preset name ({@code cityscapes}, {@code camvid}) or from a file (see {@link #read}). */
    public static LabelMap named(String nameOrFile) throws IOException {
        return switch (nameOrFile.toLowerCase(Locale.ROOT)) {
        case "cityscapes" -> cityscapes();
        case "camvid" -> camvid();
        default -> read(Path.of(nameOrFile), null);
        };
    }

    /**
     * Reads a label map in any of the supported forms: a Frameloop label map (JSON array), a VSPW-style
     * JSON object, or a text class list.
     *
     * @param ignoreName the class-list entry that is the ignore id (e.g. VSPW's "others"), or null
     * @throws ProjectException naming the file when it is none of these
     */
    public static LabelMap read(Path file, String ignoreName) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ProjectException(file, "cannot read the label map (" + e.getMessage() + ")", e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            JsonElement root;
            try {
                root = JsonParser.parseString(text);
            } catch (JsonParseException e) {
                throw new ProjectException(file, "is not valid JSON (" + e.getMessage() + ")", e);
            }
            if (root.isJsonArray()) {
                return LabelMapJson.read(file);
            }
            if (root.isJsonObject()) {
                return fromNameToId(file, root.getAsJsonObject(), ignoreName);
            }
            throw new ProjectException(file, "is neither a label map [{id, name, color}] nor a class list {name: id}");
        }
        return fromClassList(file, text, ignoreName);
    }

    /** A text class list: {@code name} per line (id = line number) or {@code id name}; # starts a comment. */
    public static LabelMap fromClassList(Path file, String text, String ignoreName) throws ProjectException {
        List<String[]> entries = new ArrayList<>();
        int next = 0;
        int lineNumber = 0;
        for (String line : text.split("\\R")) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+", 2);
            if (parts.length == 2 && parts[0].matches("\\d+")) {
                entries.add(new String[] { parts[0], parts[1], Integer.toString(lineNumber) });
                next = Integer.parseInt(parts[0]) + 1;
            } else {
                entries.add(new String[] { Integer.toString(next++), trimmed, Integer.toString(lineNumber) });
            }
        }
        List<LabelClass> classes = new ArrayList<>();
        OptionalInt ignore = OptionalInt.empty();
        try {
            for (String[] entry : entries) {
                int id = Integer.parseInt(entry[0]);
                if (entry[1].equalsIgnoreCase(ignoreName == null ? "" : ignoreName)) {
                    ignore = OptionalInt.of(id);
                } else {
                    classes.add(new LabelClass(id, entry[1], vocColour(id)));
                }
            }
            return new LabelMap(classes, ignore);
        } catch (IllegalArgumentException e) {
            throw new ProjectException(file, "is not a usable class list: " + e.getMessage(), e);
        }
    }

    private static LabelMap fromNameToId(Path file, JsonObject object, String ignoreName) throws ProjectException {
        List<LabelClass> classes = new ArrayList<>();
        OptionalInt ignore = OptionalInt.empty();
        try {
            for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
                int id = entry.getValue().getAsInt();
                if (id == 255) {
                    continue; // "ignore"/"unlabeled" in many lists: Frameloop's 255 already means that
                }
                if (entry.getKey().equalsIgnoreCase(ignoreName == null ? "" : ignoreName)) {
                    ignore = OptionalInt.of(id);
                } else {
                    classes.add(new LabelClass(id, entry.getKey(), vocColour(id)));
                }
            }
            classes.sort((a, b) -> Integer.compare(a.id(), b.id()));
            return new LabelMap(classes, ignore);
        } catch (RuntimeException e) {
            throw new ProjectException(file, "is not a usable class list {name: id}: " + e.getMessage(), e);
        }
    }

    /** The PASCAL VOC palette: bits of the id spread over the high bits of r, g and b. */
    public static int vocColour(int id) {
        int r = 0;
        int g = 0;
        int b = 0;
        int c = id;
        for (int shift = 7; shift >= 0 && c > 0; shift--) {
            r |= (c & 1) << shift;
            g |= ((c >> 1) & 1) << shift;
            b |= ((c >> 2) & 1) << shift;
            c >>= 3;
        }
        return r << 16 | g << 8 | b;
    }
}
