package dev.keelson.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code keelson} in-process in a working directory, capturing what it prints and its exit code. */
public record InProcessKeelson(Path workingDir) {

    /** What one run printed and returned. */
    public record Run(int exitCode, String out, String err) {}

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Keelson.run(
                args, new CliEnvironment(new PrintWriter(out), new PrintWriter(err), Map.of(), workingDir, false));
        return new Run(code, out.toString(), err.toString());
    }
}
