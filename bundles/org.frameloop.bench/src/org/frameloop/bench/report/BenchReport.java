package org.frameloop.bench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.frameloop.bench.BenchMethod;
import org.frameloop.bench.BenchResults;
import org.frameloop.bench.CellResult;
import org.frameloop.bench.ClickProtocol;
import org.frameloop.bench.CurvePoint;
import org.frameloop.bench.chart.BarChart;
import org.frameloop.bench.chart.LineChart;
import org.frameloop.core.label.LabelClass;

/**
 * {@code report.html}: how the bench ran (command, machine, versions, settings), the summary table, and
 * per video the plots — mIoU against clicks per method, clicks-to-target as % of frame-by-frame per
 * granularity and selector, and IoU per class — as PNGs embedded in the page, plus every run's numbers.
 */
public final class BenchReport {

    private static final int WIDTH_PX = 900;
    private static final int HEIGHT_PX = 440;

    private BenchReport() {
    }

    public static String html(BenchResults results) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Frameloop benchmark</title>\n")
                .append("<style>body{font-family:sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse;"
                        + "margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td.l{text-align:left}"
                        + "th{background:#eee}code{background:#f4f4f4;padding:2px 4px}img{display:block;margin:1em 0}</style>"
                        + "</head><body>\n");
        html.append("<h1>Frameloop benchmark</h1>\n");
        html.append("<p>Command: <code>").append(Html.escape(results.commandLine())).append("</code></p>\n");
        html.append("<p>Machine: ").append(Html.escape(results.machine().describe())).append("<br>Started ")
                .append(Html.escape(results.startedAt())).append(String.format(Locale.ROOT, ", this invocation took %.1f s.",
                        results.seconds()))
                .append("<br>Versions: ").append(Html.escape(versions(results.machine().bundleVersions()))).append("</p>\n");
        html.append("<p>").append(Html.escape(Settings.describe(results))).append("</p>\n");
        if (results.suite() != null) {
            html.append("<p>Suite: ").append(Html.escape(results.suite())).append("</p>\n");
        }
        problems(html, "Unavailable", results.unavailable());
        problems(html, "Failed runs (rerun the command to retry them)", results.failures());
        problems(html, "Runs held by another process when this report was written", results.runningElsewhere());
        html.append("<h2>Summary</h2>\n");
        for (ClickProtocol protocol : ClickProtocol.values()) {
            html.append("<p>").append(Html.escape(SummaryTable.caption(protocol))).append("</p>\n")
                    .append(new SummaryTable(results, protocol).html());
        }
        for (BenchResults.VideoEntry video : results.videos()) {
            appendVideo(html, results, video);
        }
        return html.append("</body></html>\n").toString();
    }

    private static void appendVideo(StringBuilder html, BenchResults results, BenchResults.VideoEntry video)
            throws IOException {
        List<CellResult> runs = results.results().stream().filter(r -> r.video().equals(video.name())).toList();
        html.append("<h2>").append(Html.escape(video.name())).append("</h2>\n<p>")
                .append(Html.escape(String.format(Locale.ROOT, "%s: %d frames of %s, %d classes.", video.folder(),
                        video.frames(), video.frameSize(), video.classes().size())))
                .append("</p>\n");
        if (runs.isEmpty()) {
            html.append("<p>No finished runs yet.</p>\n");
            return;
        }
        image(html, "mIoU versus clicks", curves(results, video, runs));
        for (double target : results.plan().targets()) {
            image(html, "clicks to target per granularity", clicksToTarget(results, video, runs, target));
        }
        image(html, "IoU per class", perClass(video, runs));
        html.append("<table><tr><th>method</th><th>stop</th><th>rounds</th><th>samples</th><th>clicks</th>"
                + "<th>% of frame-by-frame</th><th>final mIoU</th><th>seconds</th><th>select / annotate / fine-tune / "
                + "predict / evaluate s</th></tr>\n");
        for (CellResult r : runs) {
            CurvePoint last = r.last();
            html.append(String.format(Locale.ROOT,
                    "<tr><td class=\"l\">%s</td><td class=\"l\">%s</td><td>%d</td><td>%d</td><td>%d</td><td>%.1f%%</td>"
                            + "<td>%.4f</td><td>%.1f</td><td>%s</td></tr>%n",
                    Html.escape(r.method().label()), Html.escape(r.stopReason()), last.round(), last.samples(),
                    last.clicks(), 100.0 * last.clicks() / r.frameByFrameClicks(), last.miou(), r.seconds(),
                    r.stepSeconds().stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList()));
        }
        html.append("</table>\n");
    }

    /** The mIoU-vs-clicks plot of one video's runs, as a PNG. */
    static byte[] curves(BenchResults results, BenchResults.VideoEntry video) throws IOException {
        return curves(results, video, results.results().stream().filter(r -> r.video().equals(video.name())).toList());
    }

    private static byte[] curves(BenchResults results, BenchResults.VideoEntry video, List<CellResult> runs)
            throws IOException {
        double rightPercent = 0;
        LineChart chart = new LineChart("mIoU vs clicks: " + video.name(), "clicks, % of labelling every frame by hand",
                "mIoU");
        for (CellResult r : runs) {
            double[] x = r.curve().stream().mapToDouble(p -> 100.0 * p.clicks() / r.frameByFrameClicks()).toArray();
            double[] y = r.curve().stream().mapToDouble(CurvePoint::miou).toArray();
            for (double value : x) {
                rightPercent = Math.max(rightPercent, value);
            }
            chart.add(new LineChart.Series(r.method().label(), x, y));
        }
        for (double target : results.plan().targets()) {
            chart.reference(target, String.format(Locale.ROOT, "%.2f", target));
        }
        return chart.xMax(Math.max(1, rightPercent)).xFormat("%.0f%%").png(WIDTH_PX, HEIGHT_PX);
    }

    /** Groups: granularities; bars: selectors; dashed lines: frame-by-frame (100%) and keyframes + propagation. */
    private static byte[] clicksToTarget(BenchResults results, BenchResults.VideoEntry video, List<CellResult> runs,
            double target) throws IOException {
        Set<String> granularities = new LinkedHashSet<>();
        Set<String> selectors = new LinkedHashSet<>();
        for (BenchMethod m : results.methods()) {
            if (m.kind() == BenchMethod.Kind.ACTIVE) {
                granularities.add(m.granularityName());
                selectors.add(series(m));
            }
        }
        List<String> groups = new ArrayList<>(granularities);
        List<String> series = new ArrayList<>(selectors);
        double[][] values = new double[groups.size()][series.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (int s = 0; s < series.size(); s++) {
                String granularity = groups.get(g);
                String selector = series.get(s);
                values[g][s] = runs.stream().filter(r -> r.method().kind() == BenchMethod.Kind.ACTIVE
                        && r.method().granularityName().equals(granularity) && series(r.method()).equals(selector))
                        .findFirst().map(r -> 100 * r.shareOfFrameByFrame(target)).orElse(Double.NaN);
            }
        }
        List<BarChart.Reference> references = new ArrayList<>();
        references.add(new BarChart.Reference(100, "frame-by-frame 100%"));
        kind(runs, BenchMethod.Kind.KEYFRAMES_PROPAGATION).ifPresent(r -> {
            double share = 100 * r.shareOfFrameByFrame(target);
            references.add(new BarChart.Reference(share, String.format(Locale.ROOT, "keyframes + propagation %.1f%%", share)));
        });
        return new BarChart(String.format(Locale.ROOT, "clicks to mIoU ≥ %.2f: %s", target, video.name()),
                "% of frame-by-frame clicks", groups, series, values, "%.1f%%", "n.r.")
                .png(WIDTH_PX, HEIGHT_PX, Double.NaN, references);
    }

    /** A bar per selector, and per fusion where the grid has several. */
    private static String series(BenchMethod method) {
        return method.fuses() ? method.selectorId() + " + " + method.fusionId() : method.selectorId();
    }

    /** Classes as groups; bars: the baselines with a model and, per granularity, its best run. */
    private static byte[] perClass(BenchResults.VideoEntry video, List<CellResult> runs) throws IOException {
        List<CellResult> shown = new ArrayList<>();
        kind(runs, BenchMethod.Kind.PRETRAINED).ifPresent(shown::add);
        kind(runs, BenchMethod.Kind.KEYFRAMES_PROPAGATION).ifPresent(shown::add);
        Set<String> granularities = new LinkedHashSet<>();
        runs.stream().filter(r -> r.method().kind() == BenchMethod.Kind.ACTIVE)
                .forEach(r -> granularities.add(r.method().granularityName()));
        for (String granularity : granularities) {
            runs.stream().filter(r -> r.method().kind() == BenchMethod.Kind.ACTIVE
                    && r.method().granularityName().equals(granularity))
                    .max(Comparator.comparingDouble(r -> r.last().miou())).ifPresent(shown::add);
        }
        List<String> groups = video.classes().stream().map(LabelClass::name).toList();
        double[][] values = new double[groups.size()][shown.size()];
        for (int c = 0; c < groups.size(); c++) {
            int id = video.classes().get(c).id();
            for (int s = 0; s < shown.size(); s++) {
                List<Double> iou = shown.get(s).finalPerClassIou();
                Double value = id < iou.size() ? iou.get(id) : null;
                values[c][s] = value == null ? Double.NaN : value;
            }
        }
        return new BarChart("IoU per class after the last round: " + video.name(), "IoU", groups,
                shown.stream().map(r -> r.method().label()).toList(), values, "%.2f", "absent")
                .png(WIDTH_PX, HEIGHT_PX, 1.0, List.of());
    }

    private static Optional<CellResult> kind(List<CellResult> runs, BenchMethod.Kind kind) {
        return runs.stream().filter(r -> r.method().kind() == kind).findFirst();
    }

    private static void image(StringBuilder html, String alt, byte[] png) {
        html.append("<img alt=\"").append(Html.escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
    }

    private static void problems(StringBuilder html, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        html.append("<h3>").append(Html.escape(title)).append("</h3>\n<ul>\n");
        lines.forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>\n"));
        html.append("</ul>\n");
    }

    static String versions(Map<String, String> bundleVersions) {
        return bundleVersions.isEmpty() ? "unknown (not running in OSGi)"
                : bundleVersions.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + " " + e.getValue())
                        .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
