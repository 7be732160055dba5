package dev.keelson.reference.testing;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The shared local Redis (127.0.0.1:6379, or {@code KEELSON_TEST_REDIS_URL}). Tests keep apart by a fresh key
 * prefix each. When it does not answer: with {@code CI=true} the test fails; otherwise the test is skipped (said on
 * standard error).
 */
public final class TestRedis {
    private static final String URL = env("KEELSON_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    private static Boolean available;

    private TestRedis() {}

    public static String url() {
        return URL;
    }

    /** A key prefix no other test uses. */
    public static String freshPrefix() {
        return "keelson-test:" + UUID.randomUUID() + ":";
    }

    /** Deletes every key under {@code prefix} (a test's {@link #freshPrefix()}) from the shared Redis. */
    public static void deleteKeys(String prefix) {
        RedisClient client = RedisClient.create(URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(500);
            KeyScanCursor<String> cursor = redis.scan(match);
            while (true) {
                if (!cursor.getKeys().isEmpty()) {
                    redis.unlink(cursor.getKeys().toArray(String[]::new));
                }
                if (cursor.isFinished()) {
                    return;
                }
                cursor = redis.scan(ScanCursor.of(cursor.getCursor()), match);
            }
        } finally {
            client.shutdown();
        }
    }

    /** Whether the shared Redis answers; fails instead of answering false when {@code CI=true}. */
    public static synchronized boolean available() {
        if (available == null) {
            URI uri = URI.create(URL);
            available = pings(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort());
            if (!available && "true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("CI=true but Redis at " + URL + " does not answer: start it");
            }
            if (!available) {
                System.err.println("[reference-service tests] Redis at " + URL + " not reachable: skipping its tests");
            }
        }
        return available;
    }

    /** Whether a Redis server answers {@code PING} at host:port within a second. */
    static boolean pings(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
