package dev.keelson.reference.platform.redis;

import dev.keelson.reference.platform.Breaker;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one Redis connection of this instance (Lettuce multiplexes every caller over it), connected on first use, so
 * the service starts while Redis is down. Callers go through {@link #call}: while Redis is unreachable it answers
 * empty at once (a {@link Breaker} remembers the failure for {@code reference.redis.retry-after}) and the caller
 * uses its fallback; commands time out after {@code reference.redis.timeout}, and are refused at once while the
 * connection is down, instead of queueing.
 */
public final class SharedRedis implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedRedis.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final ClientResources resources;
    private final RedisClient client;
    private final String keyPrefix;
    private final Breaker breaker;
    private final List<Consumer<RedisCommands<String, byte[]>>> recoveryActions = new CopyOnWriteArrayList<>();
    private volatile StatefulRedisConnection<String, byte[]> connection;

    SharedRedis(String url, RedisProperties properties) {
        RedisURI uri;
        try {
            uri = RedisURI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "spring.data.redis.url '" + url + "' is not a Redis URL such as "
                            + "redis://127.0.0.1:6379 (unset it to run without Redis)",
                    e);
        }
        uri.setTimeout(properties.timeout());
        // reconnect soon after an outage (Lettuce's default backs off to 30 s)
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(
                        Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(properties.timeout()))
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(properties.timeout())
                        .build())
                .build());
        this.keyPrefix = properties.keyPrefix();
        this.breaker = new Breaker(properties.retryAfter());
    }

    /** {@code name} with this service's key prefix. */
    public String key(String name) {
        return keyPrefix + name;
    }

    /**
     * Runs {@code command} on the connection; empty when Redis is known to be down or the command fails (the
     * failure is remembered, so the next callers do not wait for it too).
     */
    public <T> Optional<T> call(Function<StatefulRedisConnection<String, byte[]>, T> command) {
        if (!breaker.allows()) {
            return Optional.empty();
        }
        try {
            StatefulRedisConnection<String, byte[]> connection = connected();
            if (breaker.isOpen()) {
                connection.sync().ping(); // this call is the trial: catch up before anyone reads again
                recovered(connection.sync());
            }
            return Optional.ofNullable(command.apply(connection));
        } catch (RuntimeException e) {
            failed(e);
            return Optional.empty();
        }
    }

    /** Whether Redis answers a {@code PING} now; asks even while the breaker is open (the readiness check). */
    public boolean ping() {
        try {
            RedisCommands<String, byte[]> commands = connected().sync();
            commands.ping();
            if (breaker.isOpen()) {
                recovered(commands);
            }
            return true;
        } catch (RuntimeException e) {
            failed(e);
            return false;
        }
    }

    /** Whether the last call failed: the features are on their fallbacks. */
    public boolean degraded() {
        return breaker.isOpen();
    }

    /**
     * Runs {@code action} each time Redis answers again after a failure, before other callers use it again, to redo
     * what was skipped meanwhile. It gets the commands directly (the breaker is still open); if it throws, Redis
     * counts as down again.
     */
    public void onRecovery(Consumer<RedisCommands<String, byte[]>> action) {
        recoveryActions.add(action);
    }

    private StatefulRedisConnection<String, byte[]> connected() {
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (connection == null) {
                connection = client.connect(CODEC);
            }
            return connection;
        }
    }

    private void failed(RuntimeException e) {
        if (!breaker.isOpen()) {
            log.warn(
                    "Redis is unreachable ({}): rate limits fall back to per-instance buckets and reads skip the "
                            + "cache until it answers again",
                    e.getMessage());
        }
        breaker.failed();
    }

    /** Redo what was skipped (dropping cached values that changed meanwhile) before letting callers read again. */
    private void recovered(RedisCommands<String, byte[]> commands) {
        recoveryActions.forEach(action -> action.accept(commands));
        if (breaker.succeeded()) {
            log.info("Redis answers again: shared rate limits and cache are back");
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null) {
            current.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
