package dev.keelson.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour on a terminal, none with NO_COLOR, TERM=dumb or output that is not a terminal. */
class ColoursTest {
    private static final String RED = "\033[31m";

    @TempDir
    Path dir;

    private InProcessKeelson.Run run(Map<String, String> env, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Keelson.run(args, new CliEnvironment(new PrintWriter(out), new PrintWriter(err), env, dir, terminal));
        return new InProcessKeelson.Run(code, out.toString(), err.toString());
    }

    @Test
    void onATerminalStatesAndErrorsAreColouredAndNoColorTurnsThemOff() throws Exception {
        Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(dir.resolve("db/migration/V1__a.sql"), "CREATE TABLE a (id INTEGER);\n");
        String[] status = {"db", "status", "--url", "jdbc:sqlite:" + dir.resolve("colours.db")};

        assertThat(run(Map.of(), true, status).out()).startsWith("State ").contains("\033[33mpending\033[0m");
        assertThat(run(Map.of("NO_COLOR", "1"), true, status).out()).doesNotContain("\033[");
        assertThat(run(Map.of("TERM", "dumb"), true, status).out()).doesNotContain("\033[");
        assertThat(run(Map.of(), false, status).out()).doesNotContain("\033[");

        assertThat(run(Map.of(), true, "db", "status").err()).startsWith(RED + "error\033[0m: No database URL");
        assertThat(run(Map.of("NO_COLOR", "1"), true, "db", "status").err()).startsWith("error: No database URL");
    }

    @Test
    void helpIsColouredOnlyOnATerminal() {
        assertThat(run(Map.of(), true, "db", "--help").out()).contains("\033[");
        assertThat(run(Map.of("NO_COLOR", "yes"), true, "db", "--help").out()).doesNotContain("\033[");
    }
}
