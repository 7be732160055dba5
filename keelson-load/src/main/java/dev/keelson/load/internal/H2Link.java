package dev.keelson.load.internal;

import dev.keelson.load.ErrorKind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.DefaultHttp2FrameReader;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.DefaultHttp2HeadersEncoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersEncoder;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.collection.IntObjectHashMap;
import java.util.Arrays;
import java.util.List;

/**
 * One HTTP/2 connection carrying the requests of several {@link Connection} slots, each a virtual user with at most
 * one stream open at a time ({@code --streams} slots per connection).
 *
 * <p>It speaks the protocol through Netty's frame reader and HPACK coders ({@link DefaultHttp2FrameReader},
 * {@link DefaultHttp2HeadersDecoder}, {@link DefaultHttp2HeadersEncoder}) but keeps the connection's state itself:
 * a client that only opens request streams needs a stream-id-to-slot map and two windows per stream, where Netty's
 * {@code Http2FrameCodec} builds a stream object, a property map, priority-tree state and frame objects for each
 * request (that cost, with one write per request, made the first version 5 times as expensive per request as
 * {@code h2load}). Request header blocks are HPACK-coded as "never indexed" literals, which leave the server's dynamic
 * table alone: a static request's block is coded once and sent again and again; responses are decoded by Netty's
 * HPACK decoder (the server's dynamic table is followed), keeping only {@code :status}.
 *
 * <p>Flow control: every DATA frame read is given back to the stream at once and to the connection once half of its
 * 64 KiB window is used; request bodies are sent within the server's connection and stream windows and its largest
 * frame size, the rest when its WINDOW_UPDATEs arrive. SETTINGS and PING are acknowledged; the server's first frame
 * must be SETTINGS.
 *
 * <p>The link is usable once the server's first SETTINGS arrived (after the TLS handshake agreed on {@code h2} by
 * ALPN, or at once over plain TCP with prior knowledge); only as many slots as the server's
 * {@code SETTINGS_MAX_CONCURRENT_STREAMS} allows are given work. A RST_STREAM fails only its stream's request
 * ({@link ErrorKind#STREAM_RESET}); a GOAWAY fails the requests on streams the server says it did not process
 * ({@link ErrorKind#GOAWAY}), lets the others finish, then closes the connection so that its slots reconnect; so
 * does running out of stream ids (2^30 requests on one connection), without failing any.
 */
final class H2Link {
    private static final byte[] NO_BODY = new byte[0];
    private static final int DATA = 0x0;
    private static final int HEADERS = 0x1;
    private static final int RST_STREAM = 0x3;
    private static final int SETTINGS = 0x4;
    private static final int PING = 0x6;
    private static final int WINDOW_UPDATE = 0x8;
    private static final int CONTINUATION = 0x9;
    private static final int END_STREAM = 0x1;
    private static final int ACK = 0x1;
    private static final int END_HEADERS = 0x4;
    private static final int DEFAULT_WINDOW = 65_535;
    /** The connection's receive window is topped up once this much of it was used. */
    private static final int WINDOW_UPDATE_AFTER = DEFAULT_WINDOW / 2;

    private static final int LAST_STREAM_ID = Integer.MAX_VALUE;

    private final Worker worker;
    private final boolean tls;
    final Connection[] slots;
    private final int[] streamIds;
    private final int[] statuses;
    private final byte[][] bodies;
    private final int[] lengths;
    private final boolean[] collect;
    /** A request body still to send (beyond the server's windows), from {@link #sentBytes} on; null when none. */
    private final byte[][] unsent;

    private final int[] sentBytes;
    private final long[] sendWindows;
    private final IntObjectHashMap<Connection> open = new IntObjectHashMap<>();
    /** Request headers coded without touching the server's dynamic table, so a block can be sent again as it is. */
    private final Http2HeadersEncoder encoder =
            new DefaultHttp2HeadersEncoder(Http2HeadersEncoder.ALWAYS_SENSITIVE, true);
    /** The last headers coded, and their block: a static request's headers are the same object every time. */
    private Http2Headers codedHeaders;

    private ByteBuf codedBlock;

    Channel channel;
    private ChannelHandlerContext ctx;
    private boolean settled;
    private boolean goingAway;
    private boolean handshaken;
    private int allowed;
    private int nextStreamId;
    private long connectionSendWindow;
    private int peerInitialWindow;
    private int peerMaxFrameSize;
    private int unackedReceived;
    /** The channel is handing over a batch of reads: the writes they cause are flushed together at its end. */
    private boolean reading;

