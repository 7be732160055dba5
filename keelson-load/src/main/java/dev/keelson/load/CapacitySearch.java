package dev.keelson.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleFunction;

/**
 * Finds the highest open-model rate at which a target meets every SLO, as a load-testing workflow's "capacity" step:
 * runs the rate in steps ({@code start}, then times {@code factor}) until a step breaks an SLO, then bisects between
 * the last step that met them and the first that did not, until the two are within {@code precision}.
 *
 * <p>Each step is one run of {@code warmup + hold} at a fixed rate; the warm-up is not measured. A step <em>meets</em>
 * the SLOs when every one holds over its measured part <em>and</em> it was steady: the generator kept the schedule
 * (no {@link Shortfall}; see {@link #judge} for whose fault one is), and latency did not climb through the step (the
 * median per-second p99 of its second half is at most twice that of its first half, or within 20 ms of it), which
 * would mean a queue building up that a longer hold would turn into an SLO failure. A step that breaks the rule
 * fails with the reason.
 *
 * @param steps     one run per rate, in the order they were run
 * @param slos      the objectives each step was checked against
 */
public record CapacitySearch(List<Step> steps, List<Threshold> slos) {
    /** Rise of the second half's p99 over the first half's beyond which a step is not steady. */
    static final double CLIMB = 2;

    static final double CLIMB_FLOOR_MICROS = 20_000;

    /** The shortest hold, in measured seconds, whose steadiness is judged: two seconds per half. */
    static final int CLIMB_MIN_SECONDS = 4;

    public CapacitySearch {
        steps = List.copyOf(steps);
        slos = List.copyOf(slos);
    }

    /**
     * How to search.
     *
     * @param start     first rate, requests per second
     * @param factor    each step's rate is the previous one's times this, until an SLO breaks
     * @param max       no rate above this is tried
     * @param warmup    run before each step's measured part, not measured
     * @param hold      each step's measured part
     * @param precision bisect until the failing and the passing rate are within this fraction of each other
     * @param maxRuns   at most this many runs in all
     */
    public record Plan(
            double start, double factor, double max, Duration warmup, Duration hold, double precision, int maxRuns) {
        public Plan {
            check(start > 0, "the start rate must be above 0, got " + start);
            check(factor > 1, "the step factor must be above 1, got " + factor);
            check(max >= start, "the highest rate must be at least the start rate, got " + max);
            check(!hold.isNegative() && hold.toMillis() >= 1000, "each step holds at least 1s, got " + hold);
            check(!warmup.isNegative(), "the warm-up of a step must not be negative");
            check(precision > 0 && precision < 1, "the precision is a fraction between 0 and 1, got " + precision);
            check(maxRuns >= 1, "at least one run, got " + maxRuns);
        }

        private static void check(boolean ok, String message) {
            if (!ok) throw new LoadException(LoadErrorCode.BAD_CONFIG, message);
        }
    }

    /**
     * One step: a rate, what it measured, and whether it met every SLO.
     *
     * @param offered  the rate asked for, requests per second
     * @param result   the run at that rate, with the SLOs as its thresholds
     * @param met      every SLO held and the step was steady
     * @param reason   why it failed ({@code latency: p99<250ms: 312ms}, {@code errors: ...}, {@code generator: ...},
     *                 {@code not steady: ...}); empty when it met them
     * @param bisected run while bisecting, rather than stepping up
     */
    public record Step(double offered, LoadResult result, boolean met, String reason, boolean bisected) {
        public Step {
            Objects.requireNonNull(result, "result");
            reason = reason == null ? "" : reason;
        }
    }

    /**
     * Runs the search. {@code run} makes and runs one step at a rate (the caller configures the target, users,
     * protocol and everything else the same way for each); {@code onStep} hears each step as it ends.
     */
    public static CapacitySearch run(
            Plan plan, List<Threshold> slos, DoubleFunction<LoadResult> run, Consumer<Step> onStep) {
        return run(plan, slos, run, onStep, () -> false);
    }

    /**
     * As {@link #run(Plan, List, DoubleFunction, Consumer)}, ending early once {@code stopped} says so (Ctrl-C): the
     * step that was running is kept as {@code interrupted}, never as met, and no other step runs.
     */
    public static CapacitySearch run(
            Plan plan,
            List<Threshold> slos,
            DoubleFunction<LoadResult> run,
            Consumer<Step> onStep,
            BooleanSupplier stopped) {
        if (slos.isEmpty()) {
            throw new LoadException(
                    LoadErrorCode.BAD_CONFIG, "a capacity search needs at least one SLO, e.g. p99<250ms");
        }
        List<Step> steps = new ArrayList<>();
        double passed = 0, failed = 0;
        double rate = plan.start();
        long baseline = 0;
        while (steps.size() < plan.maxRuns() && !stopped.getAsBoolean()) {
            LoadResult result = run.apply(rate);
            if (steps.isEmpty()) baseline = result.percentileMicros(50);
            Step step = stopped.getAsBoolean()
                    ? interrupted(rate, result, plan, false)
                    : judge(rate, result, slos, false, baseline);
            steps.add(step);
            onStep.accept(step);
            if (stopped.getAsBoolean()) return new CapacitySearch(steps, slos);
            if (!step.met()) {
                failed = rate;
                break;
            }
            passed = rate;
            if (rate >= plan.max()) break;
            rate = Math.min(plan.max(), rate * plan.factor());
        }
        while (failed > 0
                && passed > 0
                && (failed - passed) / passed > plan.precision()
                && steps.size() < plan.maxRuns()
                && !stopped.getAsBoolean()) {
            double mid = Math.round((passed + failed) / 2 * 10) / 10.0;
            LoadResult result = run.apply(mid);
            Step step = stopped.getAsBoolean()
                    ? interrupted(mid, result, plan, true)
                    : judge(mid, result, slos, true, baseline);
            steps.add(step);
            onStep.accept(step);
            if (stopped.getAsBoolean()) break;
            if (step.met()) {
                passed = mid;
            } else {
                failed = mid;
            }
            if (step.reason().startsWith("generator")) break; // more rate cannot be measured here
        }
        return new CapacitySearch(steps, slos);
    }

