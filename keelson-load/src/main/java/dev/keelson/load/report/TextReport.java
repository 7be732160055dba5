package dev.keelson.load.report;

import dev.keelson.load.Durations;
import dev.keelson.load.LoadResult;
import dev.keelson.load.Model;
import dev.keelson.load.ServerMetrics;
import dev.keelson.load.StageResult;
import dev.keelson.load.StepResult;
import dev.keelson.load.Threshold;
import java.util.Locale;
import java.util.stream.Collectors;

/** The human-readable summary printed at the end of a run. */
public final class TextReport {
    /** The percentiles every report shows. */
    public static final double[] PERCENTILES = {50, 75, 90, 95, 99, 99.9, 99.99};

    private TextReport() {}

    /** Renders {@code result} as a few aligned lines, ending with a newline. */
    public static String render(LoadResult r) {
        StringBuilder out = new StringBuilder();
        out.append(r.target())
                .append("  ")
                .append(model(r))
                .append(", ")
                .append(String.format(Locale.ROOT, "%.2fs", r.measured().toNanos() / 1e9))
                .append('\n');
        line(
                out,
                "requests",
                String.format(
                        Locale.ROOT,
                        "%d  (%.1f/s, %s/s received)",
                        r.requests(),
                        r.requestsPerSecond(),
                        bytes(r.bytesPerSecond())));
        if (!r.protocols().isEmpty()) line(out, "protocol", r.describeProtocols());
        var h = r.latency();
        line(
                out,
                "latency",
                h.getTotalCount() == 0
                        ? "no responses"
                        : String.format(
                                Locale.ROOT,
                                "min %s  mean %s  stdev %s  max %s",
                                us(h.getMinValue()),
                                us(h.getMean()),
                                us(h.getStdDeviation()),
                                us(h.getMaxValue())));
        StringBuilder p = new StringBuilder();
        for (double q : PERCENTILES)
            p.append(label(q)).append(' ').append(us(r.percentileMicros(q))).append("  ");
        line(out, "percentiles", p.toString().trim());
        line(
                out,
                "status",
                r.statusCodes().isEmpty()
                        ? "none"
                        : r.statusCodes().entrySet().stream()
                                .map(e -> e.getKey() + ": " + e.getValue())
                                .collect(Collectors.joining("  ")));
        line(
                out,
                "errors",
                String.format(Locale.ROOT, "%d (%.2f%%)", r.errors(), r.errorRatio() * 100)
                        + r.errorKinds().entrySet().stream()
                                .map(e -> "  " + e.getKey().label() + ": " + e.getValue())
                                .collect(Collectors.joining()));
        server(out, r.server());
        if (r.steps().size() > 1) steps(out, r);
        for (StageResult s : r.stages()) {
            line(
                    out,
                    "stage " + s.number(),
                    String.format(
                            Locale.ROOT,
                            "%-22s %8d  %9.1f/s  errors %d  p50 %s  p99 %s",
                            s.stage().describe(s.model()),
                            s.requests(),
                            s.requestsPerSecond(),
                            s.errors(),
                            us(s.percentileMicros(50)),
                            us(s.percentileMicros(99))));
        }
        if (r.unanswered() > 0) {
            line(
                    out,
                    "due",
                    String.format(
                            Locale.ROOT,
                            "%d  (%d answered, %d without an answer: latency thresholds"
                                    + " count those as slower than any answer)",
                            r.due(),
                            r.requests(),
                            r.unanswered()));
        }
        if (r.model() == Model.OPEN) {
            line(
                    out,
                    "late",
                    r.lateness().count() == 0
                            ? "none: every request went out on schedule"
                            : String.format(
                                    Locale.ROOT,
                                    "%d requests sent after their slot (mean %s, max %s late)",
                                    r.lateness().count(),
                                    us(r.lateness().meanMicros()),
                                    us(r.lateness().maxMicros())));
        }
        if (r.shortfall() != null) line(out, "behind", r.shortfall().describe());
        for (Threshold.Outcome t : r.thresholds())
            line(out, "threshold", t.describe() + "  (" + t.describeMargin() + ")");
        return out.toString();
    }

    /** One row per scenario step: its own count, rate, errors by kind and percentiles. */
    private static void steps(StringBuilder out, LoadResult r) {
        int width = Math.max(
                4, r.steps().stream().mapToInt(s -> s.name().length()).max().orElse(4));
        String format = "  %-12s %-" + width + "s %9s %10s %16s %9s %9s %9s %9s%s%n";
        out.append(String.format(
                Locale.ROOT, format, "steps", "step", "requests", "rate", "errors", "p50", "p90", "p99", "max", ""));
        for (StepResult s : r.steps()) {
            boolean any = s.latency().getTotalCount() > 0;
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    "",
                    s.name(),
                    s.requests(),
                    String.format(Locale.ROOT, "%.1f/s", s.requestsPerSecond()),
                    String.format(Locale.ROOT, "%d (%.2f%%)", s.errors(), s.errorRatio() * 100),
                    any ? us(s.percentileMicros(50)) : "-",
                    any ? us(s.percentileMicros(90)) : "-",
                    any ? us(s.percentileMicros(99)) : "-",
                    any ? us(s.latency().getMaxValue()) : "-",
                    s.errorKinds().entrySet().stream()
                            .map(e -> "  " + e.getKey().label() + ": " + e.getValue())
                            .collect(Collectors.joining())));
        }
    }

    static String model(LoadResult r) {
        if (!r.stages().isEmpty()) {
            return (r.model() == Model.OPEN ? "open model, rate in " : "closed model, users in ")
                    + r.stages().size() + " stages"
                    + (r.model() == Model.OPEN ? " over " + r.users() + " connections" : "");
        }
        return r.model() == Model.OPEN
                ? String.format(Locale.ROOT, "open model, %.0f req/s over %d connections", r.rate(), r.users())
                : "closed model, " + r.users() + " users";
    }

    /** {@code p99.9} for 99.9. */
    public static String label(double percentile) {
        return "p"
                + (percentile == Math.floor(percentile)
                        ? String.valueOf((long) percentile)
                        : String.valueOf(percentile));
    }

    static String us(double micros) {
        return Durations.formatMicros(micros);
    }

    static String bytes(double perSecond) {
        if (perSecond < 1024) return String.format(Locale.ROOT, "%.0f B", perSecond);
        if (perSecond < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", perSecond / 1024);
        return String.format(Locale.ROOT, "%.2f MB", perSecond / 1024 / 1024);
    }

    /** One line per server series and per warning of {@code --metrics}. */
    private static void server(StringBuilder out, ServerMetrics m) {
        if (m.isEmpty()) return;
        for (ServerMetrics.Series s : m.series()) line(out, "server", s.label() + ": " + s.summary());
        if (m.series().isEmpty()) line(out, "server", "no chosen metric found at " + m.endpoint());
        for (String w : m.warnings()) line(out, "server", "warning: " + w);
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append(String.format(Locale.ROOT, "  %-12s %s%n", label, text));
    }
}
