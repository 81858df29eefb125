package org.frameloop.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.frameloop.bench.BenchMethod;
import org.frameloop.bench.BenchResults;
import org.frameloop.bench.CellResult;
import org.frameloop.bench.ClickProtocol;

/**
 * The headline table: per method, the clicks to reach each target as a share of labelling every frame by
 * hand (with the clicks themselves when there is one video; the mean share and how many videos reached it
 * when there are several), the final mIoU, and the time per run. Clicks are priced under one
 * {@link ClickProtocol}; the headline is from scratch, and the share's denominator is always frame by
 * frame from scratch, so the two protocols' tables compare cell by cell.
 */
public final class SummaryTable {

    private final List<String> header = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    /** The headline: samples drawn from scratch. */
    public SummaryTable(BenchResults results) {
        this(results, ClickProtocol.FROM_SCRATCH);
    }

    public SummaryTable(BenchResults results, ClickProtocol protocol) {
        header.add("method");
        header.add("model");
        for (double target : results.plan().targets()) {
            header.add(String.format(Locale.ROOT, "clicks to mIoU ≥ %.2f", target));
        }
        header.add("final mIoU");
        header.add("final clicks");
        header.add("s / run");
        for (BenchMethod method : results.methods()) {
            List<CellResult> runs = results.results().stream().filter(r -> r.method().equals(method)).toList();
            List<String> row = new ArrayList<>();
            row.add(method.label());
            row.add(method.kind() == BenchMethod.Kind.FRAME_BY_FRAME ? "-" : method.model().label());
            for (double target : results.plan().targets()) {
                row.add(runs.isEmpty() ? "no result" : clicksToTarget(runs, target, results.videos().size(), protocol));
            }
            row.add(runs.isEmpty() ? "-" : format("%.4f", runs.stream().mapToDouble(r -> r.last().miou()).average().orElse(Double.NaN)));
            row.add(runs.isEmpty() ? "-" : finalClicks(runs, results.videos().size(), protocol));
            row.add(runs.isEmpty() ? "-" : format("%.1f", runs.stream().mapToDouble(CellResult::seconds).average().orElse(0)));
            rows.add(row);
        }
    }

    private static String clicksToTarget(List<CellResult> runs, double target, int videos, ClickProtocol protocol) {
        if (videos == 1 && runs.size() == 1) {
            CellResult run = runs.get(0);
            OptionalLong clicks = run.clicksToTarget(target, protocol);
            return clicks.isEmpty() ? "not reached"
                    : format("%d (%s)", clicks.getAsLong(), percent(run.shareOfFrameByFrame(target, protocol)));
        }
        double[] reached = runs.stream().mapToDouble(r -> r.shareOfFrameByFrame(target, protocol))
                .filter(s -> !Double.isNaN(s)).toArray();
        if (reached.length == 0) {
            return "not reached";
        }
        double mean = java.util.Arrays.stream(reached).average().orElse(Double.NaN);
        return format("%s (%d/%d)", percent(mean), reached.length, videos);
    }

    private static String finalClicks(List<CellResult> runs, int videos, ClickProtocol protocol) {
        if (videos == 1 && runs.size() == 1) {
            CellResult run = runs.get(0);
            long clicks = run.last().clicks(protocol);
            return format("%d (%s)", clicks, percent(clicks / (double) run.frameByFrameClicks()));
        }
        return percent(runs.stream().mapToDouble(r -> r.last().clicks(protocol) / (double) r.frameByFrameClicks())
                .average().orElse(Double.NaN));
    }

    private static String percent(double share) {
        return format("%.1f%%", 100 * share);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    /**
     * Both protocols, the headline (from scratch) first, each under a line that names it: what
     * {@code summary.md}, {@code docs/benchmarks.md} and the bench command print.
     */
    public static String markdownBothProtocols(BenchResults results) {
        StringBuilder text = new StringBuilder();
        for (ClickProtocol protocol : ClickProtocol.values()) {
            text.append(text.length() == 0 ? "" : "\n").append(caption(protocol)).append("\n\n")
                    .append(new SummaryTable(results, protocol).markdown());
        }
        return text.toString();
    }

    /** One line saying how a table's clicks are priced. */
    public static String caption(ClickProtocol protocol) {
        return protocol == ClickProtocol.FROM_SCRATCH
                ? "Clicks with every sample " + protocol.title() + " (the headline; the published protocol):"
                : "Clicks with every sample corrected from the labels shown before the person acts ("
                        + protocol.title() + "; % of frame-by-frame from scratch):";
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return rows;
    }

    /** GitHub-flavoured markdown, numbers right-aligned. */
    public String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            text.append(i < 2 ? " --- |" : " ---: |");
        }
        text.append('\n');
        for (List<String> row : rows) {
            text.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return text.toString();
    }

    public String html() {
        StringBuilder html = new StringBuilder("<table><tr>");
        header.forEach(h -> html.append("<th>").append(Html.escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(i < 2 ? "<td class=\"l\">" : "<td>").append(Html.escape(row.get(i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</table>\n").toString();
    }
}
