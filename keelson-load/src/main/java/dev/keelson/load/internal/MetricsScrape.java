package dev.keelson.load.internal;

import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.ServerMetrics;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scrapes a Prometheus endpoint once a second on a thread and socket of its own while the load runs. A scrape that
 * fails, hangs or floods is cut off by {@link MetricsFetch}'s limits and counted; {@link #finish} never waits for
 * one in flight, so the endpoint can neither break nor stall the run.
 */
public final class MetricsScrape implements AutoCloseable {
    /** A slow endpoint (a server under load answers slowly) gets this long per scrape; the next waits for it. */
    static final Duration BUDGET = Duration.ofSeconds(3);

    /** Shown when the endpoint has them and nothing else is asked for; the first name found of each is used. */
    static final List<MetricSelector> DEFAULTS = List.of(
            MetricSelector.parse("process CPU", "process_cpu_usage", "process_cpu_seconds_total"),
            MetricSelector.parse("GC pause", "jvm_gc_pause_seconds_sum", "jvm_gc_collection_seconds_sum"),
            MetricSelector.parse("pool pending", "hikaricp_connections_pending"),
            MetricSelector.parse("DB connection use", "hikaricp_connections_usage_seconds"),
            MetricSelector.parse(
                    "HTTP server time", "http_server_requests_seconds", "http_server_request_duration_seconds"));

    private final URI endpoint;
    private final List<MetricSelector> selectors;
    private final int named;
    private final MetricsFetch fetch;
    private final ScheduledExecutorService thread;
    private final List<Scraped> scraped = new ArrayList<>();
    private final Map<String, Integer> failures = new LinkedHashMap<>();
    private int tried;
    private boolean scraping;

    private record Scraped(Instant at, Map<MetricSelector, MetricSelector.Reading> readings) {}

    private MetricsScrape(URI endpoint, List<MetricSelector> named) {
        this.endpoint = endpoint;
        this.named = named.size();
        this.selectors = new ArrayList<>(named);
        DEFAULTS.stream()
                .filter(d -> named.stream().noneMatch(n -> n.names().equals(d.names())))
                .forEach(selectors::add);
        this.fetch = new MetricsFetch(endpoint, BUDGET);
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keelson-load-metrics");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts scraping {@code endpoint} for the defaults and {@code named}, the first scrape at once. */
    public static MetricsScrape start(URI endpoint, List<MetricSelector> named) {
        MetricsScrape scrape = new MetricsScrape(endpoint, named);
        scrape.thread.scheduleAtFixedRate(scrape::scrapeOnce, 0, 1, TimeUnit.SECONDS);
        return scrape;
    }

    /** Checks a {@code --metrics} URL before the run. */
    public static URI endpoint(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw badEndpoint(url, "not a URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw badEndpoint(url, "give an http:// or https:// URL");
        }
        if (uri.getHost() == null) throw badEndpoint(url, "the URL has no host");
        return uri;
    }

    private static LoadException badEndpoint(String url, String why) {
        return new LoadException(
                LoadErrorCode.BAD_CONFIG,
                "--metrics " + url + ": " + why + ", e.g. http://localhost:8080/actuator/prometheus");
    }

    private void scrapeOnce() {
        synchronized (this) {
            scraping = true;
        }
        Instant at = Instant.now();
        String problem = null;
        Map<MetricSelector, MetricSelector.Reading> readings = new LinkedHashMap<>();
        try {
            PrometheusText.Exposition exposition = PrometheusText.parse(fetch.get());
            if (exposition.samples().isEmpty()) problem = "no samples in the Prometheus text format";
            for (MetricSelector s : selectors) {
                MetricSelector.Reading reading = s.read(exposition);
                if (reading != null) readings.put(s, reading);
            }
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        synchronized (this) {
            scraping = false;
            tried++;
            if (problem != null) failures.merge(problem, 1, Integer::sum);
            else scraped.add(new Scraped(at, readings));
        }
    }

    /** Stops scraping (without waiting for a scrape in flight) and puts what was read on the run's timeline. */
    public synchronized ServerMetrics finish(Instant measuredStart) {
        thread.shutdownNow();
        if (scraping) { // counted as failed: the run does not wait for it
            tried++;
            failures.merge("the endpoint had not answered when the run ended", 1, Integer::sum);
            scraping = false;
        }
        List<ServerMetrics.Series> series = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        failures.forEach((why, n) -> warnings.add(n + " of " + tried + " scrapes failed: " + why));
        for (int i = 0; i < selectors.size(); i++) {
            MetricSelector s = selectors.get(i);
            ServerMetrics.Series line = series(s, measuredStart);
            if (line != null) series.add(line);
            else if (i < named && !scraped.isEmpty()) {
                warnings.add("--metric " + s.names().get(0) + ": the endpoint has no such metric"
                        + " (names as in its text, e.g. jvm_memory_used_bytes{area=\"heap\"})");
            }
        }
        if (tried == 0) warnings.add("the run ended before the first scrape");
        return new ServerMetrics(endpoint.toString(), tried, tried - scraped.size(), series, warnings);
    }

    private ServerMetrics.Series series(MetricSelector s, Instant measuredStart) {
        List<ServerMetrics.Point> points = new ArrayList<>();
        MetricSelector.Reading previous = null;
        Instant previousAt = null;
        String kind = null, metric = null;
        for (Scraped one : scraped) {
            MetricSelector.Reading r = one.readings().get(s);
            if (r == null) continue;
            double second = Duration.between(measuredStart, one.at()).toNanos() / 1e9;
            if (kind == null) {
                kind = r.kind();
                metric = r.metric();
            }
            if (!r.kind().equals(kind)) continue;
            if (kind.equals("gauge")) {
                points.add(new ServerMetrics.Point(second, r.value()));
            } else if (previous != null) {
                double elapsed = Duration.between(previousAt, one.at()).toNanos() / 1e9;
                points.add(new ServerMetrics.Point(second, r.since(previous, elapsed)));
            }
            previous = r;
            previousAt = one.at();
        }
        if (kind == null) return null;
        return new ServerMetrics.Series(s.label(), metric, kind, MetricSelector.unit(metric), points);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