    H2Link(Worker worker, boolean tls, Connection[] slots) {
        this.worker = worker;
        this.tls = tls;
        this.slots = slots;
        int n = slots.length;
        streamIds = new int[n];
        statuses = new int[n];
        bodies = new byte[n][];
        lengths = new int[n];
        collect = new boolean[n];
        unsent = new byte[n][];
        sentBytes = new int[n];
        sendWindows = new long[n];
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
        int id = nextStreamId;
        nextStreamId += 2;
        streamIds[i] = id;
        open.put(id, c);
        statuses[i] = 0;
        lengths[i] = 0;
        collect[i] = collectBody;
        boolean empty = body == null || body.length == 0;
        try {
            writeHeaders(id, block(headers), empty);
        } catch (Http2Exception e) {
            fail(ErrorKind.BAD_RESPONSE); // cannot happen with the encoder's limits off; never leave a stream hanging
            return;
        }
        if (!empty) {
            unsent[i] = body;
            sentBytes[i] = 0;
            sendWindows[i] = peerInitialWindow;
            sendData(i);
        }
        if (!reading) ctx.flush(); // while reading, one flush at the end of the read batch writes them all
        if (nextStreamId > LAST_STREAM_ID - 2 || nextStreamId < 0) retire();
    }

    /** Gives up slot {@code c}'s stream (timed out): RST_STREAM(CANCEL), the connection stays. */
    void cancel(Connection c) {
        int id = streamIds[c.slot];
        forget(c.slot);
        if (id != 0 && ctx != null && channel != null && channel.isActive()) {
            ByteBuf out = frame(ctx, 4, RST_STREAM, 0, id);
            out.writeInt((int) Http2Error.CANCEL.code());
            ctx.writeAndFlush(out, ctx.voidPromise());
        }
    }

    private ByteBuf block(Http2Headers headers) throws Http2Exception {
        if (headers != codedHeaders) {
            if (codedBlock != null) codedBlock.release();
            codedBlock = Unpooled.buffer(128);
            encoder.encodeHeaders(0, headers, codedBlock); // the stream id only names a failure
            codedHeaders = headers;
        }
        return codedBlock;
    }

    /** HEADERS (and CONTINUATIONs when the block is larger than the server's frame size), in one buffer. */
    private void writeHeaders(int id, ByteBuf block, boolean endStream) {
        int length = block.readableBytes();
        int max = peerMaxFrameSize;
        int first = Math.min(length, max);
        int frames = 1 + (length - first + max - 1) / max;
        ByteBuf out = ctx.alloc().buffer(length + frames * Http2CodecUtil.FRAME_HEADER_LENGTH);
        header(out, first, HEADERS, (endStream ? END_STREAM : 0) | (first == length ? END_HEADERS : 0), id);
        out.writeBytes(block, block.readerIndex(), first);
        for (int at = first; at < length; ) {
            int n = Math.min(length - at, max);
            header(out, n, CONTINUATION, at + n == length ? END_HEADERS : 0, id);
            out.writeBytes(block, block.readerIndex() + at, n);
            at += n;
        }
        ctx.write(out, ctx.voidPromise());
    }

    /** Sends as much of slot {@code i}'s body as the windows allow; the last DATA frame ends the stream. */
    private void sendData(int i) {
        byte[] body = unsent[i];
        while (body != null) {
            int remaining = body.length - sentBytes[i];
            int n = (int)
                    Math.min(Math.min(remaining, peerMaxFrameSize), Math.min(connectionSendWindow, sendWindows[i]));
            if (n <= 0) return; // the rest when the server's WINDOW_UPDATE arrives
            boolean last = n == remaining;
            ByteBuf out = frame(ctx, n, DATA, last ? END_STREAM : 0, streamIds[i]);
            out.writeBytes(body, sentBytes[i], n);
            ctx.write(out, ctx.voidPromise());
            sentBytes[i] += n;
            connectionSendWindow -= n;
            sendWindows[i] -= n;
            if (last) {
                unsent[i] = null;
                body = null;
            }
        }
    }

    private static ByteBuf frame(ChannelHandlerContext ctx, int length, int type, int flags, int streamId) {
        ByteBuf out = ctx.alloc().buffer(Http2CodecUtil.FRAME_HEADER_LENGTH + length);
        header(out, length, type, flags, streamId);
        return out;
    }

    private static void header(ByteBuf out, int length, int type, int flags, int streamId) {
        out.writeMedium(length);
        out.writeByte(type);
        out.writeByte(flags);
        out.writeInt(streamId);
    }

    private void windowUpdate(int streamId, int increment) {
        ByteBuf out = frame(ctx, 4, WINDOW_UPDATE, 0, streamId);
        out.writeInt(increment);
        ctx.write(out, ctx.voidPromise());
    }

    /** The slot of stream {@code id}, or -1 when it is not (or no longer) ours. */
    private int slotOf(int id) {
        Connection c = open.get(id);
        return c == null ? -1 : c.slot;
    }

    private void forget(int i) {
        if (streamIds[i] != 0) open.remove(streamIds[i]);
        streamIds[i] = 0;
        unsent[i] = null;
    }

