package dev.keelson.load.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.URI;

/**
 * Sets up a new channel: TLS first when the target is https, then the {@link Connection}. The TLS handler is made
 * with the target's host name and port, which sends SNI and lets the handshake verify the certificate's host name.
 */
final class Pipeline extends ChannelInitializer<Channel> {
    private final SslContext sslContext;
    private final URI target;
    private final Connection connection;

    Pipeline(SslContext sslContext, URI target, Connection connection) {
        this.sslContext = sslContext;
        this.target = target;
        this.connection = connection;
    }

    @Override
    protected void initChannel(Channel channel) {
        if (sslContext != null) {
            SslHandler tls = sslContext.newHandler(channel.alloc(), target.getHost(), Target.port(target));
            tls.engine().setSSLParameters(Target.withServerName(tls.engine().getSSLParameters(), target));
            channel.pipeline().addLast(tls);
        }
        channel.pipeline().addLast(connection);
    }
}
