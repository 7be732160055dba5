package dev.keelson.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Prometheus endpoint on 127.0.0.1, port 0, over a raw socket so that it can misbehave the way a broken or hostile
 * one does: {@code /metrics} answers Micrometer-style text whose counter grows 100 a second and whose gauge follows
 * the clock; {@code /endless} never ends its body, {@code /trickle} sends a byte every 100 ms, {@code /silent}
 * never answers, {@code /huge} sends 64 MiB, {@code /garbage} random bytes, {@code /status} a 503.
 */
final class MetricsEndpoint implements AutoCloseable {
    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "metrics-endpoint");
        t.setDaemon(true);
        return t;
    });
    private final long started = System.nanoTime();

    MetricsEndpoint() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                threads.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            String path = requestPath(client.getInputStream());
            OutputStream out = client.getOutputStream();
            switch (path) {
                case "/metrics" -> answer(out, metrics());
                case "/endless" -> {
                    out.write(head());
                    while (true) out.write("endless_gauge 1\n".repeat(64).getBytes(StandardCharsets.US_ASCII));
                }
                case "/trickle" -> {
                    out.write(head());
                    while (true) {
                        out.write('#');
                        out.flush();
                        Thread.sleep(100);
                    }
                }
                case "/silent" -> Thread.sleep(60_000);
                case "/huge" -> {
                    out.write(head());
                    byte[] block = "huge_gauge 1\n".repeat(8192).getBytes(StandardCharsets.US_ASCII);
                    for (int i = 0; i < 64 * 1024 * 1024 / block.length; i++) out.write(block);
                }
                case "/garbage" -> {
                    byte[] noise = new byte[100_000];
                    new Random(7).nextBytes(noise);
                    out.write(head());
                    out.write(noise);
                }
                default ->
                    out.write("HTTP/1.1 503 Unavailable\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException | InterruptedException e) {
            // the scraper hung up, as it should
        }
    }

    /** A counter growing 100/s, a gauge of the seconds since start, a summary whose mean is 5 ms. */
    private String metrics() {
        double seconds = (System.nanoTime() - started) / 1e9;
        long requests = (long) (seconds * 100);
        return "# TYPE test_requests counter\ntest_requests_total{uri=\"/a\"} " + requests + "\n"
                + "# TYPE test_clock_seconds gauge\ntest_clock_seconds " + seconds + "\n"
                + "# TYPE http_server_requests_seconds summary\n"
                + "http_server_requests_seconds_count{uri=\"/a\"} " + requests + "\n"
                + "http_server_requests_seconds_sum{uri=\"/a\"} " + requests * 0.005 + "\n"
                + "# TYPE process_cpu_usage gauge\nprocess_cpu_usage 0.5\n";
    }

    private static byte[] head() {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    }

    private static void answer(OutputStream out, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: " + bytes.length
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
    }

    private static String requestPath(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) line.append((char) c);
        String[] words = line.toString().split(" ");
        return words.length > 1 ? words[1] : "";
    }

    @Override
    public void close() throws IOException {
        socket.close();
        threads.shutdownNow();
    }
}
