package dev.keelson.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.DefaultHttp2WindowUpdateFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;

/**
 * A real HTTP/2 server on 127.0.0.1, port 0, on Netty's HTTP/2 codec: h2c with prior knowledge, or h2 over TLS with
 * ALPN. {@code /json} answers a small JSON at once; {@code /slow?ms=N} after N ms; {@code /big} a 1 MiB body (more
 * than the 64 KiB initial window: only a client that returns flow-control credit gets it all); {@code /echo} sends
 * the request body back; {@code /reset} answers with RST_STREAM; {@code /goaway} with GOAWAY naming the stream
 * before it as the last one processed, then closes 100 ms later; {@code /stall} answers at once except during a 1 s stall every
 * {@code stallEveryMillis}.
 */
final class H2Target implements AutoCloseable {
    static final byte[] BIG = new byte[1 << 20];

    static {
        for (int i = 0; i < BIG.length; i++) BIG[i] = (byte) i;
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    private final Channel server;
    private final long startMillis = System.currentTimeMillis();
    /** Connections that carried a request. */
    final AtomicInteger connections = new AtomicInteger();

    final AtomicLong requests = new AtomicLong();
    /** Most streams open at once on one connection. */
    final AtomicInteger maxOpenStreams = new AtomicInteger();

    final AtomicReference<String> lastRequest = new AtomicReference<>("");
    /** The last request to each path (without its query), as {@link #lastRequest} shows it. */
    final Map<String, String> lastRequestTo = new java.util.concurrent.ConcurrentHashMap<>();
    /** The body of the last request to {@code /echo}. */
    final AtomicReference<byte[]> lastBody = new AtomicReference<>(new byte[0]);

    volatile long stallEveryMillis = 2_000;

    private H2Target(SslContext tls, long maxConcurrentStreams) throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        if (tls != null) channel.pipeline().addLast(tls.newHandler(channel.alloc()));
                        channel.pipeline()
                                .addLast(Http2FrameCodecBuilder.forServer()
                                        .initialSettings(Http2Settings.defaultSettings()
                                                .maxConcurrentStreams(maxConcurrentStreams))
                                        .build())
                                .addLast(new Answers());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .sync()
                .channel();
    }

    /** h2c with prior knowledge. */
    static H2Target plain() throws InterruptedException {
        return new H2Target(null, 1000);
    }

    /** h2c allowing only {@code streams} streams at once per connection. */
    static H2Target plain(long streams) throws InterruptedException {
        return new H2Target(null, streams);
    }

