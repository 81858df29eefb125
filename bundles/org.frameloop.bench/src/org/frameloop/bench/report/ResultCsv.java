package org.frameloop.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.frameloop.bench.BenchResults;
import org.frameloop.bench.CellResult;
import org.frameloop.bench.ClickProtocol;
import org.frameloop.bench.CurvePoint;
import org.frameloop.core.label.LabelClass;

/** The bench's numbers as CSV, one row per fact, for spreadsheets and scripts. */
public final class ResultCsv {

    private ResultCsv() {
    }

    /** One row per run and target: clicks-to-target, empty and reached=false when not reached. */
    public static String targets(BenchResults results) {
        StringBuilder csv = new StringBuilder(line("video", "method", "kind", "granularity", "selector", "model",
                "samples_per_round", "target_miou", "reached", "clicks_to_target", "percent_of_frame_by_frame",
                "frame_by_frame_clicks", "cap_clicks", "final_clicks", "final_miou", "rounds", "stop_reason", "seed",
                "seconds", "correction_clicks_to_target", "correction_percent_of_frame_by_frame",
                "final_correction_clicks"));
        for (CellResult r : results.results()) {
            for (double target : results.plan().targets()) {
                OptionalLong clicks = r.clicksToTarget(target);
                OptionalLong correcting = r.clicksToTarget(target, ClickProtocol.CORRECTION);
                csv.append(line(r.video(), r.method().label(), r.method().kind().name(), r.method().granularityName(),
                        r.method().selectorId(), r.method().model().label(), r.method().samplesPerRound(),
                        number(target), clicks.isPresent(), clicks.isPresent() ? clicks.getAsLong() : "",
                        clicks.isPresent() ? number(100 * r.shareOfFrameByFrame(target)) : "", r.frameByFrameClicks(),
                        r.capClicks(), r.last().clicks(), number(r.last().miou()), r.last().round(), r.stopReason(),
                        r.seed(), number(r.seconds()), correcting.isPresent() ? correcting.getAsLong() : "",
                        correcting.isPresent() ? number(100 * r.shareOfFrameByFrame(target, ClickProtocol.CORRECTION))
                                : "", r.last().correctionClicks()));
            }
        }
        return csv.toString();
    }

    /** Every point of every curve: mIoU against cumulative clicks, round by round. */
    public static String curves(BenchResults results) {
        StringBuilder csv = new StringBuilder(line("video", "method", "round", "samples", "clicks",
                "percent_of_frame_by_frame", "miou", "correction_clicks"));
        for (CellResult r : results.results()) {
            for (CurvePoint p : r.curve()) {
                csv.append(line(r.video(), r.method().label(), p.round(), p.samples(), p.clicks(),
                        number(100.0 * p.clicks() / r.frameByFrameClicks()), number(p.miou()), p.correctionClicks()));
            }
        }
        return csv.toString();
    }

    /** IoU per class after each run's last round; empty where the class is absent. */
    public static String perClassIou(BenchResults results) {
        StringBuilder csv = new StringBuilder(line("video", "method", "class_id", "class_name", "iou"));
        for (CellResult r : results.results()) {
            List<LabelClass> classes = results.videos().stream().filter(v -> v.name().equals(r.video())).findFirst()
                    .map(BenchResults.VideoEntry::classes).orElse(List.of());
            for (LabelClass c : classes) {
                Double iou = c.id() < r.finalPerClassIou().size() ? r.finalPerClassIou().get(c.id()) : null;
                csv.append(line(r.video(), r.method().label(), c.id(), c.name(), iou == null ? "" : number(iou)));
            }
        }
        return csv.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
    }

    private static String line(Object... fields) {
        return Stream.of(fields).map(f -> quote(String.valueOf(f))).collect(Collectors.joining(",")) + "\n";
    }

    private static String quote(String field) {
        return field.contains(",") || field.contains("\"") || field.contains("\n")
                ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
