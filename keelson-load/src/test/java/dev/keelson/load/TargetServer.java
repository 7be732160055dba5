package dev.keelson.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP target on 127.0.0.1, port 0, for the load tests:
 * {@code /json} (fixed body), {@code /chunked}, {@code /slow} (sleeps {@code ?ms=}), {@code /status/N},
 * {@code /stall} (answers at once, except during a 1 s stall every {@code stallEvery} ms),
 * {@code POST /login} (returns a token for the posted user) and {@code /orders} (needs that token).
 */
final class TargetServer implements AutoCloseable {
    static final byte[] JSON = "{\"id\":1,\"name\":\"keelson\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    final AtomicLong requests = new AtomicLong();
    final AtomicInteger logins = new AtomicInteger();
    final java.util.Set<String> loginUsers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final long started = System.nanoTime();
    volatile long stallEveryMillis = 3_000;

    private TargetServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static TargetServer http() throws IOException {
        return http(0);
    }

    /** A target on {@code port} (0: any), e.g. the port of one that was killed: the server "comes back". */
    static TargetServer http(int port) throws IOException {
        return new TargetServer(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024));
    }

    static TargetServer https(SSLContext context) throws IOException {
        return https(context, java.util.concurrent.ConcurrentHashMap.newKeySet());
    }

    /** An https target that adds the host name each client sent by SNI to {@code serverNames}. */
    static TargetServer https(SSLContext context, java.util.Set<String> serverNames) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(com.sun.net.httpserver.HttpsParameters params) {
                javax.net.ssl.SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setSNIMatchers(java.util.List.of(
                        new javax.net.ssl.SNIMatcher(javax.net.ssl.StandardConstants.SNI_HOST_NAME) {
                            @Override
                            public boolean matches(javax.net.ssl.SNIServerName name) {
                                serverNames.add(new String(name.getEncoded(), StandardCharsets.US_ASCII));
                                return true;
                            }
                        }));
                params.setSSLParameters(parameters);
            }
        });
        return new TargetServer(server);
    }

    /** The same target under another host name, e.g. {@code localhost} for a certificate made for it. */
    String url(String host, String path) {
        return url(path).replace("127.0.0.1", host);
    }

    String url(String path) {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Stops at once, dropping open connections: the "server dies mid-run" case. */
    void kill() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        kill();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            switch (path.startsWith("/status/") ? "/status" : path) {
                case "/chunked" -> send(exchange, 200, JSON, true);
                case "/slow" -> {
                    sleep(Long.parseLong(exchange.getRequestURI().getQuery().substring(3)));
                    send(exchange, 200, JSON, false);
                }
                case "/stall" -> {
                    stall();
                    send(exchange, 200, JSON, false);
                }
                case "/status" -> send(exchange, Integer.parseInt(path.substring(8)), JSON, false);
                case "/login" -> login(exchange);
                case "/orders" -> orders(exchange);
                default -> send(exchange, 200, JSON, false);
            }
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        String user = exchange.getRequestURI().getQuery() == null
                ? ""
                : exchange.getRequestURI().getQuery().substring(5);
        logins.incrementAndGet();
        loginUsers.add(user);
        send(exchange, 200, ("{\"auth\":{\"token\":\"t-" + user + "\"}}").getBytes(StandardCharsets.UTF_8), false);
    }

    private void orders(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        boolean ok = auth != null && auth.startsWith("Bearer t-");
        send(exchange, ok ? 200 : 401, JSON, false);
    }

    /** Inside a stall window (the first second of every {@code stallEveryMillis}), waits for its end. */
    private void stall() {
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        long intoPeriod = elapsed % stallEveryMillis;
        if (elapsed >= stallEveryMillis && intoPeriod < 1_000) sleep(1_000 - intoPeriod);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean chunked) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
