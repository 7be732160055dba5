package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines added to {@code mvnw}, run by a real {@code /bin/sh} in front of a script that prints its JAVA_HOME. */
class WrapperJdkLookupTest {
    private static final Path RUNNING_JDK = Path.of(System.getProperty("java.home"));

    @TempDir
    Path dir;

    @Test
    void anOlderJdkInJavaHomeIsReplacedByTheJdkOnThePath() throws Exception {
        Path old = fakeJdk("17.0.15");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), RUNNING_JDK.resolve("bin/java"));

        String javaHome = run(Map.of("JAVA_HOME", old.toString(), "PATH", bin + ":/usr/bin:/bin"));

        assertThat(Path.of(javaHome).toRealPath()).isEqualTo(RUNNING_JDK.toRealPath());
    }

    @Test
    void aJavaHomeOfTheRightReleaseIsKept() throws Exception {
        Path current = fakeJdk("99.0.1");

        assertThat(run(Map.of("JAVA_HOME", current.toString(), "PATH", "/usr/bin:/bin")))
                .isEqualTo(current.toString());
    }

    @Test
    void theLinesGoRightAfterTheInterpreterLine() {
        String mvnw = WrapperJdkLookup.addTo("#!/bin/sh\n# licence\necho maven\n", "21");

        assertThat(mvnw)
                .startsWith("#!/bin/sh\n# ---- added by keelson new: use a JDK 21+")
                .endsWith("# licence\necho maven\n")
                .contains("[ \"$keelson_v\" -ge 21 ]");
    }

    private Path fakeJdk(String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version + "/bin"));
        for (String tool : new String[] {"java", "javac"}) {
            Files.writeString(home.resolve(tool), "#!/bin/sh\nexit 0\n");
            home.resolve(tool).toFile().setExecutable(true);
        }
        Files.writeString(home.getParent().resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home.getParent();
    }

    private String run(Map<String, String> env) throws Exception {
        Path script = dir.resolve("mvnw");
        Files.writeString(script, WrapperJdkLookup.addTo("#!/bin/sh\necho \"$JAVA_HOME\"\n", "21"));
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", script.toString()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }
}
