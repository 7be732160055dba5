package dev.keelson.cli.demo;

import dev.keelson.cli.CommandFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the demo project's jar with Maven ({@code mvn} on the PATH, else the project's {@code ./mvnw}), without its
 * tests, unless the jar is newer than every source file and the pom. The output goes to {@code target/demo-build.log}
 * inside the project; a heartbeat says the build is still going.
 */
final class ProjectBuild {
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final Path project;
    private final String name;

    ProjectBuild(Path project, String name) {
        this.project = project;
        this.name = name;
    }

    Path jar() {
        return project.resolve("target").resolve(name + "-0.1.0-SNAPSHOT.jar");
    }

    /** True when the jar exists and nothing it is built from changed since. */
    boolean upToDate() throws IOException {
        if (!Files.isRegularFile(jar())) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(jar());
        try (Stream<Path> sources =
                Stream.concat(Stream.of(project.resolve("pom.xml")), Files.walk(project.resolve("src")))) {
            return sources.filter(Files::isRegularFile)
                    .allMatch(f -> lastModified(f).compareTo(built) <= 0);
        }
    }

    void run(Steps steps) throws IOException, InterruptedException {
        Path log = project.resolve("target/demo-build.log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(maven());
        command.addAll(List.of("-B", "-ntp", "-DskipTests", "package"));
        steps.note("$ " + String.join(" ", command) + "   (output: " + project.relativize(log) + ")");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", jdk().toString());
        Process process = builder.start();
        long waited = 0;
        while (!process.waitFor(HEARTBEAT.toSeconds(), TimeUnit.SECONDS)) {
            waited += HEARTBEAT.toSeconds();
            if (waited >= TIMEOUT.toSeconds()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new CommandFailure("The build did not finish in " + TIMEOUT.toMinutes() + " minutes; see " + log);
            }
            steps.note("still building (" + waited + " s; the first build downloads the dependencies)");
        }
        if (process.exitValue() != 0) {
            throw new CommandFailure("The build of " + project + " failed (exit " + process.exitValue()
                    + "); its end:\n" + tail(log) + "\nthe whole output is in " + log);
        }
    }

    /**
     * The JDK Maven builds with: the one running keelson, else {@code JAVA_HOME}. The release archive's runtime has
     * no compiler, so from there the build needs a JDK of the user's.
     */
    static Path jdk() {
        Path running = Path.of(System.getProperty("java.home"));
        if (Files.isExecutable(running.resolve("bin/javac"))) {
            return running;
        }
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank() && Files.isExecutable(Path.of(javaHome, "bin", "javac"))) {
            return Path.of(javaHome);
        }
        throw new CommandFailure("The demo builds the generated service with Maven, which needs a JDK 21+ (javac), and"
                + " keelson runs on a Java runtime without one (" + running + "): set JAVA_HOME to a JDK 21+.");
    }

    /** {@code mvn} when it is on the PATH (it shares the local repository the user already has), else the wrapper. */
    private List<String> maven() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "mvn"))) {
                return List.of(Path.of(dir, "mvn").toString());
            }
        }
        return List.of(project.resolve("mvnw").toString());
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE); // unreadable: rebuild
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(" + log + " cannot be read: " + e.getMessage() + ")";
        }
    }
}
