package dev.keelson.load;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.DoubleStream;

/**
 * What the target's own Prometheus endpoint said while the load ran ({@code --metrics}): one series per metric
 * chosen, one point per scrape, on the run's timeline.
 *
 * @param endpoint the URL scraped; empty for {@link #NONE}
 * @param scrapes  scrapes tried
 * @param failed   scrapes that failed (refused, timed out, too large, not the text format); the load went on
 * @param series   the chosen series that the endpoint had
 * @param warnings what went wrong, each once with how often, and metrics asked for that the endpoint lacked
 */
public record ServerMetrics(String endpoint, int scrapes, int failed, List<Series> series, List<String> warnings) {
    /** No endpoint was scraped. */
    public static final ServerMetrics NONE = new ServerMetrics("", 0, 0, List.of(), List.of());

    public ServerMetrics {
        Objects.requireNonNull(endpoint, "endpoint");
        series = List.copyOf(series);
        warnings = List.copyOf(warnings);
    }

    /** True when no endpoint was scraped. */
    public boolean isEmpty() {
        return endpoint.isEmpty();
    }

    /**
     * Runs merged from several machines watched the same server: the first run that scraped it speaks for all.
     */
    public static ServerMetrics merge(List<ServerMetrics> runs) {
        return runs.stream().filter(m -> !m.isEmpty()).findFirst().orElse(NONE);
    }

    /**
     * One metric over time.
     *
     * @param label  what it shows, e.g. {@code process CPU}
     * @param metric the Prometheus name (and labels) it comes from
     * @param kind   {@code gauge} (the value as scraped), {@code rate} (a counter's increase per second) or
     *               {@code mean} (a histogram's or summary's sum over count in each interval)
     * @param unit   {@code seconds}, {@code bytes}, {@code ratio} (0 to 1) or empty; a rate's unit is per second
     * @param points in time order
     */
    public record Series(String label, String metric, String kind, String unit, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }

        /** {@code value} in this series' unit: {@code 31.0%}, {@code 4.20ms}, {@code 12.5/s}, {@code 3.2 MB}. */
        public String format(double value) {
            if (!Double.isFinite(value)) return "-";
            String perSecond = kind.equals("rate") ? "/s" : "";
            return switch (unit) {
                case "seconds" -> Durations.formatMicros(value * 1e6) + perSecond;
                case "ratio" -> String.format(Locale.ROOT, "%.1f%%", value * 100) + perSecond;
                case "bytes" -> bytes(value) + perSecond;
                default -> String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value) + perSecond;
            };
        }

        private static String bytes(double value) {
            if (Math.abs(value) < 1024) return String.format(Locale.ROOT, "%.0f B", value);
            if (Math.abs(value) < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KB", value / 1024);
            return String.format(Locale.ROOT, "%.1f MB", value / 1024 / 1024);
        }

        /** Mean and highest value over the points within the measured part ({@code second >= 0}), as text. */
        public String summary() {
            double mean = mean();
            return Double.isNaN(mean) ? "no values" : "mean " + format(mean) + "  max " + format(max());
        }

        /** Mean of the values within the measured part ({@code second >= 0}); NaN when there is none. */
        public double mean() {
            return measured().average().orElse(Double.NaN);
        }

        /** Highest value within the measured part ({@code second >= 0}); NaN when there is none. */
        public double max() {
            return measured().max().orElse(Double.NaN);
        }

        private DoubleStream measured() {
            return points.stream()
                    .filter(p -> p.second() >= 0 && Double.isFinite(p.value()))
                    .mapToDouble(Point::value);
        }
    }

    /**
     * One scrape's value.
     *
     * @param second seconds since the measured part of the run began (negative during warm-up)
     * @param value  the value; NaN where a mean had no events in its interval
     */
    public record Point(double second, double value) {}
}
