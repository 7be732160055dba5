package dev.keelson.load.internal;

import dev.keelson.load.ErrorKind;
import dev.keelson.load.Lateness;
import dev.keelson.load.Protocol;
import dev.keelson.load.Ramp;
import dev.keelson.load.Step;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http2.Http2Headers;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Everything one event loop does: its connections, its share of the schedule, its {@link Meter}. All methods
 * except {@link #start}, {@link #finish} and {@link #stop} run on the loop's thread, so nothing here is synchronised.
 *
 * <p>Every request that falls due is counted exactly once: as a response, or as a failure of its kind. When no
 * connection can be made, the requests that were due meanwhile fail: in the open model the schedule's slots, in the
 * closed model as many as the user would have sent at the pace it last had (one per attempt before it had any), so
 * an outage weighs in the error rate by the time it lasted, not by the number of reconnect attempts.
 */
final class Worker {
    private static final long RECONNECT_AFTER_FAILURE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long LATE_NANOS = Lateness.TOLERANCE_MICROS * 1_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    final Meter meter;
    /** Counts the bytes an HTTP/2 connection receives, before the codec takes them apart. */
    private final H2Pipeline.Received received;
    /** Counted down once the load ended and nothing is in flight any more. */
    final CountDownLatch drained = new CountDownLatch(1);

    private final EventLoop loop;
    private final Run run;
    private final Bootstrap bootstrap;
    private final List<Connection> connections = new ArrayList<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final Schedule schedule;
    /** Closed model with stages: how many users are active when; {@code null} otherwise. */
    private final Ramp users;

    private final ByteBuf template;
    /** HTTP/2: a static request's header block and body, sent again and again; {@code null} otherwise. */
    private final Http2Headers h2Headers;

    private final byte[] h2Body;
    private final boolean http2;
    private final boolean head;
    private final Runnable pacer = this::pace;
    private boolean pacerArmed;
    private long nextSlot;
    private long startNanos;
    private boolean scheduleStarted;
    /** The load ended: send nothing more, wait for the answers in flight. */
    private boolean draining;

    private boolean stopping;
    /** Closed model: time per request (answer plus think) summed over this loop's answers, and how many: the pace. */
    private long cycleNanos;

    private long cycles;
    /** CPU time of this loop's thread when the load started and when it ended, nanoseconds. */
    volatile long cpuAtStart;

    volatile long cpuAtEnd;

    /**
     * {@code firstUser} and {@code users}: this loop's virtual users, numbered within the process's shard (each
     * connection carries its number in the whole run, which the ramp-up and the stages of users go by);
     * {@code schedule}: this loop's slots of the open model's timetable, {@code null} in the closed model.
     */
    Worker(EventLoop loop, Run run, Bootstrap bootstrap, int firstUser, int users, Schedule schedule) {
        this.loop = loop;
        this.meter = new Meter(loop, run.config.scenario().steps().size());
        this.received = new H2Pipeline.Received(meter);
        this.run = run;
        this.bootstrap = bootstrap.clone(loop);
        Ramp ramp = run.config.ramp();
        this.schedule = schedule;
        this.users = ramp != null && schedule == null ? ramp : null;
        Step first = run.config.scenario().steps().get(0);
        this.head = first.method().equals("HEAD");
        this.http2 = run.config.protocol() == Protocol.HTTP_2;
        boolean isStatic = run.config.scenario().isStatic();
        this.template = isStatic && !http2 ? run.encoder.encode(first, Map.of(), PooledByteBufAllocator.DEFAULT) : null;
        this.h2Body = isStatic && http2 ? RequestEncoder.body(first, Map.of()) : null;
        this.h2Headers =
                isStatic && http2 ? run.encoder.headers(first, Map.of(), h2Body == null ? -1 : h2Body.length) : null;
        int streams = run.config.streams();
        for (int i = 0; i < users; i++) {
            Connection[] slots = new Connection[http2 ? streams : 1];
            for (int k = 0; k < slots.length; k++) {
                slots[k] = new Connection(
                        (int) run.config.shard().item(firstUser + i),
                        this,
                        isStatic ? null : new VirtualUser(run.config.scenario(), run.encoder, run.feedCursor));
                connections.add(slots[k]);
            }
            if (http2) new H2Link(this, tls(), slots);
        }
    }

    boolean tls() {
        return run.sslContext != null;
    }

    /** Opens the connections (spread over the ramp-up in the closed model) and starts the timeout checks. */
    void start(long startNanos) {
        loop.execute(() -> {
            cpuAtStart = THREADS.getCurrentThreadCpuTime();
            this.startNanos = startNanos;
            if (users != null) {
                loop.scheduleAtFixedRate(this::adjustUsers, 0, 50, TimeUnit.MILLISECONDS);
            } else {
                for (Connection c : connections) {
                    long delay = schedule == null ? run.rampDelayNanos(c.index) : 0;
                    loop.schedule(() -> connect(c), delay, TimeUnit.NANOSECONDS);
                }
            }
            long period = Math.clamp(run.config.timeout().toNanos() / 4, 5_000_000L, 250_000_000L);
            loop.scheduleAtFixedRate(this::checkTimeouts, period, period, TimeUnit.NANOSECONDS);
        });
    }

    /**
     * Ends the load at {@code endNanos}: nothing more is sent; open-model slots due by then and never sent fail as
     * {@link ErrorKind#NOT_SENT}, closed-model users without a connection count what they lost since their last
     * attempt. Answers in flight are still awaited ({@link #drained}) until they arrive or time out.
     */
    void finish(long endNanos) {
        loop.submit(() -> {
                    cpuAtEnd = THREADS.getCurrentThreadCpuTime();
                    if (schedule != null) sendDueOnIdle(endNanos);
                    draining = true;
                    idle.clear();
                    if (schedule != null) {
                        failDueSlots(ErrorKind.NOT_SENT, endNanos);
                    } else {
                        for (Connection c : connections) {
                            if (c.downSince != 0) {
                                failDueRequests(c, c.downKind, endNanos, 0);
                            } else if (c.downNanos > 0) {
                                countOutage(c, c.downKind, 0); // at the whole run's pace, now that it is known
                            }
                        }
                    }
                    checkDrained();
                })
                .syncUninterruptibly();
    }

    /**
     * Slots due by the end for which a connection was free only waited for the pacer's timer: they go out now (late,
     * and awaited like the rest), rather than count as never sent.
     */
    private void sendDueOnIdle(long endNanos) {
        long now = System.nanoTime();
        while (!idle.isEmpty() && dueAt(nextSlot) <= endNanos && run.takePermit()) {
            send(idle.pollFirst(), dueAt(nextSlot++), now);
        }
    }

    /** Requests still awaiting their answer (read on the loop). */
    long inflight() {
        return loop.submit(() -> connections.stream().filter(c -> c.inflight).count())
                .syncUninterruptibly()
                .getNow();
    }

    /** Stops for good: closes every connection; requests still in flight fail as {@link ErrorKind#UNFINISHED}. */
    void stop() {
        loop.submit(() -> {
                    stopping = true;
                    for (Connection c : connections) {
                        if (c.inflight) {
                            meter.error(step(c), ErrorKind.UNFINISHED);
                            run.completed();
                        }
                        c.inflight = false;
                        c.ready = false;
                        if (c.channel != null) c.channel.close();
                    }
                    if (template != null) template.release();
                })
                .syncUninterruptibly();
    }

    /**
     * Closed model with stages: the users below the ramp's current target are active, the others finish what they
     * are doing and wait. A user is connected the first time it becomes active.
     */
    private void adjustUsers() {
        if (stopping || draining) return;
        long active = Math.round(users.targetAt(System.nanoTime() - startNanos));
        for (Connection c : connections) {
            if (c.index >= active) continue;
            if (!c.started) {
                connect(c);
            } else if (c.parked) {
                c.parked = false;
                free(c);
            }
        }
    }

    private boolean active(Connection c) {
        return users == null || c.index < Math.round(users.targetAt(System.nanoTime() - startNanos));
    }

    private void connect(Connection c) {
        if (stopping || draining) return;
        c.started = true;
        if (c.link != null) {
            connectStream(c);
            return;
        }
        ChannelFuture future = bootstrap
                .clone()
                .handler(new Pipeline(run.sslContext, run.config.scenario().target(), c))
                .connect(run.address);
        c.channel = future.channel();
        future.addListener(f -> {
            if (!f.isSuccess()) setupFailed(c, ErrorClassifier.classify(f.cause()), true);
        });
    }

    /**
     * HTTP/2: slot {@code c} joins its link's connection: at once when it is up, when it comes up if it is being set
     * up (or finishing after a GOAWAY, then closing), else it opens it.
     */
    private void connectStream(Connection c) {
        H2Link link = c.link;
        if (link.usable()) {
            if (!c.ready && link.admits(c)) {
                c.ready = true;
                c.failed = false;
                connected(c);
            }
            return;
        }
        if (link.busy()) return;
        ChannelFuture future = bootstrap
                .clone()
                .handler(new H2Pipeline(run.sslContext, run.config.scenario().target(), link, received))
                .connect(run.address);
        link.channel = future.channel();
        for (Connection slot : link.slots) slot.channel = future.channel();
        future.addListener(f -> {
            if (!f.isSuccess()) {
                for (Connection slot : link.slots) {
                    if (slot.started) setupFailed(slot, ErrorClassifier.classify(f.cause()), true);
                }
            }
        });
    }

    /** A connection came up speaking {@code protocol} ({@code http/1.1}, {@code h2}, {@code h2c}). */
    void opened(String protocol) {
        run.opened(protocol);
    }

    /** HTTP/2: the request on slot {@code c}'s stream failed; the connection stays, so the slot goes on. */
    void streamFailed(Connection c, ErrorKind kind) {
        requestFailed(c, kind);
        if (c.ready && !stopping) free(c);
    }

    /** HTTP/2: slot {@code c} may not start streams for now (its connection is going away). */
    void withdraw(Connection c) {
        idle.remove(c);
    }

    /**
     * Connecting (or the TLS handshake) failed: the requests that were due on this connection meanwhile fail with
     * {@code kind}, in both models, so a request budget still runs out when the server is gone.
     */
    void setupFailed(Connection c, ErrorKind kind, boolean reconnect) {
        if (stopping || draining) return;
        long now = System.nanoTime();
        if (schedule != null) {
            if (noneReady()) failDueSlots(kind, now);
        } else {
            c.downKind = kind;
            failDueRequests(c, kind, now, 1);
        }
        if (reconnect) loop.schedule(() -> connect(c), RECONNECT_AFTER_FAILURE_NANOS, TimeUnit.NANOSECONDS);
    }

    /**
     * Closed model: user {@code c} has been down until {@code now}; fails what it would have sent in all that time at
     * the pace this loop's users have had (mean answer plus think time over every answer so far) and has not yet
     * counted. Before any user had a pace, each attempt counts {@code minimum} (1 while running, 0 at the end); what
     * that under- or over-counted is evened out as soon as a pace is known (only upwards: counted errors stay).
     */
    private void failDueRequests(Connection c, ErrorKind kind, long now, long minimum) {
        long since = c.downSince == 0 ? now : c.downSince;
        c.downNanos += now - since;
        c.downSince = now;
        countOutage(c, kind, minimum);
    }

    private void countOutage(Connection c, ErrorKind kind, long minimum) {
        long pace = cycles == 0 ? 0 : cycleNanos / cycles;
        long lost = pace == 0 ? minimum : c.downNanos / pace - c.downCounted;
        if (lost <= 0) return;
        c.downCounted += lost;
        long granted = run.takePermits(lost);
        meter.errors(step(c), kind, granted);
        run.completed(granted);
    }

    /** Open model: every slot due by {@code now} and not yet sent fails with {@code kind}. */
    private void failDueSlots(ErrorKind kind, long now) {
        scheduleStarted = true; // from the run's start when no connection ever came up
        long due = 0;
        while (dueAt(nextSlot + due) <= now) due++;
        long granted = run.takePermits(due);
        nextSlot += due;
        meter.errors(0, kind, granted); // a slot no connection could take: the start of an iteration
        run.completed(granted);
    }

    private boolean noneReady() {
        for (Connection c : connections) {
            if (c.ready) return false;
        }
        return true;
    }

    /** The connection is usable (TCP up, TLS done). The open model's timetable starts with the first one. */
    void connected(Connection c) {
        if (!scheduleStarted) {
            scheduleStarted = true;
            startNanos = Math.max(startNanos, System.nanoTime());
        }
        c.downSince = 0;
        free(c);
    }

    /** The channel closed; reconnect, at once unless it closed because of a failure. */
    void lost(Connection c, boolean immediately) {
        idle.remove(c);
        checkDrained();
        if (stopping || draining) return;
        if (!active(c)) {
            c.started = false; // reconnects when the ramp needs it again
            return;
        }
        if (!immediately && c.downSince == 0) {
            c.downSince = System.nanoTime();
            c.downKind = ErrorKind.CONNECT;
        }
        loop.schedule(() -> connect(c), immediately ? 0 : RECONNECT_AFTER_FAILURE_NANOS, TimeUnit.NANOSECONDS);
    }

    void response(Connection c, int status, byte[] body, int length) {
        if (stopping) return;
        long now = System.nanoTime();
        int step = step(c);
        meter.response(step, status, now - c.intendedNanos);
        meter.answerTime(now - c.sentNanos);
        boolean ok = c.user == null ? status < 400 : c.user.accept(status, body, length);
        if (!ok) meter.error(step, ErrorKind.UNEXPECTED);
        run.completed();
        long think = c.user == null ? 0 : c.user.thinkNanos();
        cycleNanos += now - c.sentNanos + think;
        cycles++;
        if (draining) {
            checkDrained();
        } else if (c.ready && think > 0) {
            loop.schedule(() -> free(c), think, TimeUnit.NANOSECONDS);
        } else if (c.ready) {
            free(c);
        }
    }

    /** The request in flight on {@code c} failed. */
    void requestFailed(Connection c, ErrorKind kind) {
        if (stopping) return;
        meter.error(step(c), kind);
        run.completed();
        if (c.user != null) c.user.restart();
        checkDrained();
    }

    /** The scenario step {@code c}'s virtual user is at (its request in flight, or the next one). */
    private static int step(Connection c) {
        return c.user == null ? 0 : c.user.index();
    }

    private void checkDrained() {
        if (!draining || drained.getCount() == 0) return;
        for (Connection c : connections) {
            if (c.inflight) return;
        }
        drained.countDown();
    }

    /**
     * Sends the next request on {@code c} if one is due, else parks it. In the open model a slot starts an
     * iteration; the later steps of a scenario's iteration follow their predecessor (after its think time).
     */
    private void free(Connection c) {
        if (stopping || draining || !c.ready) return;
        long now = System.nanoTime();
        if (schedule == null || (c.user != null && c.user.index() != 0)) {
            if (!active(c)) {
                c.parked = true;
            } else if (run.takePermit()) {
                send(c, now, now);
            }
            return;
        }
        long due = dueAt(nextSlot);
        if (due <= now) {
            if (!run.takePermit()) return;
            nextSlot++;
            send(c, due, now);
        } else {
            idle.addLast(c);
            arm(due, now);
        }
    }

    private void pace() {
        pacerArmed = false;
        if (stopping || draining) return;
        long now = System.nanoTime();
        long due = dueAt(nextSlot);
        while (!idle.isEmpty() && due <= now) {
            if (!run.takePermit()) {
                idle.clear();
                return;
            }
            nextSlot++;
            send(idle.pollFirst(), due, now);
            due = dueAt(nextSlot);
        }
        if (!idle.isEmpty()) arm(due, now);
    }

    /** When slot {@code k} is due, in {@link System#nanoTime()} terms; {@link Long#MAX_VALUE} for never. */
    private long dueAt(long k) {
        long slot = schedule.slot(k);
        return slot == Long.MAX_VALUE || startNanos + slot >= run.endNanos ? Long.MAX_VALUE : startNanos + slot;
    }

    private void arm(long due, long now) {
        if (pacerArmed || due == Long.MAX_VALUE) return;
        pacerArmed = true;
        loop.schedule(pacer, Math.max(0, due - now), TimeUnit.NANOSECONDS);
    }

    private void send(Connection c, long intended, long now) {
        if (now - intended > LATE_NANOS) meter.late(now - intended);
        if (c.link != null) {
            sendStream(c, intended, now);
        } else if (template != null) {
            c.send(template.retainedDuplicate(), intended, now, false, head);
        } else {
            Step step = c.user.current();
            c.send(
                    c.user.encode(c.channel.alloc()),
                    intended,
                    now,
                    step.needsBody(),
                    step.method().equals("HEAD"));
        }
    }

    private void sendStream(Connection c, long intended, long now) {
        if (h2Headers != null) {
            c.send(h2Headers, h2Body, intended, now, false);
            return;
        }
        Step step = c.user.current();
        Map<String, String> variables = c.user.variables();
        byte[] body = RequestEncoder.body(step, variables);
        c.send(
                run.encoder.headers(step, variables, body == null ? -1 : body.length),
                body,
                intended,
                now,
                step.needsBody());
    }

    private void checkTimeouts() {
        if (stopping) return;
        long now = System.nanoTime();
        long limit = run.config.timeout().toNanos();
        for (Connection c : connections) {
            if (c.inflight && now - c.sentNanos > limit) c.fail(ErrorKind.TIMEOUT);
        }
    }
}
