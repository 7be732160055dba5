package dev.keelson.load.internal;

import dev.keelson.load.ErrorKind;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2ChannelDuplexHandler;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.Arrays;

/**
 * One HTTP/2 connection carrying the requests of several {@link Connection} slots, each a virtual user with at most
 * one stream open at a time ({@code --streams} slots per connection). Netty's {@code Http2FrameCodec} below it does
 * the framing, HPACK and the peer's flow control; this handler returns the window for every DATA frame it reads.
 *
 * <p>The link is usable once the server's first SETTINGS arrived (after the TLS handshake agreed on {@code h2} by
 * ALPN, or at once over plain TCP with prior knowledge); only as many slots as the server's
 * {@code SETTINGS_MAX_CONCURRENT_STREAMS} allows are given work. A RST_STREAM fails only its stream's request
 * ({@link ErrorKind#STREAM_RESET}); a GOAWAY fails the requests on streams the server says it did not process
 * ({@link ErrorKind#GOAWAY}), lets the others finish, then closes the connection so that its slots reconnect.
 */
final class H2Link {
    private static final byte[] NO_BODY = new byte[0];

    private final Worker worker;
    private final boolean tls;
    final Connection[] slots;
    private final Http2FrameStream[] streams;
    private final int[] statuses;
    private final byte[][] bodies;
    private final int[] lengths;
    private final boolean[] collect;

    Channel channel;
    private Handler handler;
    private boolean settled;
    private boolean goingAway;
    private boolean handshaken;
    private int allowed;

    H2Link(Worker worker, boolean tls, Connection[] slots) {
        this.worker = worker;
        this.tls = tls;
        this.slots = slots;
        int n = slots.length;
        streams = new Http2FrameStream[n];
        statuses = new int[n];
        bodies = new byte[n][];
        lengths = new int[n];
        collect = new boolean[n];
        for (int i = 0; i < n; i++) slots[i].attach(this, i);
    }

    /** Takes requests now: connected, the server's settings read, not going away. */
    boolean usable() {
        return settled && !goingAway && channel != null && channel.isActive();
    }

    /** A channel is being set up, or is finishing its streams after a GOAWAY: wait for it. */
    boolean busy() {
        return channel != null && channel.isOpen() && !usable();
    }

    /** Slot {@code c} may have a stream: the server allows that many at once. */
    boolean admits(Connection c) {
        return c.slot < allowed;
    }

    /** Opens a stream for slot {@code c}'s request: headers, then the body if there is one. */
    void send(Connection c, Http2Headers headers, byte[] body, boolean collectBody) {
        int i = c.slot;
        Http2FrameStream stream = handler.open();
        streams[i] = stream;
        statuses[i] = 0;
        lengths[i] = 0;
        collect[i] = collectBody;
        boolean empty = body == null || body.length == 0;
        channel.write(new DefaultHttp2HeadersFrame(headers, empty).stream(stream), channel.voidPromise());
        if (!empty) {
            ByteBuf content = channel.alloc().buffer(body.length).writeBytes(body);
            channel.write(new DefaultHttp2DataFrame(content, true).stream(stream), channel.voidPromise());
        }
        channel.flush();
    }

