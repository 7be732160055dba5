package dev.keelson.load.internal;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.ssl.SslContext;

/** Sets up a new channel: TLS first when the target is https, then the {@link Connection}. */
final class Pipeline extends ChannelInitializer<Channel> {
    private final SslContext sslContext;
    private final Connection connection;

    Pipeline(SslContext sslContext, Connection connection) {
        this.sslContext = sslContext;
        this.connection = connection;
    }

    @Override
    protected void initChannel(Channel channel) {
        if (sslContext != null) channel.pipeline().addLast(sslContext.newHandler(channel.alloc()));
        channel.pipeline().addLast(connection);
    }
}
