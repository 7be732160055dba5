package dev.keelson.load.internal;

import dev.keelson.load.ErrorKind;
import dev.keelson.load.LoadConfig;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadListener;
import dev.keelson.load.LoadResult;
import dev.keelson.load.Model;
import dev.keelson.load.Protocol;
import dev.keelson.load.Shortfall;
import dev.keelson.load.Step;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Runs one load test: probes the target, starts one {@link Worker} per event loop (native epoll where available,
 * NIO otherwise), samples every second, stops at the end of the duration or request budget.
 */
public final class Engine {
    /** Event-loop threads are named {@code keelson-loop-<pool>-<n>}; allocation probes find them by it. */
    public static final String LOOP_THREAD_NAME = "keelson-loop";

    private final LoadConfig config;
    private final LoadListener listener;
    private final StopSignal stop;

    public Engine(LoadConfig config, LoadListener listener, StopSignal stop) {
        this.config = config;
        this.listener = listener;
        this.stop = stop;
    }

    /**
     * Runs the test to its end; failures of requests are counted in the result. Unless
     * {@code -Dio.netty.leakDetection.level} is given, Netty's buffer-leak sampling is switched off for the process:
     * it records a stack trace for one buffer in 128, the only allocation left on the hot path.
     */
    public LoadResult run() {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
        var target = config.scenario().target();
        int connectTimeout = (int) Math.min(config.timeout().toMillis(), 10_000);
        TrustManagerFactory trust = Trust.factory(config);
        InetSocketAddress address = Probe.check(target, trust, config.insecure(), connectTimeout, config.protocol());
        Run run = new Run(config, address, Target.isTls(target) ? sslContext(trust) : null, stop);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                config.threads(), new DefaultThreadFactory(LOOP_THREAD_NAME, true), ioHandler());
        try {
            return drive(run, group, connectTimeout);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private LoadResult drive(Run run, EventLoopGroup group, int connectTimeout) {
        Bootstrap bootstrap = new Bootstrap()
                .channel(Epoll.isAvailable() ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeout);
        List<Worker> workers = workers(run, group, bootstrap);
        int warmupSeconds = (int) Math.ceil(config.warmup().toNanos() / 1e9);
        Sampler sampler = new Sampler(
                workers.stream().map(w -> w.meter).toList(),
                listener,
                warmupSeconds,
                config.scenario().steps().stream().map(Step::name).toList(),
                config.shardRamp(),
                config.model());
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keelson-load-sampler");
            t.setDaemon(true);
            return t;
        });
        long start = begin(workers, run, TimeUnit.SECONDS.toNanos(warmupSeconds));
        Instant startedAt = Instant.now().plusSeconds(warmupSeconds);
        clock.scheduleAtFixedRate(sampler::sample, 1, 1, TimeUnit.SECONDS);
        long measuredStart = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        await(run, measuredStart);
        long end = System.nanoTime();
        clock.shutdownNow();
        awaitQuietly(clock);
        workers.forEach(w -> w.finish(end));
        drain(workers);
        workers.forEach(Worker::stop);
        sampler.sample();
        Duration measured = Duration.ofNanos(Math.max(1, end - measuredStart));
        LoadResult result = new LoadResult(
                targetName(),
                config.model(),
                config.shardUsers(),
                config.model() == Model.OPEN ? config.shardRate() : 0,
                startedAt,
                measured,
                sampler.requests(),
                sampler.errorCount(),
                sampler.bytes,
                sampler.latency,
                sampler.statusCodes(),
                sampler.errorKinds(),
                sampler.lateness(),
                sampler.timeline,
                List.of(),
                null,
                sampler.steps(config.scenario().steps().stream().map(Step::name).toList(), measured),
                sampler.stages(),
                run.protocols(),
                null,
                null,
                null);
        return withShortfall(result, workers, end - start)
                .withShard(config.shard(), config.runId())
                .withThresholds(config.thresholds());
    }

    /** The URL of a one-step run; a scenario's target with its steps' names. */
    private String targetName() {
        var steps = config.scenario().steps();
        if (steps.size() == 1) return config.scenario().target() + steps.get(0).path();
        return config.scenario().target() + " scenario "
                + steps.stream().map(Step::name).toList();
    }

    /**
     * The open model's result with the reason it fell behind its schedule, when it did: more than 0.1% of the due
     * requests never went out, or more than 5% went out late by 50 ms on average (a few milliseconds late while
     * the JIT warms up in the first second is not falling behind).
     */
    private LoadResult withShortfall(LoadResult r, List<Worker> workers, long wallNanos) {
        long notSent = r.errorKinds().getOrDefault(ErrorKind.NOT_SENT, 0L);
        boolean late = r.lateness().count() > 0.05 * r.due() && r.lateness().meanMicros() > 50_000;
        if (r.model() != Model.OPEN || (notSent <= 0.001 * r.due() && !late)) return r;
        long cpu = 0, answers = 0, answerNanos = 0;
        for (Worker w : workers) {
            cpu += Math.max(0, w.cpuAtEnd - w.cpuAtStart);
            answers += w.meter.answers.get();
            answerNanos += w.meter.answerNanos.get();
        }
        double busy = (double) cpu / Math.max(1, wallNanos * workers.size());
        Shortfall shortfall = Shortfall.diagnose(
                config.shardRate(),
                r.requestsPerSecond(),
                config.concurrency(),
                answers == 0 ? 0 : answerNanos / 1e3 / answers,
                busy,
                workers.size());
        return r.withShortfall(shortfall);
    }

    /**
     * One worker per event loop: the shard's users split into runs of consecutive ones, the open model's slots dealt
     * out in turn ({@link StridedSchedule}).
     */
    private List<Worker> workers(Run run, EventLoopGroup group, Bootstrap bootstrap) {
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : group) loops.add((EventLoop) executor);
        List<Worker> workers = new ArrayList<>();
        int first = 0, all = config.shardUsers();
        for (int i = 0; i < loops.size(); i++) {
            int users = all / loops.size() + (i < all % loops.size() ? 1 : 0);
            Schedule schedule = config.model() == Model.OPEN ? StridedSchedule.forLoop(config, i, loops.size()) : null;
            workers.add(new Worker(loops.get(i), run, bootstrap, first, users, schedule));
            first += users;
        }
        return workers;
    }

    /**
     * The slots of {@code config}'s process due within {@code untilNanos} of the start, in order (as its event loops
     * would send them, all loops together); empty in the closed model.
     */
    public static long[] schedule(LoadConfig config, long untilNanos) {
        if (config.model() != Model.OPEN) return new long[0];
        int loops = config.threads();
        List<Long> slots = new ArrayList<>();
        for (int w = 0; w < loops; w++) {
            Schedule schedule = StridedSchedule.forLoop(config, w, loops);
            for (long k = 0, at; (at = schedule.slot(k)) < untilNanos; k++) slots.add(at);
        }
        return slots.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private void await(Run run, long measuredStart) {
        try {
            if (config.duration().isZero()) {
                run.done.await();
            } else {
                long end = measuredStart + config.duration().toNanos();
                run.done.await(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the answers still in flight when the load ended, each until it arrives or times out, unless the
     * run is stopped again; so a run that ends never turns a slow answer into an error.
     */
    private void drain(List<Worker> workers) {
        long start = System.nanoTime();
        long deadline = start + config.timeout().toNanos() + TimeUnit.MILLISECONDS.toNanos(300);
        boolean told = false;
        try {
            for (Worker w : workers) {
                while (w.drained.getCount() > 0 && System.nanoTime() < deadline) {
                    if (stop.now.await(10, TimeUnit.MILLISECONDS)) return;
                    w.drained.await(10, TimeUnit.MILLISECONDS);
                    if (!told && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(1)) {
                        told = true; // a healthy run drains in milliseconds; say why this one does not end
                        listener.onDraining(
                                workers.stream().mapToLong(Worker::inflight).sum(),
                                Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the workers and returns the start, in {@link System#nanoTime()} terms. With a start instant (the
     * shards' common start) it waits for it first, the target probed and the loops set up; in the open model the
     * connections open before it, so the first slot is due at the instant itself and every shard's timetable is the
     * same stretch of the whole run's. A stop while waiting ends the run at once.
     */
    private long begin(List<Worker> workers, Run run, long warmupNanos) {
        long wait = config.startAt() == null
                ? 0
                : Math.max(0, Duration.between(Instant.now(), config.startAt()).toNanos());
        long start = System.nanoTime() + wait;
        if (!config.duration().isZero())
            run.endNanos = start + warmupNanos + config.duration().toNanos();
        if (config.model() == Model.OPEN) workers.forEach(w -> w.start(start));
        try {
            if (wait > 0) stop.end.await(start - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (config.model() == Model.OPEN) return start;
        long now = System.nanoTime();
        workers.forEach(w -> w.start(now));
        return now;
    }

    private static void awaitQuietly(ScheduledExecutorService clock) {
        try {
            clock.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static IoHandlerFactory ioHandler() {
        return Epoll.isAvailable() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /**
     * Verifies certificates and host names (Netty 4.2's default) unless insecure; see {@link Trust}. Offers by ALPN
     * only the protocol of the run: {@code h2} for HTTP/2 (with the cipher suites RFC 9113 allows), {@code http/1.1}
     * otherwise.
     */
    private SslContext sslContext(TrustManagerFactory trust) {
        try {
            boolean h2 = config.protocol() == Protocol.HTTP_2;
            SslContextBuilder builder = SslContextBuilder.forClient()
                    .sslProvider(SslProvider.JDK)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(
                            ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            h2 ? ApplicationProtocolNames.HTTP_2 : ApplicationProtocolNames.HTTP_1_1));
            if (h2) builder.ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE);
            if (trust != null) builder.trustManager(trust);
            if (config.insecure()) builder.endpointIdentificationAlgorithm(null);
            return builder.build();
        } catch (SSLException e) {
            throw new LoadException(LoadErrorCode.RUN_FAILED, "cannot set up TLS: " + e.getMessage(), e);
        }
    }
}