    /** Gives up slot {@code c}'s stream (timed out): RST_STREAM(CANCEL), the connection stays. */
    void cancel(Connection c) {
        Http2FrameStream stream = streams[c.slot];
        streams[c.slot] = null;
        if (stream != null && channel != null && channel.isActive()) {
            channel.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.CANCEL).stream(stream), channel.voidPromise());
        }
    }

    private void settled(Http2SettingsFrame frame) {
        if (settled) return; // later changes of the limit are not followed
        settled = true;
        Long max = frame.settings().maxConcurrentStreams();
        allowed = max == null ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, max);
        worker.opened(tls ? "h2" : "h2c");
        for (Connection c : slots) {
            if (c.started && !c.ready && admits(c)) {
                c.ready = true;
                worker.connected(c);
            }
        }
    }

    private void headers(Http2HeadersFrame frame) {
        int i = slotOf(frame.stream());
        if (i < 0) return;
        CharSequence status = frame.headers().status();
        if (statuses[i] == 0 && status != null) {
            int code = parseStatus(status);
            if (code < 200 && !frame.isEndStream()) return; // informational (100, 103): the answer follows
            statuses[i] = code;
        }
        if (frame.isEndStream()) complete(i);
    }

    private void data(ChannelHandlerContext ctx, Http2DataFrame frame) {
        int i = slotOf(frame.stream());
        int flowControlled = frame.initialFlowControlledBytes();
        if (flowControlled > 0 && !frame.isEndStream()) {
            ctx.write(new DefaultHttp2WindowUpdateFrame(flowControlled).stream(frame.stream()), ctx.voidPromise());
        } // an ended stream gives its window back to the connection by itself
        if (i < 0) return;
        if (collect[i]) append(i, frame.content());
        if (frame.isEndStream()) complete(i);
    }

    private void reset(Http2ResetFrame frame) {
        int i = slotOf(frame.stream());
        if (i < 0) return;
        streams[i] = null;
        Connection c = slots[i];
        c.inflight = false;
        worker.streamFailed(c, ErrorKind.STREAM_RESET);
        closeIfDone();
    }

    /** Streams above the last one the server kept fail; the rest finish; then the connection closes. */
    private void goAway(Http2GoAwayFrame frame) {
        goingAway = true;
        int last = frame.lastStreamId();
        for (Connection c : slots) {
            c.ready = false;
            worker.withdraw(c);
        }
        for (int i = 0; i < slots.length; i++) {
            Http2FrameStream stream = streams[i];
            if (stream != null && stream.id() > last) {
                streams[i] = null;
                slots[i].inflight = false;
                worker.requestFailed(slots[i], ErrorKind.GOAWAY);
            }
        }
        closeIfDone();
    }

    private void complete(int i) {
        streams[i] = null;
        Connection c = slots[i];
        if (statuses[i] == 0) { // no :status, or not three digits
            c.inflight = false;
            worker.streamFailed(c, ErrorKind.BAD_RESPONSE);
        } else {
            c.onResponse(statuses[i], false, collect[i] ? bodies[i] : NO_BODY, lengths[i]);
        }
        closeIfDone();
    }

    private void closeIfDone() {
        if (!goingAway) return;
        for (Http2FrameStream stream : streams) {
            if (stream != null) return;
        }
        channel.close();
    }

    private void append(int i, ByteBuf content) {
        int n = content.readableBytes();
        byte[] body = bodies[i];
        if (body == null || body.length < lengths[i] + n) {
            body = Arrays.copyOf(body == null ? NO_BODY : body, Math.max(lengths[i] + n, 2 * lengths[i] + 256));
            bodies[i] = body;
        }
        content.getBytes(content.readerIndex(), body, lengths[i], n);
        lengths[i] += n;
    }

    private int slotOf(Http2FrameStream stream) {
        for (int i = 0; i < streams.length; i++) {
            if (streams[i] == stream) return i;
        }
        return -1;
    }

    private static int parseStatus(CharSequence status) {
        if (status.length() != 3) return 0;
        int code = 0;
        for (int k = 0; k < 3; k++) {
            char d = status.charAt(k);
            if (d < '0' || d > '9') return 0;
            code = code * 10 + d - '0';
        }
        return code;
    }

    /**
     * The connection failed: requests in flight fail with {@code kind}; slots that were waiting for it to come up
     * count a setup failure; then it closes and its slots reconnect after a pause.
     */
    void fail(ErrorKind kind) {
        for (Connection c : slots) {
            if (c.failed) continue;
            boolean wasInflight = c.inflight;
            boolean setup = c.started && !settled && !c.ready && !c.inflight;
            c.inflight = false;
            c.ready = false;
            c.failed = true;
            if (wasInflight) {
                worker.requestFailed(c, kind);
            } else if (setup) {
                worker.setupFailed(c, kind, false);
            }
        }
        Arrays.fill(streams, null);
        if (channel != null) channel.close();
    }

    /** A handler for one channel of this link, made per connection; the link outlives its channels. */
    ChannelHandler newHandler() {
        return new Handler();
    }

    /** The channel's handler: hands frames and events to the link, opens streams through the codec. */
    private final class Handler extends Http2ChannelDuplexHandler {
        Http2FrameStream open() {
            return newStream();
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            channel = ctx.channel();
            handler = this;
            settled = false;
            goingAway = false;
            handshaken = false;
            allowed = 0;
            Arrays.fill(streams, null);
            for (Connection c : slots) {
                c.channel = channel;
                c.failed = false;
            }
            ctx.fireChannelActive();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof SslHandshakeCompletionEvent handshake && ctx.channel() == channel) {
                if (!handshake.isSuccess()) {
                    fail(ErrorKind.TLS);
                } else if (!ApplicationProtocolNames.HTTP_2.equals(
                        ctx.pipeline().get(SslHandler.class).applicationProtocol())) {
                    fail(ErrorKind.TLS); // the server did not agree to h2 (the probe names this before any load)
                } else {
                    handshaken = true;
                }
            }
            ReferenceCountUtil.release(event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (ctx.channel() != channel) return;
                switch (msg) {
                    case Http2SettingsFrame settings -> settled(settings);
                    case Http2HeadersFrame headers -> headers(headers);
                    case Http2DataFrame data -> data(ctx, data);
                    case Http2ResetFrame reset -> reset(reset);
                    case Http2GoAwayFrame goAway -> goAway(goAway);
                    default -> {} // PING (answered by the codec), WINDOW_UPDATE, SETTINGS ack
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush(); // the window updates of what was read
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (ctx.channel() == channel) {
                fail(ErrorClassifier.classify(cause));
            } else {
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (ctx.channel() != channel) return;
            for (Connection c : slots) {
                c.ready = false;
                if (c.inflight) {
                    c.inflight = false;
                    c.failed = true;
                    worker.requestFailed(c, ErrorKind.RESET);
                } else if (!c.failed && c.started && !settled) {
                    c.failed = true; // closed before it came up: the handshake, or not an HTTP/2 server
                    worker.setupFailed(c, tls && !handshaken ? ErrorKind.TLS : ErrorKind.RESET, false);
                }
            }
            Arrays.fill(streams, null);
            channel = null;
            for (Connection c : slots) {
                if (c.started) worker.lost(c, !c.failed);
            }
        }
    }
}
