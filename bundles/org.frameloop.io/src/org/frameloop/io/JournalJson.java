package org.frameloop.io;

import java.util.ArrayList;
import java.util.List;

import org.frameloop.core.report.RoundReport;
import org.frameloop.core.sample.Region;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The JSON of a project's journal records that every project store writes the same way: a sample's region
 * and a finished round's report. The folder's {@code ledger.jsonl} ({@link Journal}) and a database store
 * keep them in this form, so a project moves between the two unchanged.
 */
public final class JournalJson {

    private static final Gson GSON = new Gson();

    private JournalJson() {
    }

    /** A sample's region as the journal writes it: {"type":"frame"|"rect"|"pixels", ...}. */
    public static JsonObject describe(Region region) {
        JsonObject json = new JsonObject();
        if (region instanceof Region.WholeFrame) {
            json.addProperty("type", "frame");
        } else if (region instanceof Region.Rectangle r) {
            json.addProperty("type", "rect");
            json.addProperty("x", r.x());
            json.addProperty("y", r.y());
            json.addProperty("width", r.width());
            json.addProperty("height", r.height());
        } else if (region instanceof Region.PixelSet p) {
            json.addProperty("type", "pixels");
            json.addProperty("count", p.area());
            json.add("indices", GSON.toJsonTree(p.pixelIndices()));
        }
        return json;
    }

