package dev.keelson.cli.demo;

import dev.keelson.cli.CommandFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The demo service as a child process ({@code java -jar}), its output in a log file. Ready when
 * {@code /health/ready} answers 200; stopped with SIGTERM so Spring Boot shuts down gracefully (in-flight requests
 * finish, the pool closes), and killed only if that takes longer than {@link #STOP_TIMEOUT}.
 */
@SuppressWarnings("try") // close() waits for the stop and may be interrupted, which ends the demo as Ctrl-C should
final class ServiceProcess implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(40);

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ServiceProcess start(Path jar, int port, Map<String, String> env, Path log) throws IOException {
        // the JDK that built it: the release archive's own runtime holds only the modules keelson uses
        String java = ProjectBuild.jdk().resolve("bin/java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-jar", jar.toString()))
                .directory(jar.getParent().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        return new ServiceProcess(builder.start(), log, port);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code /health/ready} answers 200. */
    void awaitReady() throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new CommandFailure("The service stopped while starting (exit " + process.exitValue()
                        + "); its end:\n" + ProjectBuild.tail(log) + "\nthe whole log is in " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // starting: the socket is there, the answer is not yet
            }
            Thread.sleep(250);
        }
        throw new CommandFailure("The service was not ready after " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** Blocks until the service exits by itself. */
    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** SIGTERM, then up to {@link #STOP_TIMEOUT} for a graceful shutdown; true when it stopped by itself. */
    boolean stop() throws InterruptedException {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            return true;
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
