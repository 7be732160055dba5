package dev.keelson.load;

import java.util.Locale;

/**
 * Why an open-model run did not send its requests on schedule (many went out late, or never), with the figures that
 * show it. The engine picks the first cause that holds: the generator's event loops were busy nearly all the time;
 * else the connections could not carry the rate at the answer time measured (Little's law: connections / mean
 * answer time); else the server (it answered slowly, stalled or failed while connections were enough).
 *
 * @param cause            what held the rate back
 * @param targetRate       the rate asked for, requests/s
 * @param achievedRate     responses per second
 * @param connections      connections used
 * @param meanAnswerMicros mean time from sending a request to its answer, microseconds
 * @param generatorBusy    share (0..1) of the run the event-loop threads spent on the CPU
 * @param threads          event-loop threads
 */
public record Shortfall(
        Cause cause,
        double targetRate,
        double achievedRate,
        int connections,
        double meanAnswerMicros,
        double generatorBusy,
        int threads) {
    /** A loop busier than this share of the time could not keep up. */
    public static final double BUSY = 0.9;

    /** What held the rate back. */
    public enum Cause {
        /** The load generator's own CPU. */
        GENERATOR_CPU,
        /** Too few connections for the server's answer time. */
        TOO_FEW_CONNECTIONS,
        /** The server: slow, stalled or failing answers. */
        SERVER
    }

    /** Most requests per second the connections can carry at the measured answer time. */
    public double connectionCapacity() {
        return meanAnswerMicros <= 0 ? Double.POSITIVE_INFINITY : connections * 1e6 / meanAnswerMicros;
    }

    /** Connections the target rate needs at the measured answer time (Little's law), rounded up. */
    public long connectionsNeeded() {
        return (long) Math.ceil(targetRate * meanAnswerMicros / 1e6);
    }

    /** One sentence with the figures. */
    public String describe() {
        String head = String.format(Locale.ROOT, "%.0f of %.0f req/s; ", achievedRate, targetRate);
        return head
                + switch (cause) {
                    case GENERATOR_CPU ->
                        String.format(
                                Locale.ROOT,
                                "the generator: its %d event-loop thread(s) were on the"
                                        + " CPU %.0f%% of the run; give it more threads or cores, or split the load over machines",
                                threads,
                                generatorBusy * 100);
                    case TOO_FEW_CONNECTIONS ->
                        String.format(
                                Locale.ROOT,
                                "too few connections: %d at a mean answer time of %s"
                                        + " carry at most %.0f req/s; the rate needs about %d",
                                connections,
                                Durations.formatMicros(meanAnswerMicros),
                                connectionCapacity(),
                                connectionsNeeded());
                    case SERVER ->
                        String.format(
                                Locale.ROOT,
                                "the server: %d connections at its mean answer time of %s could"
                                        + " carry %.0f req/s, but answers stalled or failed (generator busy %.0f%%)",
                                connections,
                                Durations.formatMicros(meanAnswerMicros),
                                connectionCapacity(),
                                generatorBusy * 100);
                };
    }

    /** Picks the cause from the figures, in the order described above. */
    public static Shortfall diagnose(
            double targetRate,
            double achievedRate,
            int connections,
            double meanAnswerMicros,
            double generatorBusy,
            int threads) {
        Cause cause;
        if (generatorBusy >= BUSY) {
            cause = Cause.GENERATOR_CPU;
        } else if (meanAnswerMicros > 0 && connections * 1e6 / meanAnswerMicros < targetRate) {
            cause = Cause.TOO_FEW_CONNECTIONS;
        } else {
            cause = Cause.SERVER;
        }
        return new Shortfall(cause, targetRate, achievedRate, connections, meanAnswerMicros, generatorBusy, threads);
    }
}
