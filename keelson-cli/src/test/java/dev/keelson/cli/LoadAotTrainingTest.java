package dev.keelson.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class LoadAotTrainingTest {
    @TempDir
    Path scratch;

    @Test
    void theTrainingRunLoadsItsTargetWithoutAnError() throws Exception {
        LoadAotTraining.main(new String[] {scratch.toString()});

        JsonNode closed = new ObjectMapper().readTree(Files.readString(scratch.resolve("closed.json")));
        assertThat(closed.findValue("requests").asLong()).isGreaterThan(1_000);
        assertThat(closed.findValue("errors").asLong()).isZero();
        JsonNode h2 = new ObjectMapper().readTree(Files.readString(scratch.resolve("h2.json")));
        assertThat(h2.findValue("requests").asLong()).isGreaterThan(1_000);
        assertThat(h2.findValue("errors").asLong()).isZero();
        assertThat(h2.path("protocols").path("h2c").asInt()).isEqualTo(10);
    }

    @Test
    void theTargetAnswersEveryRequestOfALoadRun() throws Exception {
        StringWriter out = new StringWriter();
        var environment =
                new CliEnvironment(new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of(), scratch, false);
        try (var target = new LoadTrainingTarget()) {
            int code = Keelson.run(
                    new String[] {"load", target.url(), "--requests", "500", "--users", "1", "--output", "json"},
                    environment);

            assertThat(code).isZero();
        }
        JsonNode run = new ObjectMapper().readTree(out.toString());
        assertThat(run.findValue("requests").asLong()).isEqualTo(500);
        assertThat(run.findValue("errors").asLong()).isZero();
    }
}
