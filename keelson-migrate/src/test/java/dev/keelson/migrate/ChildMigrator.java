package dev.keelson.migrate;

import dev.keelson.migrate.testing.TestDatabase;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A {@link MigratorMain} in a real child process, whose output lines a test can wait for, and kill with SIGKILL. */
final class ChildMigrator implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ChildMigrator(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().start(this::read);
    }

    /** Starts a child migrating {@code dir} on {@code db}; {@code extra}: stale period in ms, then the pause SQL. */
    static ChildMigrator start(TestDatabase db, Path dir, String... extra) throws IOException {
        return start(db.url(), nullToEmpty(db.user()), nullToEmpty(db.password()), dir, extra);
    }

    /** Starts a child migrating {@code dir} on the database {@code url} names (JDBC or MongoDB). */
    static ChildMigrator start(String url, String user, String password, Path dir, String... extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp",
                classPath(),
                MigratorMain.class.getName(),
                url,
                user,
                password,
                dir.toString()));
        command.addAll(List.of(extra));
        return new ChildMigrator(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * The test's class path, plus its module path: the tests run in the patched {@code dev.keelson.migrate} module,
     * whose jar is on the module path; the child runs it on the class path.
     */
    private static String classPath() {
        String modules = System.getProperty("jdk.module.path", "");
        String classes = System.getProperty("java.class.path");
        return modules.isEmpty() ? classes : classes + File.pathSeparator + modules;
    }

    private void read() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException ended) {
            // the process was killed
        }
    }

    /** Waits until the child printed {@code line}. */
    void await(String line, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!lines.contains(line)) {
            if (System.nanoTime() > end || !process.isAlive() && !lines.contains(line)) {
                throw new AssertionError("the child never printed '" + line + "'; its output: " + output());
            }
            Thread.sleep(20);
        }
    }

    /** SIGKILL: no shutdown hook, no finally block, no connection closed politely. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the child to exit by itself; returns its {@code applied=N} line. */
    String finish() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            throw new AssertionError("the child did not finish; its output: " + output());
        }
        Thread.sleep(50); // the reader thread takes the last lines
        if (process.exitValue() != 0) {
            throw new AssertionError("the child exited with " + process.exitValue() + ": " + output());
        }
        return lines.stream().filter(l -> l.startsWith("applied=")).findFirst().orElse(output());
    }

    long pid() {
        return process.pid();
    }

    String output() {
        return String.join("\n", lines);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
