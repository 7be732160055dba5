package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.Keelson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code keelson} in-process with captured output, given environment variables and a working directory. */
record Cli(Map<String, String> env, Path workingDir) {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        String firstErrLine() {
            return err.lines().findFirst().orElse("");
        }
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Keelson.run(
                args, new CliEnvironment(new PrintWriter(out), new PrintWriter(err), env, workingDir, false));
        return new Run(
                code,
                out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }
}
