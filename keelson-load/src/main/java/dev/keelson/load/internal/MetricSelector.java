package dev.keelson.load.internal;

import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A metric to show beside the load: a Prometheus name (the first of {@code names} the endpoint has) and labels the
 * samples must carry; samples of other label values are added up. A counter is shown as its rate, a histogram or
 * summary as its mean per interval (sum over count), a gauge as it is.
 *
 * @param label  what the report calls it
 * @param names  candidate names, the first one found is used
 * @param labels labels a sample must have, with these values
 */
public record MetricSelector(String label, List<String> names, Map<String, String> labels) {
    private static final Set<String> DISTRIBUTIONS = Set.of("histogram", "summary", "gaugehistogram");

    public MetricSelector {
        names = List.copyOf(names);
        labels = Map.copyOf(labels);
    }

    static MetricSelector parse(String label, String... names) {
        return new MetricSelector(label, List.of(names), Map.of());
    }

    /** Parses a {@code --metric NAME[{label="value",...}]}. */
    public static MetricSelector parse(String text) {
        String trimmed = text.strip();
        int brace = trimmed.indexOf('{');
        String name = brace < 0 ? trimmed : trimmed.substring(0, brace);
        if (!PrometheusText.isName(name)) throw bad(text, "'" + name + "' is not a Prometheus metric name");
        Map<String, String> labels = brace < 0 ? Map.of() : PrometheusText.labels(trimmed.substring(brace));
        if (labels == null) throw bad(text, "the labels do not parse; write them as {name=\"value\",...}");
        return new MetricSelector(trimmed, List.of(name), labels);
    }

    private static LoadException bad(String text, String why) {
        return new LoadException(
                LoadErrorCode.BAD_CONFIG,
                "--metric " + text + ": " + why
                        + ", e.g. --metric 'hikaricp_connections_active{pool=\"HikariPool-1\"}'");
    }

    /**
     * One scrape's value of the selected samples.
     *
     * @param metric the name found, with the selector's labels
     * @param kind   {@code gauge}, {@code rate} or {@code mean}
     * @param value  the gauge, the counter, or the distribution's sum
     * @param count  the distribution's count; 0 otherwise
     */
    record Reading(String metric, String kind, double value, double count) {
        /** A rate or mean over the {@code seconds} since {@code previous}; a counter that went down restarted. */
        double since(Reading previous, double seconds) {
            if (kind.equals("mean")) {
                double events = count - previous.count;
                return events <= 0 ? Double.NaN : (value - previous.value) / events;
            }
            double increase = value >= previous.value ? value - previous.value : value;
            return seconds <= 0 ? Double.NaN : increase / seconds;
        }
    }

    /** This selector's value in {@code body}; null when the body has none of its names. */
    Reading read(PrometheusText.Exposition body) {
        for (String name : names) {
            Reading reading = read(name, body);
            if (reading != null) return reading;
        }
        return null;
    }

    private Reading read(String name, PrometheusText.Exposition body) {
        String type = body.types().get(name);
        String metric = name + (labels.isEmpty() ? "" : labelText());
        if (type != null && DISTRIBUTIONS.contains(type)) {
            double[] sum = total(body, name + "_sum"), count = total(body, name + "_count");
            return sum == null || count == null ? null : new Reading(metric, "mean", sum[0], count[0]);
        }
        double[] value = total(body, name);
        if (value == null && "counter".equals(type)) value = total(body, name + "_total");
        if (value == null) return null;
        return new Reading(metric, isCounter(name, type, body) ? "rate" : "gauge", value[0], 0);
    }

    private static boolean isCounter(String name, String type, PrometheusText.Exposition body) {
        if (type != null) return type.equals("counter");
        for (String suffix : List.of("_total", "_sum", "_count", "_bucket", "_created")) {
            if (name.endsWith(suffix)) {
                String family = body.types().get(name.substring(0, name.length() - suffix.length()));
                return family == null
                        ? suffix.equals("_total")
                        : family.equals("counter") || DISTRIBUTIONS.contains(family);
            }
        }
        return false;
    }

    /** The sum of the matching samples named {@code name}, or null when there is none. */
    private double[] total(PrometheusText.Exposition body, String name) {
        double[] sum = null;
        for (PrometheusText.Sample s : body.samples()) {
            if (s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())) {
                if (sum == null) sum = new double[1];
                sum[0] += s.value();
            }
        }
        return sum;
    }

    private String labelText() {
        StringBuilder text = new StringBuilder("{");
        labels.forEach((k, v) -> text.append(text.length() > 1 ? "," : "")
                .append(k)
                .append("=\"")
                .append(v)
                .append('"'));
        return text.append('}').toString();
    }

    /** The unit a name's suffix says: seconds, bytes, ratio, or empty for counts. */
    static String unit(String metric) {
        int brace = metric.indexOf('{');
        String name = brace < 0 ? metric : metric.substring(0, brace);
        if (name.endsWith("_count") || name.endsWith("_bucket")) return "";
        name = name.replaceFirst("_(total|sum)$", "");
        if (name.endsWith("_seconds")) return "seconds";
        if (name.endsWith("_bytes")) return "bytes";
        if (name.endsWith("_usage") || name.endsWith("_ratio")) return "ratio";
        return "";
    }
}
