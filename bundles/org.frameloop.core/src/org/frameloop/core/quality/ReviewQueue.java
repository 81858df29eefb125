package org.frameloop.core.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.frameloop.core.internal.io.AtomicFiles;

/**
 * Frames ranked by estimated quality, weakest first: where a person reviewing the labels should look first.
 * Exported as CSV (frame, rank, estimated accuracy) and JSON, each written atomically.
 */
public final class ReviewQueue {

    /** One frame of the queue; {@code frameName} is the source frame's name where known. */
    public record Entry(int rank, int frame, String frameName, double estimatedAccuracy) {
    }

    private final List<Entry> entries;

    private ReviewQueue(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param frameNames the frames' names (file names) or null for numbers only
     */
    public static ReviewQueue of(QualityEstimate estimate, List<String> frameNames) {
        double[] accuracy = estimate.frameAccuracy();
        List<Integer> frames = new ArrayList<>();
        for (int f = 0; f < accuracy.length; f++) {
            if (!Double.isNaN(accuracy[f])) {
                frames.add(f);
            }
        }
        frames.sort(Comparator.<Integer>comparingDouble(f -> accuracy[f]).thenComparingInt(f -> f));
        List<Entry> entries = new ArrayList<>();
        for (int r = 0; r < frames.size(); r++) {
            int f = frames.get(r);
            String name = frameNames != null && f < frameNames.size() ? frameNames.get(f) : String.format("%06d", f);
            entries.add(new Entry(r + 1, f, name, accuracy[f]));
        }
        return new ReviewQueue(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    public void writeCsv(Path file) throws IOException {
        StringBuilder csv = new StringBuilder("rank,frame,frame_name,estimated_pixel_accuracy\n");
        for (Entry e : entries) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%s,%.4f%n", e.rank(), e.frame(), quoted(e.frameName()),
                    e.estimatedAccuracy()));
        }
        AtomicFiles.write(file, out -> out.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public void writeJson(Path file) throws IOException {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            json.append(String.format(Locale.ROOT,
                    "  {\"rank\": %d, \"frame\": %d, \"frameName\": \"%s\", \"estimatedPixelAccuracy\": %.4f}%s%n",
                    e.rank(), e.frame(), e.frameName().replace("\\", "\\\\").replace("\"", "\\\""),
                    e.estimatedAccuracy(), i + 1 < entries.size() ? "," : ""));
        }
        json.append("]\n");
        AtomicFiles.write(file, out -> out.write(json.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
