package dev.keelson.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The change per metric between a baseline result and a new one, as {@code keelson load compare} prints it.
 *
 * @param changes one entry per metric, in a fixed order
 */
public record Comparison(List<Change> changes) {
    /**
     * One metric of both runs.
     *
     * @param metric         {@code rps}, {@code mean}, {@code p50}... {@code max} or {@code errors}
     * @param baseline       the baseline's value (microseconds, requests/s or a ratio)
     * @param current        the new run's value
     * @param higherIsBetter true for rps
     */
    public record Change(String metric, double baseline, double current, boolean higherIsBetter) {
        /** Relative change, {@code +0.12} for 12% higher; infinite when the baseline is 0 and the new value not. */
        public double relative() {
            if (baseline == 0) return current == 0 ? 0 : Double.POSITIVE_INFINITY;
            return (current - baseline) / baseline;
        }

        /** True when this metric got worse by more than {@code tolerance} (a ratio, 0.1 for 10%). */
        public boolean regressed(double tolerance) {
            double worse = higherIsBetter ? -relative() : relative();
            return worse > tolerance;
        }
    }

    /**
     * Compares {@code current} against {@code baseline}.
     *
     * @throws LoadException with {@link LoadErrorCode#BAD_RESULT} when the runs cannot be compared (other model, other target)
     */
    public static Comparison of(LoadResult baseline, LoadResult current) {
        baseline.differenceFrom(current).ifPresent(why -> {
            throw new LoadException(LoadErrorCode.BAD_RESULT, "cannot compare these runs: " + why);
        });
        List<Change> changes = new ArrayList<>();
        changes.add(new Change("rps", baseline.requestsPerSecond(), current.requestsPerSecond(), true));
        changes.add(new Change(
                "mean", baseline.latency().getMean(), current.latency().getMean(), false));
        for (double q : new double[] {50, 90, 95, 99, 99.9}) {
            String name = "p" + (q == Math.floor(q) ? String.valueOf((long) q) : String.valueOf(q));
            changes.add(new Change(name, baseline.percentileMicros(q), current.percentileMicros(q), false));
        }
        changes.add(new Change(
                "max", baseline.latency().getMaxValue(), current.latency().getMaxValue(), false));
        changes.add(new Change("errors", baseline.errorRatio(), current.errorRatio(), false));
        return new Comparison(changes);
    }

    /** The metrics that got worse by more than {@code tolerance}. */
    public List<Change> regressions(double tolerance) {
        return changes.stream().filter(c -> c.regressed(tolerance)).toList();
    }

    /** A table: metric, baseline, new, change, and a marker on regressions beyond {@code tolerance}. */
    public String render(double tolerance) {
        StringBuilder out = new StringBuilder(
                String.format(Locale.ROOT, "%-8s %12s %12s %9s%n", "metric", "baseline", "new", "change"));
        for (Change c : changes) {
            out.append(String.format(
                    Locale.ROOT,
                    "%-8s %12s %12s %9s%s%n",
                    c.metric(),
                    format(c, c.baseline()),
                    format(c, c.current()),
                    percent(c.relative()),
                    c.regressed(tolerance) ? "  REGRESSION" : ""));
        }
        return out.toString();
    }

    private static String format(Change c, double value) {
        return switch (c.metric()) {
            case "rps" -> String.format(Locale.ROOT, "%.1f/s", value);
            case "errors" -> String.format(Locale.ROOT, "%.2f%%", value * 100);
            default -> Durations.formatMicros(value);
        };
    }

    private static String percent(double relative) {
        if (Double.isInfinite(relative)) return "new";
        return String.format(Locale.ROOT, "%+.1f%%", relative * 100);
    }
}
