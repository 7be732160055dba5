package dev.keelson.load.internal;

import dev.keelson.load.ErrorKind;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * One virtual user's keep-alive connection, living on one event loop. It sends one request at a time and reports
 * every outcome to its {@link Worker}; it survives reconnects (one channel at a time, hence sharable). Over HTTP/2 it
 * is one stream slot of an {@link H2Link}, which is the channel's handler instead.
 */
@ChannelHandler.Sharable
final class Connection extends ChannelInboundHandlerAdapter implements ResponseParser.Sink {
    final int index;
    private final Worker worker;
    private final ResponseParser parser = new ResponseParser();
    final VirtualUser user;
    Channel channel;
    boolean inflight;
    boolean ready;
    /** Set when the channel was dropped because of a failure: reconnect after a pause. */
    boolean failed;
    /** The TLS handshake of the current channel completed. */
    private boolean handshaken;
    /** When this user lost its connection and has not had one since (0: connected); see Worker#setupFailed. */
    long downSince;
    /** Closed model with stages: connected at least once since it last became inactive, and waiting while inactive. */
    boolean started;

    boolean parked;
    /** Closed model: time this user was down in all, and the requests counted as lost meanwhile. */
    long downNanos;

    long downCounted;
    /** Why it is down: the kind its lost requests fail with. */
    ErrorKind downKind = ErrorKind.CONNECT;

    long intendedNanos;
    long sentNanos;
    /** HTTP/2: the connection this slot's streams go over, and the slot's place in it; {@code null} for HTTP/1.1. */
    H2Link link;

    int slot;

    Connection(int index, Worker worker, VirtualUser user) {
        this.index = index;
        this.worker = worker;
        this.user = user;
    }

    void attach(H2Link link, int slot) {
        this.link = link;
        this.slot = slot;
    }

    /** HTTP/2: opens a stream for the request and remembers when it was due. */
    void send(Http2Headers headers, byte[] body, long intended, long now, boolean collectBody) {
        inflight = true;
        intendedNanos = intended;
        sentNanos = now;
        link.send(this, headers, body, collectBody);
    }

    /** Writes {@code request} (released by Netty) and remembers when it was due. */
    void send(ByteBuf request, long intended, long now, boolean collectBody, boolean head) {
        inflight = true;
        intendedNanos = intended;
        sentNanos = now;
        parser.expect(collectBody, head);
        channel.writeAndFlush(request, channel.voidPromise());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        failed = false;
        handshaken = false;
        parser.reset();
        if (!worker.tls()) {
            worker.opened("http/1.1");
            ready = true;
            worker.connected(this);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake) {
            if (handshake.isSuccess()) {
                handshaken = true;
                worker.opened("http/1.1");
                ready = true;
                worker.connected(this);
            } else {
                fail(ErrorKind.TLS);
            }
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            worker.meter.received(in.readableBytes());
            parser.parse(in, this);
        } finally {
            in.release();
        }
    }

    @Override
    public void onResponse(int status, boolean close, byte[] body, int bodyLength) {
        if (!inflight) {
            fail(ErrorKind.BAD_RESPONSE);
            return;
        }
        inflight = false;
        if (close) {
            ready = false;
            channel.close();
        }
        worker.response(this, status, body, bodyLength);
    }

    @Override
    public void onBadResponse() {
        fail(ErrorKind.BAD_RESPONSE);
    }

    /**
     * Drops the channel after a failure, once per channel. A request in flight fails with {@code kind}; a failure
     * while connecting or in the TLS handshake fails the request(s) that were waiting for this connection; an idle
     * connection failing is no request's failure and is not counted.
     */
    void fail(ErrorKind kind) {
        if (link != null) {
            failStream(kind);
            return;
        }
        if (failed) return;
        boolean wasInflight = inflight;
        boolean setup = !ready && !inflight;
        inflight = false;
        ready = false;
        failed = true;
        if (wasInflight) {
            worker.requestFailed(this, kind);
        } else if (setup) {
            worker.setupFailed(this, kind, false);
        }
        if (channel != null) channel.close();
    }

    /** HTTP/2: the request in flight fails with {@code kind}; its stream is cancelled, the connection stays. */
    private void failStream(ErrorKind kind) {
        if (!inflight) return;
        inflight = false;
        link.cancel(this);
        worker.streamFailed(this, kind);
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
        ready = false;
        parser.closed(this);
        if (inflight) {
            inflight = false;
            failed = true;
            worker.requestFailed(this, ErrorKind.RESET);
        } else if (!failed && worker.tls() && !handshaken) {
            failed = true; // closed during the handshake
            worker.setupFailed(this, ErrorKind.TLS, false);
        }
        worker.lost(this, !failed);
    }
}
