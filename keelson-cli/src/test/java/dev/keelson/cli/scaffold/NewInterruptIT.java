package dev.keelson.cli.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.KeelsonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ctrl-C or SIGTERM while {@code keelson new} writes, in a real process: it says that nothing was written, exits 130
 * and leaves nothing behind, neither the staging folder nor the parent folders {@code --dir} made. The signal arrives
 * while the first commit runs, held there by a {@code git} on the PATH that waits until it is killed.
 */
class NewInterruptIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void anInterruptWhileWritingLeavesNothingBehindAndSaysSo(String signal) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path committing = dir.resolve("committing");
        Path git = bin.resolve("git");
        Files.writeString(git, """
                #!/bin/sh
                case "$1" in
                  --version) echo "git version 2.99.0"; exit 0 ;;
                esac
                touch '%s'
                exec sleep 60
                """.formatted(committing));
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path parent = dir.resolve("work/nested");
        ProcessBuilder builder = KeelsonProcess.builder(dir, "new", "my-api", "--dir", parent.toString());
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        Process keelson = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(committing)) {
            assertThat(keelson.isAlive())
                    .as(Files.readString(dir.resolve("err.txt")))
                    .isTrue();
            assertThat(System.nanoTime()).as("git not reached within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(staging(parent))
                .as("the files are written into a staging folder first")
                .hasSize(1);

        KeelsonProcess.signal(keelson, signal);

        assertThat(keelson.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(keelson.exitValue()).as(err).isEqualTo(130);
        assertThat(err)
                .isEqualTo("interrupted: nothing was written, " + parent.resolve("my-api") + " was not created\n");
        assertThat(dir.resolve("work"))
                .as("the folders --dir made are removed too")
                .doesNotExist();
        assertThat(Files.readString(dir.resolve("out.txt"))).isEmpty();
    }

    private static List<Path> staging(Path parent) throws Exception {
        try (Stream<Path> children = Files.list(parent)) {
            return children.filter(p -> p.getFileName().toString().startsWith(".my-api.keelson-"))
                    .toList();
        }
    }
}
