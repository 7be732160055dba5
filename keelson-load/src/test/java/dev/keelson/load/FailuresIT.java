package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.load.report.HtmlReport;
import dev.keelson.load.report.JsonReport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FailuresIT {
    @Test
    void requestsWithoutAnAnswerInTimeFailAsTimeouts() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            long start = System.nanoTime();
            LoadResult result = LoadTest.configure()
                    .url(server.url("/slow?ms=3000"))
                    .users(2)
                    .requests(6)
                    .timeout(Duration.ofMillis(200))
                    .build()
                    .run();

            assertThat(result.errorKinds()).containsEntry(ErrorKind.TIMEOUT, 6L);
            assertThat(result.requests()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void aRefusedConnectionFailsBeforeAnyLoad() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        LoadTest test = LoadTest.configure()
                .url("http://127.0.0.1:" + port + "/")
                .requests(10)
                .build();

        assertThatThrownBy(test::run).isInstanceOfSatisfying(LoadException.class, e -> {
            assertThat(e.code()).isEqualTo(LoadErrorCode.CONNECTION_REFUSED);
            assertThat(e.getMessage()).contains("127.0.0.1:" + port).contains("is the server running?");
        });
    }

    @Test
    void anUnknownHostFailsBeforeAnyLoad() {
        LoadTest test = LoadTest.configure()
                .url("http://no-such-host.invalid/")
                .requests(10)
                .build();

        assertThatThrownBy(test::run)
                .isInstanceOfSatisfying(
                        LoadException.class, e -> assertThat(e.code()).isEqualTo(LoadErrorCode.UNKNOWN_HOST));
    }

    @Test
    void connectionsResetByTheServerAreCountedAsResets() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> resetEveryRequest(server));
            LoadResult result = LoadTest.configure()
                    .url("http://127.0.0.1:" + server.getLocalPort() + "/")
                    .users(2)
                    .requests(20)
                    .build()
                    .run();
            acceptor.interrupt();

            assertThat(result.errorKinds()).containsEntry(ErrorKind.RESET, 20L);
            assertThat(result.requests()).isZero();
        }
    }

    private static void resetEveryRequest(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> {
                    try (socket;
                            InputStream in = socket.getInputStream()) {
                        if (in.read() < 0) return; // the probe: closes without a request
                        socket.setSoLinger(true, 0);
                    } catch (IOException ignored) {
                        // the client went away first
                    }
                });
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Test
    void aServerDyingMidRunEndsTheRunWithErrorsCountedAndReportsIntact() throws Exception {
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try (TargetServer server = TargetServer.http()) {
            killer.schedule(server::kill, 800, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .users(4)
                    .duration(Duration.ofSeconds(2))
                    .build()
                    .run();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(result.requests()).isPositive();
            assertThat(result.errors()).isPositive();
            assertThat(result.errorKinds()).containsKey(ErrorKind.CONNECT);
            assertThat(JsonReport.render(result)).contains("\"histogram\"");
            assertThat(HtmlReport.render(result)).contains("<svg").contains("connect");
        } finally {
            killer.shutdownNow();
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void anOpenModelRunWithARequestBudgetEndsWhenTheServerIsGone() throws Exception {
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try (TargetServer server = TargetServer.http()) {
            killer.schedule(server::kill, 500, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .rate(100)
                    .users(4)
                    .requests(200)
                    .build()
                    .run();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
            assertThat(result.requests() + result.errors()).isGreaterThanOrEqualTo(200);
            assertThat(result.errorKinds()).containsKey(ErrorKind.CONNECT);
        } finally {
            killer.shutdownNow();
        }
    }
}