    private void settled(Http2Settings settings) {
        Integer frameSize = settings.maxFrameSize();
        if (frameSize != null) peerMaxFrameSize = frameSize;
        Integer window = settings.initialWindowSize();
        if (window != null) {
            int delta = window - peerInitialWindow;
            peerInitialWindow = window;
            for (int i = 0; i < slots.length; i++) {
                if (streamIds[i] == 0) continue;
                sendWindows[i] += delta;
                sendData(i);
            }
        }
        if (settled) return; // later changes of the stream limit are not followed
        settled = true;
        Long max = settings.maxConcurrentStreams();
        allowed = max == null ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, max);
        worker.opened(tls ? "h2" : "h2c");
        for (Connection c : slots) {
            if (c.started && !c.ready && admits(c)) {
                c.ready = true;
                worker.connected(c);
            }
        }
    }

    private void headers(int id, int status, boolean endStream) {
        int i = slotOf(id);
        if (i < 0) return;
        if (statuses[i] == 0 && status != 0) {
            if (status < 200 && !endStream) return; // informational (100, 103): the answer follows
            statuses[i] = status;
        }
        if (endStream) complete(i);
    }

    private void data(int id, ByteBuf content, int flowControlled, boolean endStream) {
        unackedReceived += flowControlled;
        if (unackedReceived >= WINDOW_UPDATE_AFTER) {
            windowUpdate(Http2CodecUtil.CONNECTION_STREAM_ID, unackedReceived);
            unackedReceived = 0;
        }
        int i = slotOf(id);
        if (i < 0) return;
        if (flowControlled > 0 && !endStream) windowUpdate(id, flowControlled);
        if (collect[i]) append(i, content);
        if (endStream) complete(i);
    }

    private void reset(int id) {
        int i = slotOf(id);
        if (i < 0) return;
        forget(i);
        Connection c = slots[i];
        c.inflight = false;
        worker.streamFailed(c, ErrorKind.STREAM_RESET);
        closeIfDone();
    }

    /** Streams above the last one the server kept fail; the rest finish; then the connection closes. */
    private void goAway(int last) {
        retire();
        for (int i = 0; i < slots.length; i++) {
            if (streamIds[i] != 0 && streamIds[i] > last) {
                forget(i);
                slots[i].inflight = false;
                worker.requestFailed(slots[i], ErrorKind.GOAWAY);
            }
        }
        closeIfDone();
    }

    /** No new streams on this connection: its slots wait for it to finish its streams, close, and reconnect. */
    private void retire() {
        goingAway = true;
        for (Connection c : slots) {
            c.ready = false;
            worker.withdraw(c);
        }
    }

    private void windowUpdated(int id, int increment) {
        if (id == Http2CodecUtil.CONNECTION_STREAM_ID) {
            connectionSendWindow += increment;
            for (int i = 0; i < slots.length; i++) {
                if (unsent[i] != null) sendData(i);
            }
        } else {
            int i = slotOf(id);
            if (i < 0) return;
            sendWindows[i] += increment;
            sendData(i);
        }
    }

    private void complete(int i) {
        forget(i);
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
        if (goingAway && open.isEmpty() && channel != null) channel.close();
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
        forgetAll();
        if (channel != null) channel.close();
    }

    private void forgetAll() {
        Arrays.fill(streamIds, 0);
        Arrays.fill(unsent, null);
        open.clear();
    }

    /** A handler for one channel of this link, made per connection; the link outlives its channels. */
    ChannelHandler newHandler() {
        return new Handler();
    }

    /** Keeps a response's {@code :status} and drops its other headers as the HPACK decoder hands them over. */
    private static final class StatusOnly extends DefaultHttp2Headers {
        private static final AsciiString STATUS = Http2Headers.PseudoHeaderName.STATUS.value();
        /** The status code; 0 when there was none, or it was not three digits. */
        int status;

        StatusOnly() {
            super(false);
        }

        @Override
        public Http2Headers add(CharSequence name, CharSequence value) {
            if (status == 0 && STATUS.contentEquals(name)) {
                status = parseStatus(value);
            }
            return this;
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
    }

    /** Netty's HPACK decoder writing into one reused {@link StatusOnly} instead of a new header map per block. */
    private static final class StatusDecoder extends DefaultHttp2HeadersDecoder {
        private final StatusOnly headers = new StatusOnly();

        StatusDecoder() {
            super(false);
        }

        @Override
        protected Http2Headers newHeaders() {
            headers.status = 0;
            return headers;
        }
    }

    /** The channel's handler: cuts the bytes into frames, hands them to the link, writes the preface. */
    private final class Handler extends ByteToMessageDecoder {
        private final DefaultHttp2FrameReader reader = new DefaultHttp2FrameReader(new StatusDecoder());
        private final Listener listener = new Listener();

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            channel = ctx.channel();
            H2Link.this.ctx = ctx;
            settled = false;
            goingAway = false;
            handshaken = false;
            allowed = 0;
            nextStreamId = 1;
            connectionSendWindow = DEFAULT_WINDOW;
            peerInitialWindow = DEFAULT_WINDOW;
            peerMaxFrameSize = Http2CodecUtil.DEFAULT_MAX_FRAME_SIZE;
            unackedReceived = 0;
            reading = false;
            forgetAll();
            for (Connection c : slots) {
                c.channel = channel;
                c.failed = false;
            }
            ctx.write(Http2CodecUtil.connectionPrefaceBuf(), ctx.voidPromise());
            // our SETTINGS: no server push; the rest as RFC 9113's defaults
            ByteBuf settings = frame(ctx, 6, SETTINGS, 0, 0);
            settings.writeShort(Http2CodecUtil.SETTINGS_ENABLE_PUSH).writeInt(0);
            ctx.writeAndFlush(settings, ctx.voidPromise());
            super.channelActive(ctx);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Http2Exception {
            if (ctx.channel() != channel) {
                in.skipBytes(in.readableBytes());
                return;
            }
            reader.readFrame(ctx, in, listener);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            reading = true;
            super.channelRead(ctx, msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
            reading = false;
            ctx.flush(); // the requests, acknowledgements and window updates the batch caused: one write
            super.channelReadComplete(ctx);
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
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (ctx.channel() == channel) {
                fail(ErrorClassifier.classify(cause));
            } else {
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            try {
                super.channelInactive(ctx);
            } finally {
                closed(ctx);
            }
        }

        @Override
        protected void handlerRemoved0(ChannelHandlerContext ctx) {
            reader.close();
        }

        private void closed(ChannelHandlerContext ctx) {
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
            forgetAll();
            channel = null;
            for (Connection c : slots) {
                if (c.started) worker.lost(c, !c.failed);
            }
        }
    }

    /** The frames read, in the link's terms. */
    private final class Listener extends Http2FrameAdapter {
        @Override
        public void onSettingsRead(ChannelHandlerContext ctx, Http2Settings settings) throws Http2Exception {
            ctx.write(frame(ctx, 0, SETTINGS, ACK, 0), ctx.voidPromise());
            settled(settings);
        }

        @Override
        public void onHeadersRead(
                ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding, boolean endOfStream)
                throws Http2Exception {
            requireSettings();
            headers(streamId, ((StatusOnly) headers).status, endOfStream);
        }

        @Override
        public void onHeadersRead(
                ChannelHandlerContext ctx,
                int streamId,
                Http2Headers headers,
                int streamDependency,
                short weight,
                boolean exclusive,
                int padding,
                boolean endOfStream)
                throws Http2Exception {
            onHeadersRead(ctx, streamId, headers, padding, endOfStream);
        }

        @Override
        public int onDataRead(ChannelHandlerContext ctx, int streamId, ByteBuf data, int padding, boolean endOfStream)
                throws Http2Exception {
            requireSettings();
            int flowControlled = data.readableBytes() + padding;
            data(streamId, data, flowControlled, endOfStream);
            return flowControlled;
        }

        @Override
        public void onRstStreamRead(ChannelHandlerContext ctx, int streamId, long errorCode) throws Http2Exception {
            requireSettings();
            reset(streamId);
        }

        @Override
        public void onGoAwayRead(ChannelHandlerContext ctx, int lastStreamId, long errorCode, ByteBuf debugData)
                throws Http2Exception {
            requireSettings();
            goAway(lastStreamId);
        }

        @Override
        public void onWindowUpdateRead(ChannelHandlerContext ctx, int streamId, int windowSizeIncrement)
                throws Http2Exception {
            requireSettings();
            windowUpdated(streamId, windowSizeIncrement);
        }

        @Override
        public void onPingRead(ChannelHandlerContext ctx, long data) throws Http2Exception {
            requireSettings();
            ByteBuf out = frame(ctx, 8, PING, ACK, 0);
            out.writeLong(data);
            ctx.write(out, ctx.voidPromise());
        }

        @Override
        public void onPushPromiseRead(
                ChannelHandlerContext ctx, int streamId, int promisedStreamId, Http2Headers headers, int padding)
                throws Http2Exception {
            throw Http2Exception.connectionError(
                    Http2Error.PROTOCOL_ERROR, "PUSH_PROMISE although SETTINGS_ENABLE_PUSH is 0");
        }

        private void requireSettings() throws Http2Exception {
            if (!settled) {
                throw Http2Exception.connectionError(
                        Http2Error.PROTOCOL_ERROR, "the server's first frame was not SETTINGS");
            }
        }
    }
}
