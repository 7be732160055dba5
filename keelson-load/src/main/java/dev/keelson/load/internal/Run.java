package dev.keelson.load.internal;

import dev.keelson.load.LoadConfig;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What all workers of one run share: the configuration, the resolved target and the request budget. */
final class Run {
    final LoadConfig config;
    final InetSocketAddress address;
    final SslContext sslContext;
    final RequestEncoder encoder;
    final AtomicInteger feedCursor = new AtomicInteger();
    final CountDownLatch done;
    /**
     * Open model: where the timetable ends ({@link System#nanoTime()} terms): slots due at or after it never come,
     * so a run of D at R requests/s has exactly the slots of [0, D), however late the load is stopped.
     */
    volatile long endNanos = Long.MAX_VALUE;

    private final AtomicLong permits;
    private final AtomicLong completed = new AtomicLong();
    /** Connections opened per protocol ({@code http/1.1}, {@code h2}, {@code h2c}), reconnects included. */
    private final ConcurrentHashMap<String, LongAdder> protocols = new ConcurrentHashMap<>();

    Run(LoadConfig config, InetSocketAddress address, SslContext sslContext, StopSignal stop) {
        this.config = config;
        this.address = address;
        this.sslContext = sslContext;
        this.encoder = new RequestEncoder(config.scenario().target());
        this.permits = new AtomicLong(config.shardRequests());
        this.done = stop.end;
    }

    /** Takes one request from the budget; always true without {@code --requests}. */
    boolean takePermit() {
        return config.shardRequests() == 0 || permits.getAndDecrement() > 0;
    }

    /** Takes up to {@code wanted} requests from the budget and returns how many it got. */
    long takePermits(long wanted) {
        if (config.shardRequests() == 0 || wanted <= 0) return Math.max(0, wanted);
        long before = permits.getAndAdd(-wanted);
        return Math.max(0, Math.min(wanted, before));
    }

    /** A request ended (answered or failed); the run is done when the budget is used up. */
    void completed() {
        completed(1);
    }

    /** {@code n} requests ended at once. */
    void completed(long n) {
        long budget = config.shardRequests();
        if (budget > 0 && n > 0) {
            long now = completed.addAndGet(n);
            if (now >= budget && now - n < budget) done.countDown();
        }
    }

    void opened(String protocol) {
        protocols.computeIfAbsent(protocol, p -> new LongAdder()).increment();
    }

    /** Connections opened per protocol so far. */
    SortedMap<String, Long> protocols() {
        SortedMap<String, Long> counts = new TreeMap<>();
        protocols.forEach((protocol, n) -> counts.put(protocol, n.sum()));
        return counts;
    }

    /**
     * When user {@code index} (its number in the whole run) connects in the closed model: spread evenly over the
     * ramp-up, so shards together open the connections as the whole run would.
     */
    long rampDelayNanos(int index) {
        return config.rampUp().toNanos() * index / config.users();
    }
}
