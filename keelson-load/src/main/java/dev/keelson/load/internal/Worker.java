package dev.keelson.load.internal;

import dev.keelson.load.ErrorKind;
import dev.keelson.load.Model;
import dev.keelson.load.Step;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Everything one event loop does: its connections, its share of the schedule, its {@link Meter}. All methods
 * except {@link #start} and {@link #stop} run on the loop's thread, so nothing here is synchronised.
 */
final class Worker {
    private static final long RECONNECT_AFTER_FAILURE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    final Meter meter;
    private final EventLoop loop;
    private final Run run;
    private final Bootstrap bootstrap;
    private final List<Connection> connections = new ArrayList<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ConstantRateSchedule schedule;
    private final ByteBuf template;
    private final boolean head;
    private final Runnable pacer = this::pace;
    private boolean pacerArmed;
    private long nextSlot;
    private long startNanos;
    private boolean scheduleStarted;
    private boolean stopping;

    Worker(EventLoop loop, Run run, Bootstrap bootstrap, int firstUser, int users, double rate) {
        this.loop = loop;
        this.meter = new Meter(loop);
        this.run = run;
        this.bootstrap = bootstrap.clone(loop);
        this.schedule = rate > 0 ? new ConstantRateSchedule(rate, run.config.rampUp().toNanos()) : null;
        Step first = run.config.scenario().steps().get(0);
        this.head = first.method().equals("HEAD");
        this.template = run.config.scenario().isStatic()
                ? run.encoder.encode(first, java.util.Map.of(), io.netty.buffer.PooledByteBufAllocator.DEFAULT)
                : null;
        for (int i = 0; i < users; i++) {
            connections.add(new Connection(firstUser + i, this,
                    template == null ? new VirtualUser(run.config.scenario(), run.encoder, run.feedCursor) : null));
        }
    }

    boolean tls() {
        return run.sslContext != null;
    }

    /** Opens the connections (spread over the ramp-up in the closed model) and starts the timeout checks. */
    void start(long startNanos) {
        loop.execute(() -> {
            this.startNanos = startNanos;
            for (Connection c : connections) {
                long delay = schedule == null ? run.rampDelayNanos(c.index) : 0;
                loop.schedule(() -> connect(c), delay, TimeUnit.NANOSECONDS);
            }
            long period = Math.clamp(run.config.timeout().toNanos() / 4, 5_000_000L, 250_000_000L);
            loop.scheduleAtFixedRate(this::checkTimeouts, period, period, TimeUnit.NANOSECONDS);
        });
    }

    /** Stops sending and closes every connection; outstanding requests are neither counted nor failed. */
    void stop() {
        loop.submit(() -> {
            stopping = true;
            for (Connection c : connections) {
                c.inflight = false;
                c.ready = false;
                if (c.channel != null) c.channel.close();
            }
            if (template != null) template.release();
        }).syncUninterruptibly();
    }

    private void connect(Connection c) {
        if (stopping) return;
        ChannelFuture future = bootstrap.clone().handler(new Pipeline(run.sslContext, c)).connect(run.address);
        c.channel = future.channel();
        future.addListener(f -> {
            if (!f.isSuccess()) connectFailed(c, f.cause());
        });
    }

    private void connectFailed(Connection c, Throwable cause) {
        if (stopping) return;
        // a failed connect is a failed request in both models, so a request budget still runs out when the server is gone
        if (!run.takePermit()) return;
        run.completed();
        meter.error(ErrorClassifier.classify(cause));
        loop.schedule(() -> connect(c), RECONNECT_AFTER_FAILURE_NANOS, TimeUnit.NANOSECONDS);
    }

    /** The connection is usable (TCP up, TLS done). The open model's timetable starts with the first one. */
    void connected(Connection c) {
        if (!scheduleStarted) {
            scheduleStarted = true;
            startNanos = Math.max(startNanos, System.nanoTime());
        }
        free(c);
    }

    /** The channel closed; reconnect, at once unless it closed because of a failure. */
    void lost(Connection c, boolean immediately) {
        if (stopping) return;
        idle.remove(c);
        if (c.user != null) c.user.restart();
        loop.schedule(() -> connect(c), immediately ? 0 : RECONNECT_AFTER_FAILURE_NANOS, TimeUnit.NANOSECONDS);
    }

    void response(Connection c, int status, byte[] body, int length) {
        if (stopping) return;
        long now = System.nanoTime();
        meter.response(status, now - c.intendedNanos);
        boolean ok = c.user == null ? status < 400 : c.user.accept(status, body, length);
        if (!ok) meter.error(ErrorKind.UNEXPECTED);
        run.completed();
        if (!c.ready) return;
        long think = c.user == null || run.config.model() == Model.OPEN ? 0 : c.user.thinkNanos();
        if (think > 0) {
            loop.schedule(() -> free(c), think, TimeUnit.NANOSECONDS);
        } else {
            free(c);
        }
    }

    void failed(Connection c, ErrorKind kind, boolean wasInflight) {
        if (stopping) return;
        meter.error(kind);
        if (wasInflight) run.completed();
        if (c.user != null) c.user.restart();
    }

    /** Sends the next request on {@code c} if one is due, else parks it. */
    private void free(Connection c) {
        if (stopping || !c.ready) return;
        long now = System.nanoTime();
        if (schedule == null) {
            if (run.takePermit()) send(c, now, now);
            return;
        }
        long due = startNanos + schedule.slot(nextSlot);
        if (due <= now) {
            if (!run.takePermit()) return;
            nextSlot++;
            send(c, due, now);
        } else {
            idle.addLast(c);
            arm(due - now);
        }
    }

    private void pace() {
        pacerArmed = false;
        if (stopping) return;
        long now = System.nanoTime();
        long due = startNanos + schedule.slot(nextSlot);
        while (!idle.isEmpty() && due <= now) {
            if (!run.takePermit()) {
                idle.clear();
                return;
            }
            nextSlot++;
            send(idle.pollFirst(), due, now);
            due = startNanos + schedule.slot(nextSlot);
        }
        if (!idle.isEmpty()) arm(due - now);
    }

    private void arm(long delayNanos) {
        if (pacerArmed) return;
        pacerArmed = true;
        loop.schedule(pacer, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private void send(Connection c, long intended, long now) {
        if (now - intended > LATE_NANOS) meter.late(now - intended);
        if (template != null) {
            c.send(template.retainedDuplicate(), intended, now, false, head);
        } else {
            Step step = c.user.current();
            c.send(c.user.encode(c.channel.alloc()), intended, now, step.needsBody(), step.method().equals("HEAD"));
        }
    }

    private static final long LATE_NANOS = dev.keelson.load.Lateness.TOLERANCE_MICROS * 1_000;

    private void checkTimeouts() {
        if (stopping) return;
        long now = System.nanoTime();
        long limit = run.config.timeout().toNanos();
        for (Connection c : connections) {
            if (c.inflight && now - c.sentNanos > limit) c.fail(ErrorKind.TIMEOUT);
        }
    }
}
