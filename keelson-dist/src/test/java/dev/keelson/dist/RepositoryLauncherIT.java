package dev.keelson.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contributor's launcher, {@code ./keelson} of the clone, works when symlinked onto the PATH. */
class RepositoryLauncherIT {
    @TempDir
    Path dir;

    @Test
    void aSymlinkToTheClonesLauncherFindsTheClone() throws Exception {
        Path clone = Path.of(System.getProperty("user.dir")).getParent();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("keelson"), clone.resolve("keelson"));
        Path out = dir.resolve("out.txt");

        Process process = new ProcessBuilder(bin.resolve("keelson").toString(), "--version")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();

        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(out)).isZero();
        assertThat(Files.readString(out)).contains("keelson " + System.getProperty("keelson.version"));
    }
}