    /**
     * Whether {@code result} met every SLO and was steady; the first reason it did not. Falling behind the schedule
     * is the generator's fault when its CPU was busy, or when its connections were too few while the server answered
     * as fast as at the first step ({@code baselineP50Micros}); when the server had slowed down (p50 over twice the
     * first step's), too few connections is the server's saturation showing, and the step fails on the SLOs or as
     * the server's.
     */
    static Step judge(
            double offered, LoadResult result, List<Threshold> slos, boolean bisected, long baselineP50Micros) {
        Shortfall shortfall = result.shortfall();
        boolean serverSlowed = baselineP50Micros > 0 && result.percentileMicros(50) > 2 * baselineP50Micros;
        if (shortfall != null
                && (shortfall.cause() == Shortfall.Cause.GENERATOR_CPU
                        || (shortfall.cause() == Shortfall.Cause.TOO_FEW_CONNECTIONS && !serverSlowed))) {
            return new Step(offered, result, false, "generator: " + shortfall.describe(), bisected);
        }
        for (Threshold.Outcome outcome : result.thresholds()) {
            if (!outcome.passed()) {
                String metric = outcome.threshold().metric();
                String kind = metric.equals("errors") ? "errors" : metric.equals("rps") ? "throughput" : "latency";
                return new Step(offered, result, false, kind + ": " + outcome.describe(), bisected);
            }
        }
        if (shortfall != null) return new Step(offered, result, false, "server: " + shortfall.describe(), bisected);
        String climb = climb(result);
        if (climb != null) return new Step(offered, result, false, "not steady: " + climb, bisected);
        return new Step(offered, result, true, "", bisected);
    }

    private static Step interrupted(double offered, LoadResult result, Plan plan, boolean bisected) {
        return new Step(
                offered,
                result,
                false,
                "interrupted: held " + Durations.format(result.measured()) + " of " + Durations.format(plan.hold()),
                bisected);
    }

    /**
     * The p99 climb through the step when it breaks the steadiness rule, else {@code null}. Each half is summed up by
     * the lower median of its per-second p99s, so one stalled second (a pause of the generator's machine, a GC of the
     * server) does not make a step unsteady, while a queue that builds, second after second, does. A half of one
     * second cannot tell the two apart, so a hold shorter than {@value #CLIMB_MIN_SECONDS} seconds is not judged.
     */
    static String climb(LoadResult result) {
        return climb(result.timeline());
    }

    static String climb(List<TimelineSecond> timeline) {
        List<Long> p99s = timeline.stream()
                .filter(s -> !s.warmup() && s.requests() > 0)
                .map(TimelineSecond::p99Micros)
                .toList();
        int half = p99s.size() / 2;
        if (half < CLIMB_MIN_SECONDS / 2) return null;
        long first = lowerMedian(p99s.subList(0, half));
        long second = lowerMedian(p99s.subList(p99s.size() - half, p99s.size()));
        if (second <= first * CLIMB || second - first <= CLIMB_FLOOR_MICROS) return null;
        return "p99 rose from " + Durations.formatMicros(first) + " in the first half of the step to "
                + Durations.formatMicros(second) + " in the second (a queue is building)";
    }

    private static long lowerMedian(List<Long> values) {
        return values.stream()
                .sorted()
                .skip((values.size() - 1) / 2)
                .findFirst()
                .orElseThrow();
    }

    /** The highest rate that met every SLO; 0 when none did. */
    public double capacity() {
        return steps.stream().filter(Step::met).mapToDouble(Step::offered).max().orElse(0);
    }

    /**
     * The knee: the lowest rate, among the steps run, from which latency climbs, i.e. whose p99 is more than twice
     * the p99 of the lowest rate, or whose throughput fell below 95% of the rate offered; {@code NaN} when no step
     * shows it.
     */
    public double knee() {
        List<Step> byRate = steps.stream()
                .sorted((a, b) -> Double.compare(a.offered(), b.offered()))
                .toList();
        if (byRate.isEmpty()) return Double.NaN;
        long base = Math.max(1, byRate.get(0).result().percentileMicros(99));
        for (Step step : byRate) {
            LoadResult r = step.result();
            boolean slower = r.percentileMicros(99) > 2 * base;
            boolean behind = r.requestsPerSecond() < 0.95 * step.offered();
            if (slower || behind) return step.offered();
        }
        return Double.NaN;
    }

    /** The search stopped because the generator, not the target, could not go faster. */
    public boolean generatorLimited() {
        return steps.stream().anyMatch(s -> s.reason().startsWith("generator"));
    }
}
