package dev.keelson.cli.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** A real HTTP server on 127.0.0.1, port 0: {@code /slow?ms=N} sleeps, everything else answers a small JSON at once. */
final class Target implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    final AtomicLong requests = new AtomicLong();
    volatile String lastRequest = "";
    volatile byte[] lastBody = new byte[0];

    Target() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            lastBody = bytes;
            String body = new String(bytes, StandardCharsets.UTF_8);
            lastRequest = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                    + exchange.getRequestHeaders().getFirst("Authorization") + " type="
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " body=" + body;
            String query = exchange.getRequestURI().getQuery();
            if (query != null && query.startsWith("ms=")) sleep(Long.parseLong(query.substring(3)));
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
