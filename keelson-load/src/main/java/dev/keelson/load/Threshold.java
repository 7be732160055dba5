package dev.keelson.load;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail condition on a result: {@code p95<200ms}, {@code p99.9<1s}, {@code mean<50ms}, {@code max<2s},
 * {@code errors<1%}, {@code rps>500}. Latencies take {@code us}, {@code ms} or {@code s}; errors take {@code %}.
 * A scenario step's name in front applies it to that step only: {@code login.p99<200ms}, {@code create.errors<0.1%}.
 *
 * @param expression the text as given
 * @param step       the scenario step it applies to (matched ignoring case), or {@code null} for the whole run
 * @param metric     {@code p<N>}, {@code mean}, {@code max}, {@code errors} or {@code rps}
 * @param lessThan   true for {@code <}, false for {@code >}
 * @param limit      the limit in the metric's unit: microseconds, a ratio 0..1, or requests per second
 */
public record Threshold(String expression, String step, String metric, boolean lessThan, double limit) {
    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*(?:(.+?)\\.)??(p\\d{1,2}(?:\\.\\d+)?|mean|max|errors|rps)\\s*([<>])\\s*(\\d+(?:\\.\\d+)?)\\s*(us|ms|s|%)?\\s*",
            Pattern.CASE_INSENSITIVE);

    /** A threshold on the whole run. */
    public Threshold(String expression, String metric, boolean lessThan, double limit) {
        this(expression, null, metric, lessThan, limit);
    }

    /** Parses an expression; a {@link LoadException} with {@link LoadErrorCode#BAD_THRESHOLD} says what is wrong. */
    public static Threshold parse(String expression) {
        Matcher m = SYNTAX.matcher(expression);
        if (!m.matches()) {
            throw bad(
                    expression,
                    "expected [STEP.]METRIC<VALUE or METRIC>VALUE, e.g. p99<250ms, errors<1%, rps>500,"
                            + " login.p99<200ms");
        }
        String step = m.group(1) == null ? null : m.group(1).trim();
        String metric = m.group(2).toLowerCase(Locale.ROOT);
        double value = Double.parseDouble(m.group(4));
        String unit = m.group(5) == null ? null : m.group(5).toLowerCase(Locale.ROOT);
        double limit = switch (metric) {
            case "errors" -> {
                if (!"%".equals(unit)) throw bad(expression, "errors takes a percentage, e.g. errors<1%");
                yield value / 100;
            }
            case "rps" -> {
                if (unit != null) throw bad(expression, "rps takes a plain number, e.g. rps>500");
                yield value;
            }
            default -> micros(expression, value, unit);
        };
        if (metric.startsWith("p") && Double.parseDouble(metric.substring(1)) >= 100) {
            throw bad(expression, "a percentile is below 100, e.g. p99.9");
        }
        return new Threshold(expression.trim(), step, metric, m.group(3).equals("<"), limit);
    }

    private static double micros(String expression, double value, String unit) {
        if (unit == null || unit.equals("%")) {
            throw bad(expression, "a latency needs a unit: us, ms or s, e.g. p99<250ms");
        }
        return switch (unit) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            default -> value * 1_000_000;
        };
    }

    private static LoadException bad(String expression, String why) {
        return new LoadException(LoadErrorCode.BAD_THRESHOLD, "threshold '" + expression + "' does not parse: " + why);
    }

    /**
     * The metric's value in {@code result}, in this threshold's unit. Latencies are over every due request: one
     * without an answer is slower than any answer, so {@code max}, and a percentile that falls among such requests,
     * are {@link Double#POSITIVE_INFINITY}, as is {@code mean} when nothing was answered.
     */
    public double actual(LoadResult run) {
        Figures result = step == null
                ? run
                : run.step(step)
                        .orElseThrow(() -> new LoadException(
                                LoadErrorCode.BAD_THRESHOLD,
                                "threshold '" + expression + "' names step '" + step + "', which the run has not"));
        boolean none = result.latency().getTotalCount() == 0;
        return switch (metric) {
            case "errors" -> result.errorRatio();
            case "rps" -> result.requestsPerSecond();
            case "mean" -> none ? Double.POSITIVE_INFINITY : result.latency().getMean();
            case "max" ->
                none || result.unanswered() > 0
                        ? Double.POSITIVE_INFINITY
                        : result.latency().getMaxValue();
            default -> result.percentileOfDueMicros(Double.parseDouble(metric.substring(1)));
        };
    }

    /** Evaluates this threshold against a result. */
    public Outcome evaluate(LoadResult result) {
        double actual = actual(result);
        boolean passed = lessThan ? actual < limit : actual > limit;
        return new Outcome(this, actual, passed);
    }

    /** Formats a value of this threshold's metric the way the user wrote it. */
    public String format(double value) {
        if (Double.isInfinite(value)) return "no answer";
        return switch (metric) {
            case "errors" -> String.format(Locale.ROOT, "%.2f%%", value * 100);
            case "rps" -> String.format(Locale.ROOT, "%.1f", value);
            default -> Durations.formatMicros(value);
        };
    }

    /**
     * A threshold checked against a result.
     *
     * @param threshold the condition
     * @param actual    the measured value, in the threshold's unit
     * @param passed    whether the condition held
     */
    public record Outcome(Threshold threshold, double actual, boolean passed) {
        /** One line such as {@code p99<250ms: 312.4ms  FAILED}. */
        public String describe() {
            return threshold.expression() + ": " + threshold.format(actual) + (passed ? "  ok" : "  FAILED");
        }

        /**
         * How far the measured value is inside the limit (positive) or beyond it (negative), in the threshold's
         * unit; {@link Double#NEGATIVE_INFINITY} when the value fell among requests without an answer.
         */
        public double margin() {
            if (Double.isInfinite(actual)) return Double.NEGATIVE_INFINITY;
            return threshold.lessThan() ? threshold.limit() - actual : actual - threshold.limit();
        }

        /** The margin as an SLA review reads it: {@code margin 130ms (52% of the limit)}, or {@code over by ...}. */
        public String describeMargin() {
            double margin = margin();
            if (Double.isInfinite(margin)) return "no margin: requests without an answer";
            String share = threshold.limit() == 0
                    ? ""
                    : String.format(Locale.ROOT, " (%.0f%% of the limit)", Math.abs(margin) / threshold.limit() * 100);
            return (margin >= 0 ? "margin " : "over by ") + threshold.format(Math.abs(margin)) + share;
        }
    }
}