    /** h2 over TLS, agreed by ALPN; {@code protocols} are the ones it accepts ({@code h2}, {@code http/1.1}). */
    static H2Target tls(KeyManagerFactory keys, String... protocols) throws Exception {
        SslContext context = SslContextBuilder.forServer(keys)
                .sslProvider(SslProvider.JDK)
                .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                .applicationProtocolConfig(new ApplicationProtocolConfig(
                        ApplicationProtocolConfig.Protocol.ALPN,
                        ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                        ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                        protocols))
                .build();
        return new H2Target(context, 1000);
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    String secureUrl(String path) {
        return "https://localhost:" + port() + path;
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One connection's streams: the request's headers and body, then the answer its path asks for. */
    private final class Answers extends ChannelDuplexHandler {
        private final Map<Http2FrameStream, String> paths = new HashMap<>();
        private final Map<Http2FrameStream, ByteBuf> bodies = new HashMap<>();
        private boolean counted;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            ctx.fireUserEventTriggered(event);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (msg instanceof Http2HeadersFrame h) {
                    if (!counted) { // the client's probe connects, and sends no request
                        counted = true;
                        connections.incrementAndGet();
                    }
                    String path = h.headers().path().toString();
                    paths.put(h.stream(), path);
                    maxOpenStreams.accumulateAndGet(paths.size(), Math::max);
                    String seen = h.headers().method() + " " + path + " authority="
                            + h.headers().authority()
                            + " type=" + h.headers().get("content-type") + " protocol="
                            + (ctx.pipeline().get(SslHandler.class) == null
                                    ? "h2c"
                                    : ctx.pipeline().get(SslHandler.class).applicationProtocol());
                    lastRequest.set(seen);
                    lastRequestTo.put(path.contains("?") ? path.substring(0, path.indexOf('?')) : path, seen);
                    if (h.isEndStream()) answer(ctx, h.stream(), Unpooled.EMPTY_BUFFER);
                } else if (msg instanceof Http2DataFrame d) {
                    bodies.computeIfAbsent(d.stream(), s -> Unpooled.buffer()).writeBytes(d.content());
                    if (d.initialFlowControlledBytes() > 0 && !d.isEndStream()) {
                        ctx.write(new DefaultHttp2WindowUpdateFrame(d.initialFlowControlledBytes()).stream(d.stream()));
                    }
                    if (d.isEndStream()) {
                        ByteBuf body = bodies.remove(d.stream());
                        answer(ctx, d.stream(), body);
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        private void answer(ChannelHandlerContext ctx, Http2FrameStream stream, ByteBuf body) {
            requests.incrementAndGet();
            String path = paths.get(stream);
            byte[] bytes = new byte[body.readableBytes()];
            body.readBytes(bytes);
            if (path.startsWith("/echo")) lastBody.set(bytes);
            switch (path.contains("?") ? path.substring(0, path.indexOf('?')) : path) {
                case "/reset" -> {
                    paths.remove(stream);
                    ctx.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR).stream(stream));
                }
                case "/goaway" -> {
                    // written as raw bytes below the codec, which would name this stream as processed
                    paths.remove(stream);
                    ByteBuf goAway = Unpooled.buffer(17)
                            .writeMedium(8)
                            .writeByte(7)
                            .writeByte(0)
                            .writeInt(0)
                            .writeInt(Math.max(0, stream.id() - 2)) // 0: none processed (a client's first stream is 1)
                            .writeInt(0);
                    ctx.pipeline().context(Http2FrameCodec.class).writeAndFlush(goAway);
                    ctx.executor().schedule(() -> ctx.close(), 100, TimeUnit.MILLISECONDS);
                }
                case "/slow" ->
                    ctx.executor()
                            .schedule(
                                    () -> respond(ctx, stream, json()),
                                    Long.parseLong(path.substring(path.indexOf("ms=") + 3)),
                                    TimeUnit.MILLISECONDS);
                case "/stall" ->
                    ctx.executor().schedule(() -> respond(ctx, stream, json()), stall(), TimeUnit.MILLISECONDS);
                case "/big" -> respond(ctx, stream, Unpooled.wrappedBuffer(BIG));
                case "/echo" -> respond(ctx, stream, Unpooled.wrappedBuffer(bytes));
                default -> respond(ctx, stream, json());
            }
        }

        private long stall() {
            long elapsed = System.currentTimeMillis() - startMillis;
            long intoPeriod = elapsed % stallEveryMillis;
            return elapsed >= stallEveryMillis && intoPeriod < 1_000 ? 1_000 - intoPeriod : 0;
        }

        private static ByteBuf json() {
            return Unpooled.copiedBuffer("{\"ok\":true,\"token\":\"t-1\"}", StandardCharsets.UTF_8);
        }

        private void respond(ChannelHandlerContext ctx, Http2FrameStream stream, ByteBuf body) {
            paths.remove(stream);
            var headers = new DefaultHttp2Headers().status("200").set("content-type", "application/json");
            ctx.write(new DefaultHttp2HeadersFrame(headers).stream(stream));
            ctx.writeAndFlush(new DefaultHttp2DataFrame(body, true).stream(stream));
        }
    }

    static boolean isH2(String protocol) {
        return ApplicationProtocolNames.HTTP_2.equals(protocol);
    }
}
