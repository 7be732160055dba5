package dev.keelson.load.report;

import dev.keelson.load.Durations;
import dev.keelson.load.LoadResult;
import dev.keelson.load.Model;
import dev.keelson.load.Ramp;
import dev.keelson.load.ServerMetrics;
import dev.keelson.load.StageResult;
import dev.keelson.load.StepResult;
import dev.keelson.load.Threshold;
import dev.keelson.load.TimelineSecond;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One self-contained HTML file (inline CSS and SVG, no scripts, no network fetches): a summary, a table of the
 * scenario's steps, requests/s (and the target rate) and latency percentiles over time, each step's percentiles over
 * time, the response-time distribution, the percentile spectrum on a log scale, status codes and errors.
 */
public final class HtmlReport {
    /** Series colours; tests look for them in a screenshot. */
    public static final String BLUE = "#2563eb",
            RED = "#dc2626",
            GREEN = "#16a34a",
            AMBER = "#d97706",
            PURPLE = "#7c3aed",
            CYAN = "#0891b2";

    private HtmlReport() {}

    /** Renders the whole page. */
    public static String render(LoadResult r) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>keelson load: ")
                .append(SvgChart.escape(r.target()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>");
        html.append("<h1>keelson load</h1><p class=\"sub\">")
                .append(SvgChart.escape(r.target()))
                .append(" &middot; ")
                .append(SvgChart.escape(TextReport.model(r)))
                .append(" &middot; ")
                .append(String.format(Locale.ROOT, "%.1fs from %s", r.measured().toNanos() / 1e9, r.started()))
                .append("</p>");
        summary(html, r);
        if (r.shortfall() != null) {
            html.append("<p class=\"behind\"><b>Behind schedule:</b> ")
                    .append(SvgChart.escape(r.shortfall().describe()))
                    .append("</p>");
        }
        List<TimelineSecond> seconds =
                r.timeline().stream().filter(s -> !s.warmup()).toList();
        if (r.steps().size() > 1) stepTable(html, r);
        if (!r.stages().isEmpty()) stageTable(html, r);
        html.append(throughput(seconds, r.measured().toNanos() / 1e9, r.model() == Model.OPEN ? r.rate() : 0, ramp(r)))
                .append(latencyOverTime("Latency over time", seconds));
        server(html, r.server(), r.measured().toNanos() / 1e9);
        if (r.steps().size() > 1) {
            for (StepResult step : r.steps()) {
                html.append(latencyOverTime(
                        "Step " + step.name() + ": latency over time",
                        step.timeline().stream().filter(s -> !s.warmup()).toList()));
            }
        }
        html.append(distribution(r)).append(spectrum(r)).append(outcomes(r));
        return html.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder html, LoadResult r) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("requests", String.valueOf(r.requests()));
        cells.put("requests/s", String.format(Locale.ROOT, "%.1f", r.requestsPerSecond()));
        cells.put("received/s", TextReport.bytes(r.bytesPerSecond()));
        cells.put("errors", String.format(Locale.ROOT, "%d (%.2f%%)", r.errors(), r.errorRatio() * 100));
        if (!r.protocols().isEmpty()) cells.put("protocol", r.describeProtocols());
        if (r.latency().getTotalCount() > 0) {
            cells.put("mean", Durations.formatMicros(r.latency().getMean()));
            for (double q : TextReport.PERCENTILES)
                cells.put(TextReport.label(q), Durations.formatMicros(r.percentileMicros(q)));
            cells.put("max", Durations.formatMicros(r.latency().getMaxValue()));
        }
        if (r.lateness().count() > 0)
            cells.put(
                    "sent late",
                    r.lateness().count() + " (max "
                            + Durations.formatMicros(r.lateness().maxMicros()) + ")");
        html.append("<div class=\"cards\">");
        cells.forEach((k, v) -> html.append("<div><b>")
                .append(SvgChart.escape(v))
                .append("</b><span>")
                .append(k)
                .append("</span></div>"));
        html.append("</div>");
        if (!r.thresholds().isEmpty()) {
            html.append(
                    "<table class=\"thresholds\"><tr><th>threshold</th><th>measured</th><th>margin</th><th>result</th></tr>");
            for (Threshold.Outcome t : r.thresholds()) {
                html.append("<tr class=\"")
                        .append(t.passed() ? "ok" : "failed")
                        .append("\"><td>")
                        .append(SvgChart.escape(t.threshold().expression()))
                        .append("</td><td>")
                        .append(SvgChart.escape(t.threshold().format(t.actual())))
                        .append("</td><td>")
                        .append(SvgChart.escape(t.describeMargin()))
                        .append("</td><td>")
                        .append(t.passed() ? "passed" : "FAILED")
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
    }

    /** The run's stages as a ramp, or null for a steady run. */
    private static Ramp ramp(LoadResult r) {
        return r.stages().isEmpty()
                ? null
                : new Ramp(
                        r.model(), r.stages().stream().map(StageResult::stage).toList());
    }

    /**
     * Rates per second, each second plotted at its end; the last one of a run that ended mid-second is divided by
     * the part of it the run lasted (a 0.18 s run's 985 responses are 5,470/s, not 985/s).
     */
    private static String throughput(
            List<TimelineSecond> seconds, double measuredSeconds, double targetRate, Ramp ramp) {
        double[] lengths = seconds.stream()
                .mapToDouble(s -> Math.clamp(measuredSeconds - s.second(), 0.001, 1))
                .toArray();
        double[] xs = new double[seconds.size()],
                responses = new double[seconds.size()],
                errors = new double[seconds.size()];
        for (int i = 0; i < xs.length; i++) {
            TimelineSecond s = seconds.get(i);
            xs[i] = s.second() + lengths[i];
            responses[i] = s.requests() / lengths[i];
            errors[i] = s.errors() / lengths[i];
        }
        SvgChart chart = new SvgChart("Requests per second");
        if (targetRate > 0) { // drawn first, so the responses' line stays visible where it keeps the rate
            double[] target = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                target[i] = ramp == null ? targetRate : ramp.targetAt((long) ((xs[i] - lengths[i] / 2) * 1e9));
            }
            chart.add("target rate/s", AMBER, xs, target);
        } else if (ramp != null) { // closed model with stages: the active users, on the same axis
            double[] active = new double[xs.length];
            for (int i = 0; i < xs.length; i++) active[i] = ramp.targetAt((long) ((xs[i] - lengths[i] / 2) * 1e9));
            chart.add("active users", AMBER, xs, active);
        }
        return chart.add("responses/s", BLUE, xs, responses)
                .add("errors/s", RED, xs, errors)
                .xLabels(v -> String.format(Locale.ROOT, "%.0fs", v), false)
                .render();
    }

    /** Latency per second; a second without responses is a gap in the lines, not a zero. */
    private static String latencyOverTime(String title, List<TimelineSecond> seconds) {
        double[] xs = seconds.stream().mapToDouble(s -> s.second() + 1).toArray();
        return new SvgChart(title)
                .add("p50", GREEN, xs, values(seconds, TimelineSecond::p50Micros))
                .add("p90", AMBER, xs, values(seconds, TimelineSecond::p90Micros))
                .add("p99", RED, xs, values(seconds, TimelineSecond::p99Micros))
                .add("max", PURPLE, xs, values(seconds, TimelineSecond::maxMicros))
                .xLabels(v -> String.format(Locale.ROOT, "%.0fs", v), false)
                .yLabels(Durations::formatMicros)
                .render();
    }

    /**
     * The target's own metrics beside the latency: one chart per series over the measured seconds, then the
     * scrape's warnings.
     */
    private static void server(StringBuilder html, ServerMetrics m, double measuredSeconds) {
        if (m.isEmpty()) return;
        for (ServerMetrics.Series s : m.series()) {
            List<ServerMetrics.Point> points = s.points().stream()
                    .filter(p -> p.second() >= 0 && p.second() <= measuredSeconds + 1)
                    .toList();
            html.append(new SvgChart("Server: " + s.label() + " (" + s.metric() + ", " + s.kind() + ")")
                    .add(
                            s.label(),
                            CYAN,
                            points.stream()
                                    .mapToDouble(ServerMetrics.Point::second)
                                    .toArray(),
                            points.stream()
                                    .mapToDouble(p -> Double.isFinite(p.value()) ? p.value() : Double.NaN)
                                    .toArray())
                    .xLabels(v -> String.format(Locale.ROOT, "%.0fs", v), false)
                    .yLabels(s::format)
                    .render());
        }
        if (m.series().isEmpty() || !m.warnings().isEmpty()) {
            html.append("<p class=\"behind\"><b>Server metrics from ").append(SvgChart.escape(m.endpoint()));
            html.append(":</b> ").append(m.series().isEmpty() ? "none of the chosen metrics was found. " : "");
            m.warnings().forEach(w -> html.append(SvgChart.escape(w)).append(". "));
            html.append("</p>");
        }
    }

    /** One row per scenario step, as Gatling's statistics table: count, rate, errors by kind, percentiles. */
    private static void stepTable(StringBuilder html, LoadResult r) {
        html.append("<table class=\"steps\"><tr><th>step</th><th>requests</th><th>rate</th><th>errors</th>");
        for (double q : new double[] {50, 90, 95, 99})
            html.append("<th>").append(TextReport.label(q)).append("</th>");
        html.append("<th>max</th></tr>");
        for (StepResult s : r.steps()) {
            boolean any = s.latency().getTotalCount() > 0;
            html.append("<tr><td>")
                    .append(SvgChart.escape(s.name()))
                    .append("</td><td>")
                    .append(s.requests())
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f/s", s.requestsPerSecond()))
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%d (%.2f%%)", s.errors(), s.errorRatio() * 100));
            s.errorKinds()
                    .forEach((kind, n) -> html.append("<br>")
                            .append(SvgChart.escape(kind.label()))
                            .append(": ")
                            .append(n));
            html.append("</td>");
            for (double q : new double[] {50, 90, 95, 99}) {
                html.append("<td>")
                        .append(any ? Durations.formatMicros(s.percentileMicros(q)) : "-")
                        .append("</td>");
            }
            html.append("<td>")
                    .append(any ? Durations.formatMicros(s.latency().getMaxValue()) : "-")
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    private static void stageTable(StringBuilder html, LoadResult r) {
        html.append("<table class=\"stages\"><tr><th>stage</th><th>target</th><th>requests</th><th>rate</th>"
                + "<th>errors</th><th>p50</th><th>p99</th></tr>");
        for (var s : r.stages()) {
            html.append("<tr><td>")
                    .append(s.number())
                    .append("</td><td>")
                    .append(SvgChart.escape(s.stage().describe(s.model())))
                    .append("</td><td>")
                    .append(s.requests())
                    .append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f/s", s.requestsPerSecond()))
                    .append("</td><td>")
                    .append(s.errors())
                    .append("</td><td>")
                    .append(Durations.formatMicros(s.percentileMicros(50)))
                    .append("</td><td>")
                    .append(Durations.formatMicros(s.percentileMicros(99)))
                    .append("</td></tr>");
        }
        html.append("</table>");
    }

    /** How many responses took how long: one bar per doubling of latency, as Gatling's distribution chart. */
    private static String distribution(LoadResult r) {
        StringBuilder html =
                new StringBuilder("<figure><figcaption>Response-time distribution</figcaption><div class=\"bars\">");
        long total = r.latency().getTotalCount();
        if (total == 0) return html.append("<p>no responses</p></div></figure>").toString();
        long lower = 0;
        for (HistogramIterationValue v :
                r.latency().logarithmicBucketValues(Math.max(1, r.latency().getMinValue()), 2)) {
            long n = v.getCountAddedInThisIterationStep();
            if (n > 0) {
                bar(
                        html,
                        Durations.formatMicros(lower) + " - " + Durations.formatMicros(v.getValueIteratedTo()),
                        n,
                        total,
                        BLUE);
            }
            lower = v.getValueIteratedTo();
        }
        return html.append("</div></figure>").toString();
    }

    private static double[] values(
            List<TimelineSecond> seconds, java.util.function.ToLongFunction<TimelineSecond> micros) {
        return seconds.stream()
                .mapToDouble(s -> s.requests() == 0 ? Double.NaN : micros.applyAsLong(s))
                .toArray();
    }

    private static String spectrum(LoadResult r) {
        List<double[]> points = new ArrayList<>();
        if (r.latency().getTotalCount() > 0) {
            for (HistogramIterationValue v : r.latency().percentiles(5)) {
                double p = v.getPercentileLevelIteratedTo();
                if (p >= 99.9999) break;
                points.add(new double[] {100 / (100 - p), v.getValueIteratedTo()});
            }
            points.add(new double[] {1e6, r.latency().getMaxValue()});
        }
        return new SvgChart("Latency by percentile (log scale: 90%, 99%, 99.9%...)")
                .add(
                        "latency",
                        BLUE,
                        points.stream().mapToDouble(p -> p[0]).toArray(),
                        points.stream().mapToDouble(p -> p[1]).toArray())
                .xLabels(HtmlReport::percentileLabel, true)
                .yLabels(Durations::formatMicros)
                .render();
    }

    private static String percentileLabel(double inverse) {
        double p = 100 - 100 / inverse;
        return p >= 99.99995
                ? "max"
                : String.format(
                        Locale.ROOT,
                        "%s%%",
                        new java.math.BigDecimal(p)
                                .setScale(4, java.math.RoundingMode.HALF_UP)
                                .stripTrailingZeros()
                                .toPlainString());
    }

    private static String outcomes(LoadResult r) {
        long total = Math.max(1, r.requests() + r.errors());
        StringBuilder html =
                new StringBuilder("<figure><figcaption>Status codes and errors</figcaption><div class=\"bars\">");
        r.statusCodes().forEach((code, n) -> bar(html, "HTTP " + code, n, total, statusColour(code)));
        r.errorKinds()
                .forEach((kind, n) ->
                        bar(html, kind.label(), n, total, kind.name().equals("UNEXPECTED") ? AMBER : PURPLE));
        if (r.statusCodes().isEmpty() && r.errorKinds().isEmpty()) html.append("<p>no responses</p>");
        return html.append("</div></figure>").toString();
    }

    private static void bar(StringBuilder html, String label, long n, long total, String colour) {
        double width = Math.max(0.5, 100.0 * n / total);
        html.append(String.format(
                Locale.ROOT,
                "<div class=\"bar\"><span>%s</span><i style=\"width:%.1f%%;background:%s\"></i><em>%d</em></div>",
                SvgChart.escape(label),
                width * 0.8,
                colour,
                n));
    }

    private static String statusColour(int code) {
        if (code < 300) return GREEN;
        if (code < 400) return CYAN;
        return code < 500 ? AMBER : RED;
    }

    static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#0f172a;background:#f8fafc;max-width:1080px}
            h1{margin:0;font-size:22px}.sub{color:#475569;margin:4px 0 16px}
            .cards{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:16px}
            .cards div{background:#fff;border:1px solid #e2e8f0;border-radius:6px;padding:6px 10px;min-width:80px}
            .cards b{display:block;font-size:16px}.cards span{color:#64748b;font-size:12px}
            figure{margin:0 0 18px;background:#fff;border:1px solid #e2e8f0;border-radius:6px;padding:8px}
            figcaption{font-weight:600;margin-bottom:4px}svg{display:block;max-width:100%;height:auto}
            .tick{font-size:11px;fill:#64748b}.legend span{margin-right:14px;font-size:12px}
            .legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
            .bar{display:flex;align-items:center;gap:8px;margin:4px 0}.bar span{width:190px}
            .bar i{display:block;height:18px;border-radius:3px}.bar em{font-style:normal;color:#475569}
            table{border-collapse:collapse;margin-bottom:16px}td,th{border:1px solid #e2e8f0;padding:4px 10px}
            tr.failed td{color:#b91c1c;font-weight:600}tr.ok td{color:#15803d}
            .behind{background:#fef3c7;border:1px solid #f59e0b;border-radius:6px;padding:8px}
            """;
}
