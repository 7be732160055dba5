package dev.keelson.load.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.URI;

/**
 * Sets up a new HTTP/2 channel: TLS (offering only {@code h2} by ALPN, with SNI and host-name verification as for
 * HTTP/1.1) when the target is https, a byte counter, then the {@link H2Link}'s handler, which speaks the protocol
 * (and writes what one batch of reads caused in one system call).
 * Over plain TCP it starts with the connection preface (prior knowledge, no upgrade).
 */
final class H2Pipeline extends ChannelInitializer<Channel> {
    private final SslContext sslContext;
    private final URI target;
    private final H2Link link;
    private final Received received;

    H2Pipeline(SslContext sslContext, URI target, H2Link link, Received received) {
        this.sslContext = sslContext;
        this.target = target;
        this.link = link;
        this.received = received;
    }

    @Override
    protected void initChannel(Channel channel) {
        if (sslContext != null) {
            SslHandler tls = sslContext.newHandler(channel.alloc(), target.getHost(), Target.port(target));
            tls.engine().setSSLParameters(Target.withServerName(tls.engine().getSSLParameters(), target));
            channel.pipeline().addLast(tls);
        }
        channel.pipeline().addLast(received).addLast(link.newHandler());
    }

    /** Counts the bytes received (after TLS), as the HTTP/1.1 path does, into one loop's meter. */
    @ChannelHandler.Sharable
    static final class Received extends ChannelInboundHandlerAdapter {
        private final Meter meter;

        Received(Meter meter) {
            this.meter = meter;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof ByteBuf in) meter.received(in.readableBytes());
            ctx.fireChannelRead(msg);
        }
    }
}
