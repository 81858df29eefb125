package org.frameloop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.frameloop.bench.chart.LineChart;
import org.frameloop.core.internal.io.AtomicFiles;
import org.frameloop.core.label.LabelClass;
import org.frameloop.core.label.LabelMap;
import org.frameloop.core.loop.LoopListener;
import org.frameloop.core.loop.LoopResult;
import org.frameloop.core.report.RoundReport;

/** The per-round table on the console and {@code report.html} with an embedded clicks-vs-mIoU plot. */
final class RunReport {

    private RunReport() {
    }

    static String tableHeader() {
        return String.format(Locale.ROOT, "%5s %8s %10s %8s %10s %8s %15s %8s", "round", "samples", "clicks", "% fbf",
                "mIoU", "est.", "90% interval", "seconds");
    }

    /**
     * Prints the table as rounds finish: the header before the first row, each round's warnings under its row;
     * the progress line is ended first so that a row never lands on it.
     */
    static LoopListener tablePrinter(PrintStream out, ConsoleProgress progress) {
        return new LoopListener() {
            private boolean first = true;

            @Override
            public void roundFinished(RoundReport report) {
                progress.breakLine();
                if (first) {
                    first = false;
                    out.println(tableHeader());
                }
                out.println(tableRow(report));
                report.warnings().forEach(w -> out.println("warning: " + w));
            }
        };
    }

    static String tableRow(RoundReport r) {
        return String.format(Locale.ROOT, "%5d %8d %10d %8s %10s %8.3f %15s %8.1f", r.round(), r.samples().size(),
                r.totalClicks(), Double.isNaN(r.clickShareOfFrameByFrame()) ? "-"
                        : String.format(Locale.ROOT, "%.1f%%", 100 * r.clickShareOfFrameByFrame()),
                Double.isNaN(r.miou()) ? "-" : String.format(Locale.ROOT, "%.4f", r.miou()), r.estimatedQuality(),
                r.estimate().auditedSamples() == 0 ? "no audits"
                        : String.format(Locale.ROOT, "%.3f-%.3f", r.estimate().lower(), r.estimate().upper()),
                r.timings().totalMillis() / 1000.0);
    }

