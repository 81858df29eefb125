package org.frameloop.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.frameloop.bench.BenchMethod;
import org.frameloop.bench.BenchResults;
import org.frameloop.bench.CellResult;
import org.frameloop.bench.CurvePoint;

/**
 * How the loop's quality estimate (made without ground truth) compares with the truth, per method over
 * every video: the mean and largest |estimated − true mIoU| from round 2 on, how often the 90% interval
 * held the truth, the clicks spent on audits, and what the stopping rule (lower bound ≥ target) would have
 * delivered: the largest shortfall of the true mIoU below each target at the round it would have stopped.
 */
public final class CalibrationTable {

    static final int FIRST_ROUND = 2;

    private final List<String> header = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();

    public CalibrationTable(BenchResults results) {
        header.add("method");
        header.add("mean |est − true| (round ≥ 2)");
        header.add("max |est − true|");
        header.add("interval held truth");
        header.add("audit clicks");
        for (double target : results.plan().targets()) {
            header.add(String.format(Locale.ROOT, "stop at %.2f: true mIoU (worst)", target));
        }
        for (BenchMethod method : results.methods()) {
            if (method.kind() != BenchMethod.Kind.ACTIVE) {
                continue;
            }
            List<CellResult> runs = results.results().stream().filter(r -> r.method().equals(method)).toList();
            double errorSum = 0;
            double errorMax = 0;
            int points = 0;
            int covered = 0;
            long auditClicks = 0;
            long clicks = 0;
            for (CellResult run : runs) {
                for (CurvePoint p : run.curve()) {
                    if (p.round() >= FIRST_ROUND && !Double.isNaN(p.estimatedMiou()) && !Double.isNaN(p.miou())) {
                        double error = Math.abs(p.estimatedMiou() - p.miou());
                        errorSum += error;
                        errorMax = Math.max(errorMax, error);
                        points++;
                        covered += p.lower() <= p.miou() && p.miou() <= p.upper() ? 1 : 0;
                    }
                }
                auditClicks += run.last().auditClicks();
                clicks += run.last().clicks();
            }
            List<String> row = new ArrayList<>();
            row.add(method.label());
            row.add(points == 0 ? "-" : format("%.3f", errorSum / points));
            row.add(points == 0 ? "-" : format("%.3f", errorMax));
            row.add(points == 0 ? "-" : format("%d/%d", covered, points));
            row.add(clicks == 0 ? "-" : format("%.1f%%", 100.0 * auditClicks / clicks));
            for (double target : results.plan().targets()) {
                row.add(stopping(runs, target));
            }
            rows.add(row);
        }
    }

    /** The worst true mIoU over the runs at the first round whose lower bound reached the target. */
    private static String stopping(List<CellResult> runs, double target) {
        double worst = Double.NaN;
        int stopped = 0;
        for (CellResult run : runs) {
            for (CurvePoint p : run.curve()) {
                if (!Double.isNaN(p.lower()) && p.lower() >= target) {
                    worst = Double.isNaN(worst) ? p.miou() : Math.min(worst, p.miou());
                    stopped++;
                    break;
                }
            }
        }
        return stopped == 0 ? "never stops" : format("%.3f (%d/%d runs stop)", worst, stopped, runs.size());
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String markdown() {
        StringBuilder text = new StringBuilder();
        text.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            text.append(i == 0 ? " --- |" : " ---: |");
        }
        text.append('\n');
        for (List<String> row : rows) {
            text.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return text.toString();
    }
}
