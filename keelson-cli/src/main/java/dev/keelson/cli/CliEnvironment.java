package dev.keelson.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world, injected so tests run commands in-process and assert the
 * exact output.
 *
 * @param out         standard output
 * @param err         standard error
 * @param env         environment variables
 * @param workingDir  the directory relative paths and {@code keelson.properties} are resolved against
 * @param interactive true when output goes to a terminal (progress may redraw one line)
 */
public record CliEnvironment(
        PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir, boolean interactive) {

    public static CliEnvironment system() {
        return new CliEnvironment(
                new PrintWriter(System.out, true),
                new PrintWriter(System.err, true),
                System.getenv(),
                Path.of("").toAbsolutePath(),
                System.console() != null);
    }

    /** Resolves a user-given path against the working directory. */
    public Path resolve(String path) {
        return workingDir.resolve(path).normalize();
    }
}
