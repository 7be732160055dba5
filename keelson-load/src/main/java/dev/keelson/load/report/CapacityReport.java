package dev.keelson.load.report;

import dev.keelson.load.CapacitySearch;
import dev.keelson.load.Durations;
import dev.keelson.load.LoadResult;
import dev.keelson.load.ServerMetrics;
import dev.keelson.load.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The report of a capacity search, as text, JSON (every step, each with its whole run) or HTML. */
public final class CapacityReport {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CapacityReport() {}

    /** One line per step, then the capacity, the knee and why the search stopped. */
    public static String text(CapacitySearch search) {
        StringBuilder out = new StringBuilder();
        out.append("capacity search against ")
                .append(target(search))
                .append(", SLOs: ")
                .append(String.join(
                        ", ", search.slos().stream().map(Threshold::expression).toList()))
                .append('\n');
        out.append(String.format(
                Locale.ROOT,
                "  %-7s %10s %11s %9s %9s %8s  %s%n",
                "step",
                "offered/s",
                "achieved/s",
                "p50",
                "p99",
                "errors",
                "verdict"));
        int n = 0;
        for (CapacitySearch.Step s : search.steps()) {
            LoadResult r = s.result();
            out.append(String.format(
                    Locale.ROOT,
                    "  %-7s %10.1f %11.1f %9s %9s %7.2f%%  %s%n",
                    (s.bisected() ? "b" : "") + ++n,
                    s.offered(),
                    r.requestsPerSecond(),
                    latency(r, 50),
                    latency(r, 99),
                    r.errorRatio() * 100,
                    s.met() ? "met" : "FAILED " + s.reason()));
        }
        out.append(String.format(Locale.ROOT, "  capacity     %s%n", describeCapacity(search)));
        double knee = search.knee();
        out.append(String.format(
                Locale.ROOT,
                "  knee         %s%n",
                Double.isNaN(knee)
                        ? "none among the rates tried (p99 stayed within 2x of the lowest rate's)"
                        : String.format(
                                Locale.ROOT,
                                "%.1f/s (from there p99 is over 2x the lowest rate's, or"
                                        + " throughput falls behind the rate)",
                                knee)));
        server(out, search);
        return out.toString();
    }

