package dev.keelson.reference.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.ServiceTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Dockerfile's {@code HEALTHCHECK}, checked without a Docker engine: its options are sane, and its very command
 * (read from the Dockerfile, run with bash as the container would) passes against the running service and fails
 * where nothing answers.
 */
class DockerfileHealthcheckIT extends ServiceTest {
    @LocalServerPort
    private int port;

    @Test
    void theHealthcheckPassesAgainstTheRunningServiceAndFailsWithoutIt() throws Exception {
        List<String> command = healthcheck();
        assertThat(command.subList(0, 2)).containsExactly("bash", "-c");
        int closed = closedPort();

        assertThat(run(command, closed, port))
                .as("management port closed, API port up")
                .isZero();
        assertThat(run(command, port, closed))
                .as("health on the management port")
                .isZero();
        assertThat(run(command, closed, closed)).as("nothing listening").isNotZero();
    }

    @Test
    void theHealthcheckWaitsForStartUpAndTimesOut() throws IOException {
        String line = dockerfile().stream()
                .filter(l -> l.startsWith("HEALTHCHECK"))
                .findFirst()
                .orElseThrow();

        assertThat(line)
                .contains("--interval=")
                .contains("--timeout=")
                .contains("--start-period=")
                .contains("--retries=");
    }

    private static List<String> dockerfile() throws IOException {
        return Files.readAllLines(Path.of("Dockerfile"));
    }

    /** The JSON array after {@code CMD} of the {@code HEALTHCHECK} instruction (continuation lines joined). */
    private static List<String> healthcheck() throws IOException {
        String joined = String.join("\n", dockerfile()).replace("\\\n", " ");
        String instruction = joined.lines()
                .filter(l -> l.startsWith("HEALTHCHECK"))
                .findFirst()
                .orElseThrow();
        String array = instruction.substring(instruction.indexOf("CMD") + 3).strip();
        return List.of(JsonMapper.builder().build().readValue(array, String[].class));
    }

    private static int run(List<String> command, int managementPort, int serverPort) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        builder.environment().put("SERVER_PORT", Integer.toString(serverPort));
        Process process = builder.start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
