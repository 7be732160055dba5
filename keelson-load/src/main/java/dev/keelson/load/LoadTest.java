package dev.keelson.load;

import dev.keelson.load.internal.Engine;
import dev.keelson.load.internal.MetricSelector;
import dev.keelson.load.internal.MetricsScrape;
import dev.keelson.load.internal.StopSignal;
import dev.keelson.load.internal.Target;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load library's entry point:
 *
 * <pre>{@code
 * LoadResult result = LoadTest.configure()
 *         .url("http://localhost:8080/api/users")
 *         .users(50)
 *         .duration(Duration.ofSeconds(30))
 *         .threshold("p99<250ms")
 *         .build()
 *         .run();
 * }</pre>
 *
 * {@link #run()} checks that the target resolves and accepts a connection before it sends any load, then runs to
 * the end whatever the server does: failed requests are counted in the result, never thrown.
 */
public final class LoadTest {
    private final LoadConfig config;
    private final LoadListener listener;
    private final URI metrics;
    private final List<MetricSelector> metricNames;
    private final StopSignal stop = new StopSignal();

    private LoadTest(LoadConfig config, Builder settings) {
        this.config = config;
        this.listener = settings.listener;
        this.metrics = settings.metrics;
        this.metricNames = List.copyOf(settings.metricNames);
    }

    /** Starts a configuration. */
    public static Builder configure() {
        return new Builder();
    }

    public LoadConfig config() {
        return config;
    }

    /**
     * Probes the target, runs the load and evaluates the thresholds.
     *
     * @throws LoadException when the target cannot be reached before the run (bad host, refused, TLS)
     */
    public LoadResult run() {
        if (metrics == null) return new Engine(config, listener, stop).run();
        try (MetricsScrape scrape = MetricsScrape.start(metrics, metricNames)) {
            LoadResult result = new Engine(config, listener, stop).run();
            return result.withServer(scrape.finish(result.started()));
        }
    }

    /** The metrics endpoint scraped during the run ({@link Builder#metrics}), or null. */
    public URI metrics() {
        return metrics;
    }

    /**
     * When the open model's slots of this process fall due, in nanoseconds from the start of the load, up to
     * {@code until} (ramp-up and stages included), in order; empty for the closed model. The slots of the shards
     * {@code 1/N .. N/N} of a run are, together, exactly the slots of the whole run.
     */
    public long[] schedule(Duration until) {
        return Engine.schedule(config, until.toNanos());
    }

    /**
     * Ends a run from another thread (Ctrl-C) as if its duration had elapsed: {@link #run()} returns the result so
     * far, answers in flight awaited up to their timeout. Called a second time, stops waiting for them (they count
     * as {@link ErrorKind#UNFINISHED}).
     */
    public void stop() {
        stop.stop();
    }

    /** Collects settings; {@link #build()} validates them once. */
    public static final class Builder {
        private URI url;
        private String method = "GET";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private byte[] rawBody;
        private Scenario scenario;
        private Integer users;
        private Double rate;
        private long requests;
        private Duration duration;
        private Duration warmup = Duration.ZERO;
        private Duration rampUp = Duration.ZERO;
        private Duration timeout = Duration.ofSeconds(10);
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean insecure;
        private Path trustedCertificates;
        private Ramp ramp;
        private Protocol protocol = Protocol.HTTP_1_1;
        private int streams = 1;
        private Shard shard = Shard.WHOLE;
        private String runId;
        private Instant startAt;
        private final List<Threshold> thresholds = new ArrayList<>();
        private LoadListener listener = LoadListener.none();
        private URI metrics;
        private final List<MetricSelector> metricNames = new ArrayList<>();

        private Builder() {}

        /**
         * Scrapes the target's Prometheus endpoint (e.g. {@code http://localhost:8080/actuator/prometheus}) every
         * second during the run and puts process CPU, GC pause, connection-pool pending, DB connection use and HTTP
         * server time (those it has) on the result's timeline ({@link LoadResult#server()}). A failing or slow
         * endpoint never disturbs the run: it is reported among {@link ServerMetrics#warnings()}.
         */
        public Builder metrics(String url) {
            this.metrics = MetricsScrape.endpoint(url);
            return this;
        }

        /** With {@link #metrics}: shows this metric too, {@code NAME} or {@code NAME{label="value",...}}. */
        public Builder metric(String name) {
            metricNames.add(MetricSelector.parse(name));
            return this;
        }

        /** The single URL to load; alternative to {@link #scenario}. */
        public Builder url(String url) {
            this.url = Target.parse(url);
            return this;
        }

        public Builder method(String method) {
            this.method = method.toUpperCase(Locale.ROOT);
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A text body, UTF-8 encoded when sent. */
        public Builder body(String body) {
            this.body = body;
            this.rawBody = null;
            return this;
        }

        /** A body sent byte for byte, whatever it holds (a file's contents, binary or text). */
        public Builder body(byte[] bytes) {
            this.rawBody = bytes.clone();
            this.body = null;
            return this;
        }

        public Builder scenario(Scenario scenario) {
            this.scenario = scenario;
            return this;
        }

        /** Connections; default 10, or 50 for the open model. */
        public Builder users(int users) {
            this.users = users;
            return this;
        }

        /** Requests per second: switches to the open model. */
        public Builder rate(double rate) {
            if (!(rate > 0))
                throw new LoadException(LoadErrorCode.BAD_CONFIG, "rate must be above 0 requests/s, got " + rate);
            this.rate = rate;
            return this;
        }

        public Builder requests(long requests) {
            this.requests = requests;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder warmup(Duration warmup) {
            this.warmup = warmup;
            return this;
        }

        public Builder rampUp(Duration rampUp) {
            this.rampUp = rampUp;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder insecure(boolean insecure) {
            this.insecure = insecure;
            return this;
        }

        /**
         * Shapes the run with stages (k6's ramping-vus / ramping-arrival-rate): users over time in the closed model,
         * rate over time in the open model; the run lasts as long as the stages. Overrides a scenario file's stages.
         */
        public Builder ramp(Ramp ramp) {
            this.ramp = ramp;
            return this;
        }

        /** HTTP/1.1 (the default) or HTTP/2 (h2 by ALPN over TLS, h2c with prior knowledge over plain TCP). */
        public Builder protocol(Protocol protocol) {
            this.protocol = protocol;
            return this;
        }

        /**
         * HTTP/2: requests in flight at once on each connection (default 1, as h2load's {@code -m}); each stream slot
         * is a virtual user of its own, so a closed-model run has {@code users x streams} requests in flight.
         */
        public Builder streams(int streams) {
            this.streams = streams;
            return this;
        }

        /**
         * Runs only part {@code shard} of the run (k6's execution segments): its users, slots of the schedule, CSV
         * rows and requests of the budget, numbered over the whole run and dealt out in turn; see {@link Shard}.
         */
        public Builder shard(Shard shard) {
            this.shard = shard;
            return this;
        }

        /**
         * Names the run the shards belong to, so merge can tell shards of different runs apart; by default a digest
         * of what the shards share (target, model, users, rate, requests, duration, stages, start instant).
         */
        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        /** Starts the load at this instant (the shards' common start); at once when it has passed. */
        public Builder startAt(Instant startAt) {
            this.startAt = startAt;
            return this;
        }

        /** Trusts the certificate authorities in this PEM file instead of the JDK's. */
        public Builder trustedCertificates(Path pemFile) {
            this.trustedCertificates = pemFile;
            return this;
        }

        /** Adds a threshold such as {@code p99<250ms}; see {@link Threshold#parse}. */
        public Builder threshold(String expression) {
            thresholds.add(Threshold.parse(expression));
            return this;
        }

        public Builder listener(LoadListener listener) {
            this.listener = listener;
            return this;
        }

        /** Validates the settings and freezes them. */
        public LoadTest build() {
            if (!metricNames.isEmpty() && metrics == null) {
                throw new LoadException(
                        LoadErrorCode.BAD_CONFIG,
                        "--metric needs --metrics URL, the target's Prometheus endpoint to read it from");
            }
            Scenario chosen = chosenScenario();
            for (Threshold t : thresholds) {
                if (t.step() != null
                        && chosen.steps().stream().noneMatch(s -> s.name().equalsIgnoreCase(t.step()))) {
                    throw new LoadException(
                            LoadErrorCode.BAD_THRESHOLD,
                            "threshold '" + t.expression() + "' names step '" + t.step() + "'; the steps are "
                                    + chosen.steps().stream().map(Step::name).toList());
                }
            }
            Ramp shape = ramp != null ? ramp : chosen.ramp();
            if (shape != null) return buildRamped(chosen, shape);
            Model model = rate != null ? Model.OPEN : Model.CLOSED;
            int connections = users != null ? users : (model == Model.OPEN ? 50 : 10);
            Duration runFor = duration != null ? duration : (requests > 0 ? Duration.ZERO : Duration.ofSeconds(10));
            LoadConfig config = new LoadConfig(
                    chosen,
                    model,
                    connections,
                    rate == null ? 0 : rate,
                    requests,
                    runFor,
                    warmup,
                    rampUp,
                    timeout,
                    Math.max(1, Math.min(threads, shard.share(connections))),
                    insecure,
                    trustedCertificates,
                    thresholds,
                    null,
                    protocol,
                    streams,
                    shard,
                    runId(chosen, model, connections, runFor, null),
                    startAt);
            return new LoadTest(config, this);
        }

        /** Stages set the model, the length and (closed) the users; what they set cannot also be given. */
        private LoadTest buildRamped(Scenario chosen, Ramp shape) {
            if (duration != null)
                throw new LoadException(LoadErrorCode.BAD_CONFIG, "stages set the duration; leave --duration out");
            if (rate != null)
                throw new LoadException(LoadErrorCode.BAD_CONFIG, "stages set the rate; leave --rate out");
            boolean open = shape.model() == Model.OPEN;
            if (!open && users != null)
                throw new LoadException(LoadErrorCode.BAD_CONFIG, "stages of users set the users; leave --users out");
            int connections = open ? (users != null ? users : 50) : (int) Math.max(1, Math.ceil(shape.peak()));
            LoadConfig config = new LoadConfig(
                    chosen,
                    shape.model(),
                    connections,
                    open ? Math.max(shape.peak(), 1e-9) : 0,
                    requests,
                    shape.duration(),
                    warmup,
                    rampUp,
                    timeout,
                    Math.max(1, Math.min(threads, shard.share(connections))),
                    insecure,
                    trustedCertificates,
                    thresholds,
                    shape,
                    protocol,
                    streams,
                    shard,
                    runId(chosen, shape.model(), connections, shape.duration(), shape),
                    startAt);
            return new LoadTest(config, this);
        }

        /**
         * The run id of a sharded run: the one given, else a digest of what every shard of the run is given alike,
         * so shards started from the same command line agree without talking to each other. {@code null} unsharded.
         */
        private String runId(Scenario chosen, Model model, int connections, Duration runFor, Ramp shape) {
            if (shard.whole()) return runId;
            if (runId != null) {
                if (runId.isBlank()) throw new LoadException(LoadErrorCode.BAD_CONFIG, "--run-id must not be empty");
                return runId;
            }
            String shared = String.join(
                    "|",
                    chosen.target().toString(),
                    chosen.steps().stream()
                            .map(s -> s.name() + " " + s.method() + " " + s.path())
                            .toList()
                            .toString(),
                    model.name(),
                    String.valueOf(connections),
                    String.valueOf(rate),
                    String.valueOf(requests),
                    runFor.toString(),
                    warmup.toString(),
                    rampUp.toString(),
                    shape == null ? "" : shape.stages().toString(),
                    String.valueOf(startAt),
                    String.valueOf(shard.count()));
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(shared.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(digest, 0, 6);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        private Scenario chosenScenario() {
            if (scenario != null && url != null) {
                throw new LoadException(LoadErrorCode.BAD_CONFIG, "give either a URL or a scenario, not both");
            }
            if (scenario != null) return shard.whole() ? scenario : shardOf(scenario);
            if (url == null) throw new LoadException(LoadErrorCode.BAD_URL, "no target URL given");
            return Scenario.single(url, method, headers, body, rawBody);
        }

        /** The scenario with this shard's CSV rows: every row goes to exactly one shard. */
        private Scenario shardOf(Scenario whole) {
            if (whole.feed().isEmpty()) return whole;
            List<Map<String, String>> rows = shard.rows(whole.feed());
            if (rows.isEmpty()) {
                throw new LoadException(
                        LoadErrorCode.BAD_CONFIG,
                        "--shard " + shard + " gets no CSV row: the feed has "
                                + whole.feed().size() + " rows, fewer" + " than the " + shard.count()
                                + " shards; add rows or use fewer shards");
            }
            return new Scenario(whole.target(), whole.steps(), rows, whole.ramp());
        }
    }
}