    /**
     * With {@code --metrics}: one row per step, one column per server series (its mean over the step's measured
     * part), then the scrapes' warnings, each once with the steps it came from unless it came from all.
     */
    private static void server(StringBuilder out, CapacitySearch search) {
        List<CapacitySearch.Step> steps = search.steps();
        String endpoint = steps.stream()
                .map(s -> s.result().server())
                .filter(m -> !m.isEmpty())
                .map(ServerMetrics::endpoint)
                .findFirst()
                .orElse(null);
        if (endpoint == null) return;
        List<String> labels = labels(search);
        out.append("  server metrics from ")
                .append(endpoint)
                .append(labels.isEmpty() ? ": none of the chosen metrics was found" : ", mean over each step's hold:")
                .append('\n');
        if (!labels.isEmpty()) {
            StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-7s %10s", "step", "offered/s"));
            labels.forEach(l -> head.append("  ").append(pad(l, l)));
            out.append(head.toString().stripTrailing()).append('\n');
            int n = 0;
            for (CapacitySearch.Step s : steps) {
                out.append(String.format(Locale.ROOT, "  %-7s %10.1f", (s.bisected() ? "b" : "") + ++n, s.offered()));
                for (String label : labels) {
                    ServerMetrics.Series series = series(s, label);
                    out.append("  ").append(pad(label, series == null ? "-" : series.format(series.mean())));
                }
                out.append('\n');
            }
        }
        Map<String, List<Integer>> warnings = new LinkedHashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            for (String w : steps.get(i).result().server().warnings()) {
                warnings.computeIfAbsent(w, k -> new ArrayList<>()).add(i + 1);
            }
        }
        warnings.forEach((w, in) -> out.append("  warning: ")
                .append(w)
                .append(in.size() == steps.size() ? "" : " (step " + join(in) + ")")
                .append('\n'));
    }

    /** The labels of the server series any step has, in the order they first appear. */
    private static List<String> labels(CapacitySearch search) {
        return search.steps().stream()
                .flatMap(s -> s.result().server().series().stream())
                .map(ServerMetrics.Series::label)
                .distinct()
                .toList();
    }

    private static ServerMetrics.Series series(CapacitySearch.Step step, String label) {
        return step.result().server().series().stream()
                .filter(s -> s.label().equals(label))
                .findFirst()
                .orElse(null);
    }

    private static String pad(String label, String value) {
        return " ".repeat(Math.max(0, Math.max(label.length(), 10) - value.length())) + value;
    }

    private static String join(List<Integer> steps) {
        return String.join(", ", steps.stream().map(String::valueOf).toList());
    }

    static String describeCapacity(CapacitySearch search) {
        double capacity = search.capacity();
        if (capacity == 0) return "none: the first rate already broke an SLO; start lower";
        String text = String.format(Locale.ROOT, "%.1f requests/s met every SLO", capacity);
        if (search.generatorLimited())
            text += " (at least: the generator could not offer more; add --users or machines)";
        else if (search.steps().stream().allMatch(CapacitySearch.Step::met))
            text += " (at least: no rate tried broke" + " an SLO; raise --max)";
        return text;
    }

    /** Every step with its figures, verdict and whole run (as {@link JsonReport} writes one). */
    public static String json(CapacitySearch search) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", JsonReport.FORMAT).put("target", target(search)).put("capacity", search.capacity());
        double knee = search.knee();
        if (Double.isNaN(knee)) root.putNull("knee");
        else root.put("knee", knee);
        root.put("generatorLimited", search.generatorLimited());
        ArrayNode slos = root.putArray("slos");
        search.slos().forEach(t -> slos.add(t.expression()));
        ArrayNode steps = root.putArray("steps");
        for (CapacitySearch.Step s : search.steps()) {
            LoadResult r = s.result();
            ObjectNode step = steps.addObject()
                    .put("offered", s.offered())
                    .put("achieved", r.requestsPerSecond())
                    .put("bisected", s.bisected())
                    .put("met", s.met())
                    .put("reason", s.reason())
                    .put("p50Micros", r.percentileMicros(50))
                    .put("p95Micros", r.percentileMicros(95))
                    .put("p99Micros", r.percentileMicros(99))
                    .put("errorRatio", r.errorRatio());
            if (!r.server().isEmpty()) {
                ArrayNode server = step.putArray("server");
                for (ServerMetrics.Series m : r.server().series()) {
                    ObjectNode summary = server.addObject()
                            .put("label", m.label())
                            .put("metric", m.metric())
                            .put("kind", m.kind())
                            .put("unit", m.unit());
                    number(summary, "mean", m.mean());
                    number(summary, "max", m.max());
                }
            }
            step.set("run", JSON.readTree(JsonReport.render(r)));
        }
        return JSON.writeValueAsString(root) + System.lineSeparator();
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) node.put(name, value);
        else node.putNull(name);
    }

    /**
     * Throughput and latency against the offered rate, with the SLOs' lines, each server series' mean and max per
     * step ({@code --metrics}) against it too, and the step table.
     */
    public static String html(CapacitySearch search) {
        List<CapacitySearch.Step> byRate = search.steps().stream()
                .sorted((a, b) -> Double.compare(a.offered(), b.offered()))
                .toList();
        double[] xs = byRate.stream().mapToDouble(CapacitySearch.Step::offered).toArray();
        double[] achieved =
                byRate.stream().mapToDouble(s -> s.result().requestsPerSecond()).toArray();
        double[] p50 = byRate.stream()
                .mapToDouble(s -> s.result().percentileMicros(50) / 1e3)
                .toArray();
        double[] p99 = byRate.stream()
                .mapToDouble(s -> s.result().percentileMicros(99) / 1e3)
                .toArray();
        SvgChart throughput = new SvgChart("Throughput against offered rate")
                .add("offered/s", HtmlReport.AMBER, xs, xs)
                .add("achieved/s", HtmlReport.BLUE, xs, achieved);
        SvgChart latency = new SvgChart("Latency (ms) against offered rate")
                .add("p50", HtmlReport.BLUE, xs, p50)
                .add("p99", HtmlReport.RED, xs, p99);
        for (Threshold slo : search.slos()) {
            if (slo.step() == null
                    && (slo.metric().startsWith("p") || slo.metric().equals("mean"))) {
                double[] line = new double[xs.length];
                java.util.Arrays.fill(line, slo.limit() / 1e3);
                latency.add("SLO " + slo.expression(), HtmlReport.CYAN, xs, line);
            }
        }
        StringBuilder html = new StringBuilder(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" + "<title>keelson load capacity: ");
        html.append(SvgChart.escape(target(search)))
                .append("</title><style>")
                .append(HtmlReport.CSS)
                .append("</style></head><body><h1>keelson load capacity</h1><p class=\"sub\">")
                .append(SvgChart.escape(target(search)))
                .append("</p><p><b>Capacity:</b> ")
                .append(SvgChart.escape(describeCapacity(search)))
                .append("</p>")
                .append(throughput
                        .xLabels(v -> String.format(Locale.ROOT, "%.0f/s", v), false)
                        .render())
                .append(latency.xLabels(v -> String.format(Locale.ROOT, "%.0f/s", v), false)
                        .render());
        for (String label : labels(search)) html.append(serverChart(byRate, xs, label));
        html.append("<pre>").append(SvgChart.escape(text(search))).append("</pre></body></html>\n");
        return html.toString();
    }

    /** One server series' mean and max per step against the offered rate; a step without it leaves a gap. */
    private static String serverChart(List<CapacitySearch.Step> byRate, double[] xs, String label) {
        double[] means = new double[xs.length], maxes = new double[xs.length];
        ServerMetrics.Series any = null;
        for (int i = 0; i < xs.length; i++) {
            ServerMetrics.Series s = series(byRate.get(i), label);
            means[i] = s == null ? Double.NaN : s.mean();
            maxes[i] = s == null ? Double.NaN : s.max();
            if (s != null) any = s;
        }
        ServerMetrics.Series shown = any;
        return new SvgChart("Server: " + label + " (" + shown.metric() + ", " + shown.kind() + ") against offered rate")
                .add("mean", HtmlReport.CYAN, xs, means)
                .add("max", HtmlReport.PURPLE, xs, maxes)
                .xLabels(v -> String.format(Locale.ROOT, "%.0f/s", v), false)
                .yLabels(shown::format)
                .render();
    }

    private static String latency(LoadResult r, double percentile) {
        return r.latency().getTotalCount() == 0 ? "-" : Durations.formatMicros(r.percentileMicros(percentile));
    }

    private static String target(CapacitySearch search) {
        return search.steps().isEmpty() ? "" : search.steps().get(0).result().target();
    }
}