    /** "Per-class IoU: sky 0.912, ..." after the last round, when ground truth was known. */
    static Optional<String> perClassLine(LoopResult result, LabelMap labelMap) {
        double[] iou = result.last().perClassIou();
        if (iou.length == 0) {
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder("Per-class IoU after round " + result.last().round() + ":");
        for (LabelClass c : labelMap.classes()) {
            double value = c.id() < iou.length ? iou[c.id()] : Double.NaN;
            line.append(' ').append(c.name()).append(' ')
                    .append(Double.isNaN(value) ? "absent" : String.format(Locale.ROOT, "%.3f", value)).append(',');
        }
        line.setLength(line.length() - 1);
        return Optional.of(line.toString());
    }

    /** Mean seconds per round after round 0, split by phase, and prediction frames per second. */
    static String timingSummary(LoopResult result, int frameCount) {
        List<RoundReport> rounds = result.rounds().stream().filter(r -> r.round() > 0).toList();
        if (rounds.isEmpty()) {
            return "Timing: no annotation rounds.";
        }
        double n = rounds.size();
        double select = rounds.stream().mapToLong(r -> r.timings().selectMillis()).sum() / n / 1000;
        double annotate = rounds.stream().mapToLong(r -> r.timings().annotateMillis()).sum() / n / 1000;
        double fineTune = rounds.stream().mapToLong(r -> r.timings().fineTuneMillis()).sum() / n / 1000;
        double predict = rounds.stream().mapToLong(r -> r.timings().predictMillis()).sum() / n / 1000;
        double evaluate = rounds.stream().mapToLong(r -> r.timings().evaluateMillis()).sum() / n / 1000;
        double total = select + annotate + fineTune + predict + evaluate;
        return String.format(Locale.ROOT, "Timing: %.1f s per round on average over %d rounds (select %.1f, simulated "
                + "annotation %.1f, fine-tune %.1f, predict %.1f = %.1f frames/s, evaluate %.1f).", total, rounds.size(),
                select, annotate, fineTune, predict, predict > 0 ? frameCount / predict : Double.NaN, evaluate);
    }

    static void writeHtml(Path file, String title, String settingsDescription, LoopResult result, LabelMap labelMap)
            throws IOException {
        String plot = Base64.getEncoder().encodeToString(plotPng(result.rounds()));
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:60em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "th{background:#eee}</style></head><body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(settingsDescription)).append("</p>\n");
        html.append("<p>Stopped because ").append(escape(result.stopReason().description())).append(".</p>\n");
        html.append("<img alt=\"mIoU versus clicks\" src=\"data:image/png;base64,").append(plot).append("\">\n");
        html.append("<h2>Rounds</h2>\n<table><tr><th>round</th><th>samples</th><th>clicks</th><th>% of frame-by-frame</th>"
                + "<th>mIoU</th><th>estimated</th><th>human pixels</th><th>seconds</th></tr>\n");
        for (RoundReport r : result.rounds()) {
            html.append(String.format(Locale.ROOT,
                    "<tr><td>%d</td><td>%d</td><td>%d</td><td>%s</td><td>%s</td><td>%.3f</td><td>%.1f%%</td><td>%.1f</td></tr>%n",
                    r.round(), r.samples().size(), r.totalClicks(),
                    Double.isNaN(r.clickShareOfFrameByFrame()) ? "-"
                            : String.format(Locale.ROOT, "%.1f%%", 100 * r.clickShareOfFrameByFrame()),
                    Double.isNaN(r.miou()) ? "-" : String.format(Locale.ROOT, "%.4f", r.miou()), r.estimatedQuality(),
                    100 * r.humanPixelShare(), r.timings().totalMillis() / 1000.0));
        }
        html.append("</table>\n");
        RoundReport last = result.last();
        if (last.perClassIou().length > 0) {
            html.append("<h2>Per-class IoU after the last round</h2>\n<table><tr><th>class</th><th>IoU</th></tr>\n");
            for (LabelClass c : labelMap.classes()) {
                double iou = c.id() < last.perClassIou().length ? last.perClassIou()[c.id()] : Double.NaN;
                html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td></tr>%n", escape(c.name()),
                        Double.isNaN(iou) ? "absent" : String.format(Locale.ROOT, "%.4f", iou)));
            }
            html.append("</table>\n");
        }
        html.append("</body></html>\n");
        AtomicFiles.writeString(file, html.toString());
    }

    /** mIoU (or estimated quality) against clicks as % of frame-by-frame, or absolute clicks if unknown. */
    static byte[] plotPng(List<RoundReport> rounds) throws IOException {
        boolean relative = rounds.get(0).frameByFrameClicks() > 0;
        double maxX = Math.max(1, rounds.get(rounds.size() - 1).totalClicks());
        if (relative) {
            double lastShare = 100 * rounds.get(rounds.size() - 1).clickShareOfFrameByFrame();
            maxX = lastShare > 50 ? 100 : Math.max(5, Math.ceil(lastShare / 5) * 5);
        }
        double[] x = rounds.stream().mapToDouble(r -> relative ? 100 * r.clickShareOfFrameByFrame() : r.totalClicks())
                .toArray();
        double[] y = rounds.stream().mapToDouble(RoundReport::quality).toArray();
        boolean measured = !Double.isNaN(rounds.get(0).miou());
        return new LineChart("", relative ? "clicks, % of labelling every frame by hand" : "clicks",
                measured ? "mIoU" : "estimated quality").add(new LineChart.Series("", x, y)).xMax(maxX)
                .xFormat(relative ? "%.0f%%" : "%.0f").png(720, 420);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
