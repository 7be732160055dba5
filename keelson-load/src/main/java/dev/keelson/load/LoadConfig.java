package dev.keelson.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A validated, frozen load-test configuration; build it with {@link LoadTest#configure()}.
 *
 * @param scenario   what each connection sends
 * @param model      closed (connections send back to back) or open (fixed rate)
 * @param users      connections (virtual users)
 * @param rate       requests per second for the open model; 0 for the closed model
 * @param requests   stop after this many requests (0: no limit)
 * @param duration   stop after this long, warm-up excluded ({@link Duration#ZERO}: no limit)
 * @param warmup     run this long first and discard what it measured
 * @param rampUp     reach the full users (closed) or rate (open) gradually over this time
 * @param timeout    a request without a complete answer after this long fails as a timeout
 * @param threads    event-loop threads
 * @param insecure   accept any TLS certificate, for any host name
 * @param trustedCertificates a PEM file of the certificate authorities to trust instead of the JDK's; {@code null}
 *                   for the JDK's
 * @param thresholds conditions the result must meet
 * @param ramp       stages of users or rate over time, or {@code null} for a steady run
 * @param protocol   HTTP/1.1 or HTTP/2
 * @param streams    HTTP/2: requests in flight at once on each connection (each stream slot a virtual user of
 *                   its own); 1 for HTTP/1.1
 * @param shard      the part of the run this process runs ({@link Shard#WHOLE} for all of it); {@code users},
 *                   {@code rate}, {@code requests}, {@code ramp} and the scenario's CSV rows above stay those of the
 *                   whole run (the CSV rows excepted: {@code scenario} holds this shard's rows), and the
 *                   {@code shard...} methods give this shard's part
 * @param runId      names the run the shards belong to (equal on every shard); {@code null} for a whole run
 * @param startAt    when the load starts (the shards' common start), or {@code null} for at once
 */
public record LoadConfig(
        Scenario scenario,
        Model model,
        int users,
        double rate,
        long requests,
        Duration duration,
        Duration warmup,
        Duration rampUp,
        Duration timeout,
        int threads,
        boolean insecure,
        Path trustedCertificates,
        List<Threshold> thresholds,
        Ramp ramp,
        Protocol protocol,
        int streams,
        Shard shard,
        String runId,
        Instant startAt) {

    public LoadConfig {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(model, "model");
        require(users >= 1, "users must be at least 1, got " + users);
        require(model == Model.CLOSED || rate > 0, "rate must be above 0 for the open model, got " + rate);
        require(requests >= 0, "requests must not be negative, got " + requests);
        require(requests > 0 || !duration.isZero(), "give a number of requests or a duration");
        require(!duration.isNegative(), "duration must not be negative");
        require(!warmup.isNegative(), "warmup must not be negative");
        require(!rampUp.isNegative(), "ramp-up must not be negative");
        require(timeout.toMillis() >= 1, "timeout must be at least 1ms");
        require(threads >= 1, "threads must be at least 1, got " + threads);
        require(requests == 0 || warmup.isZero(), "warmup cannot be combined with a request count; use a duration");
        thresholds = List.copyOf(thresholds);
        Objects.requireNonNull(protocol, "protocol");
        require(streams >= 1, "streams must be at least 1, got " + streams);
        require(
                streams == 1 || protocol == Protocol.HTTP_2,
                "streams above 1 need HTTP/2: HTTP/1.1 sends one request at a time per connection");
        Objects.requireNonNull(shard, "shard");
        require(
                shard.share(users) >= 1, // the fields are not set yet: no shardUsers()
                "--shard " + shard + " gets no user: " + users + " users (connections) cannot be dealt out over "
                        + shard.count() + " shards; give at least " + shard.count()
                        + " (--users, or a stage's target) or use fewer shards");
        require(
                requests == 0 || shard.share(requests) >= 1,
                "--shard " + shard + " gets no request: --requests " + requests + " cannot be dealt out over "
                        + shard.count() + " shards; give at least " + shard.count() + " or use fewer shards");
        if (ramp != null) {
            require(
                    ramp.model() == model,
                    "stages of " + (ramp.model() == Model.OPEN ? "rates" : "users") + " need the "
                            + ramp.model().name().toLowerCase(Locale.ROOT) + " model");
            require(
                    rampUp.isZero() && warmup.isZero(),
                    "stages replace --ramp-up and --warmup; give a first stage instead");
            require(
                    duration.equals(ramp.duration()),
                    "the stages last " + ramp.duration() + "; a duration cannot be added");
        }
    }

    /** The whole run's configuration without shard, run id and start instant. */
    public LoadConfig(
            Scenario scenario,
            Model model,
            int users,
            double rate,
            long requests,
            Duration duration,
            Duration warmup,
            Duration rampUp,
            Duration timeout,
            int threads,
            boolean insecure,
            Path trustedCertificates,
            List<Threshold> thresholds,
            Ramp ramp,
            Protocol protocol,
            int streams) {
        this(
                scenario,
                model,
                users,
                rate,
                requests,
                duration,
                warmup,
                rampUp,
                timeout,
                threads,
                insecure,
                trustedCertificates,
                thresholds,
                ramp,
                protocol,
                streams,
                Shard.WHOLE,
                null,
                null);
    }

    /** Requests this process can have in flight at once: its connections times streams per connection. */
    public int concurrency() {
        return shardUsers() * streams;
    }

    /** This shard's connections (virtual users): the whole run's users numbered {@code g} with {@code g mod N}. */
    public int shardUsers() {
        return shard.share(users);
    }

    /** This shard's part of the open model's rate (every N-th slot of the schedule); 0 in the closed model. */
    public double shardRate() {
        return rate / shard.count();
    }

    /** This shard's part of the request budget; 0 when there is none. */
    public long shardRequests() {
        return shard.share(requests);
    }

    /** The stages as this shard runs them (each target its part of the whole's), for reports; {@code null} without. */
    public Ramp shardRamp() {
        if (ramp == null || shard.whole()) return ramp;
        return new Ramp(
                ramp.model(),
                ramp.stages().stream()
                        .map(s -> new Stage(
                                s.duration(),
                                ramp.model() == Model.OPEN
                                        ? s.target() / shard.count()
                                        : shard.share(Math.round(s.target()))))
                        .toList());
    }

    private static void require(boolean condition, String message) {
        if (!condition) throw new LoadException(LoadErrorCode.BAD_CONFIG, message);
    }
}