    /**
     * The region {@link #describe} wrote, checked against the video.
     *
     * @throws IllegalArgumentException when the type is unknown or the region reaches outside the frame
     */
    public static Region region(JsonObject json, VideoInfo video) {
        String type = json.get("type").getAsString();
        Region region = switch (type) {
        case "frame" -> new Region.WholeFrame(video.width(), video.height());
        case "rect" -> new Region.Rectangle(json.get("x").getAsInt(), json.get("y").getAsInt(),
                json.get("width").getAsInt(), json.get("height").getAsInt());
        case "pixels" -> {
            JsonArray array = json.getAsJsonArray("indices");
            int[] indices = new int[array.size()];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = array.get(i).getAsInt();
            }
            yield new Region.PixelSet(indices);
        }
        default -> throw new IllegalArgumentException("unknown region type '" + type + "'");
        };
        if (region instanceof Region.Rectangle r && (r.x() + r.width() > video.width()
                || r.y() + r.height() > video.height())) {
            throw new IllegalArgumentException("rectangle " + r + " reaches outside the " + video.width() + "x"
                    + video.height() + " frame");
        }
        if (region instanceof Region.PixelSet p && p.area() > 0
                && p.pixelIndices()[p.area() - 1] >= video.width() * video.height()) {
            throw new IllegalArgumentException("pixel set reaches outside the frame");
        }
        return region;
    }

    /** A round's report without its samples: they are the journal's sample lines of that round. */
    public static JsonObject roundLine(RoundReport report) {
        JsonObject line = new JsonObject();
        line.addProperty("kind", "round");
        line.addProperty("round", report.round());
        line.addProperty("samples", report.samples().size());
        line.addProperty("roundClicks", report.roundClicks());
        line.addProperty("totalClicks", report.totalClicks());
        line.addProperty("frameByFrameClicks", report.frameByFrameClicks());
        number(line, "miou", report.miou());
        JsonArray perClass = new JsonArray();
        for (double iou : report.perClassIou()) {
            perClass.add(Double.isFinite(iou) ? new JsonPrimitive(iou) : JsonNull.INSTANCE);
        }
        line.add("perClassIou", perClass);
        number(line, "estimatedQuality", report.estimatedQuality());
        number(line, "humanPixelShare", report.humanPixelShare());
        line.addProperty("candidates", report.candidateCount());
        JsonObject millis = new JsonObject();
        millis.addProperty("select", report.timings().selectMillis());
        millis.addProperty("annotate", report.timings().annotateMillis());
        millis.addProperty("fineTune", report.timings().fineTuneMillis());
        millis.addProperty("predict", report.timings().predictMillis());
        millis.addProperty("evaluate", report.timings().evaluateMillis());
        if (!report.warnings().isEmpty()) {
            JsonArray warnings = new JsonArray();
            report.warnings().forEach(warnings::add);
            line.add("warnings", warnings);
        }
        line.add("millis", millis);
        return line;
    }

    // JSON has no NaN: an unknown number is left out
    private static void number(JsonObject line, String key, double value) {
        if (Double.isFinite(value)) {
            line.addProperty(key, value);
        }
    }

    private static double number(JsonObject json, String key) {
        JsonElement element = json.get(key);
        return element == null || element.isJsonNull() ? Double.NaN : element.getAsDouble();
    }

    private static long count(JsonObject json, String key, long fallback) {
        JsonElement element = json.get(key);
        return element == null || element.isJsonNull() ? fallback : element.getAsLong();
    }

    /** The report {@link #roundLine} wrote; its samples are left empty (they are the round's sample records). */
    public static RoundReport report(JsonObject json) {
        int round = json.get("round").getAsInt();
        if (round < 0) {
            throw new IllegalArgumentException("round " + round + " is negative");
        }
        JsonArray perClass = json.has("perClassIou") ? json.getAsJsonArray("perClassIou") : new JsonArray();
        double[] perClassIou = new double[perClass.size()];
        for (int i = 0; i < perClassIou.length; i++) {
            perClassIou[i] = perClass.get(i).isJsonNull() ? Double.NaN : perClass.get(i).getAsDouble();
        }
        JsonObject millis = json.has("millis") ? json.getAsJsonObject("millis") : new JsonObject();
        return new RoundReport(round, List.of(), count(json, "roundClicks", 0), count(json, "totalClicks", 0),
                count(json, "frameByFrameClicks", -1), number(json, "miou"), perClassIou,
                number(json, "estimatedQuality"), number(json, "humanPixelShare"), (int) count(json, "candidates", 0),
                new RoundReport.Timings(count(millis, "select", 0), count(millis, "annotate", 0),
                        count(millis, "fineTune", 0), count(millis, "predict", 0), count(millis, "evaluate", 0)))
                .withWarnings(warnings(json));
    }

    private static List<String> warnings(JsonObject json) {
        List<String> warnings = new ArrayList<>();
        if (json.has("warnings") && json.get("warnings").isJsonArray()) {
            json.getAsJsonArray("warnings").forEach(w -> warnings.add(w.getAsString()));
        }
        return warnings;
    }

    /** A journal record of the samples chosen for {@code round}, as ledger.jsonl holds it. */
    public static JsonObject chosenRecord(int round, java.util.List<org.frameloop.core.sample.Sample> samples) {
        return Journal.chosenLine(round, samples);
    }

    /** A journal record of an annotated sample, as ledger.jsonl holds it. */
    public static JsonObject sampleRecord(org.frameloop.core.ledger.LedgerEntry entry) {
        return Journal.sampleLine(entry);
    }

    /** A journal record of a mask imported into {@code frame}, as ledger.jsonl holds it. */
    public static JsonObject importRecord(int frame, String source, int pixels) {
        return Journal.importLine(frame, source, pixels);
    }

    /** A journal record of a person's labels of {@code frame} saved outside a sample, as ledger.jsonl holds it. */
    public static JsonObject editRecord(int frame) {
        return Journal.editLine(frame);
    }

    /**
     * The annotated sample a "sample" record (or a record of project format 1, without a kind) describes.
     *
     * @throws IllegalArgumentException when a member is missing or outside the video
     */
    public static org.frameloop.core.ledger.LedgerEntry entry(JsonObject record, VideoInfo video) {
        return Journal.entry(record, video);
    }

    /** The samples a "chosen" record lists, in order. */
    public static java.util.List<org.frameloop.core.sample.Sample> samples(JsonObject record, VideoInfo video) {
        return Journal.chosenSamples(record, video);
    }
}
