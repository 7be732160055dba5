package dev.keelson.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code keelson} as a real process, for the tests that need one (signals, the locale, the environment): the test's
 * own JVM and class path running {@link Keelson#main}, in {@code dir}, its output and errors in {@code out.txt} and
 * {@code err.txt} there unless the caller redirects them.
 */
public final class KeelsonProcess {
    private KeelsonProcess() {}

    /** A process builder for {@code keelson ARGS...} in {@code dir}. */
    public static ProcessBuilder builder(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Keelson.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
    }

    /** Sends {@code signal} ({@code INT}, {@code TERM}) to {@code process}, as Ctrl-C or a service manager would. */
    public static void signal(Process process, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                .start()
                .waitFor();
    }
}
