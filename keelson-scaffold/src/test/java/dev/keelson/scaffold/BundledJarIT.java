package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, not target/classes, is what {@code keelson new} reads at a user's: every file the build packed
 * for the scaffold (the template with its dot-files, the wrapper, the manifest) must reach it. The jar plugin's
 * default excludes once dropped the template's {@code .gitignore}, so projects had none.
 */
class BundledJarIT {
    private static final String ROOT = "dev/keelson/scaffold/";

    @Test
    void everyPackedFileOfTheScaffoldReachesTheJar() throws IOException {
        Path classes = Path.of(System.getProperty("keelson.scaffoldClasses"));
        List<String> packed;
        try (Stream<Path> files = Files.walk(classes.resolve(ROOT))) {
            packed = files.filter(Files::isRegularFile)
                    .map(f -> classes.relativize(f).toString().replace('\\', '/'))
                    .toList();
        }
        List<String> inJar;
        try (JarFile jar = new JarFile(System.getProperty("keelson.scaffoldJar"))) {
            inJar = jar.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.startsWith(ROOT) && !n.endsWith("/"))
                    .toList();
        }
        assertThat(packed).contains(ROOT + "template/.gitignore", ROOT + "template/.dockerignore");
        assertThat(inJar).containsExactlyInAnyOrderElementsOf(packed);
    }
}
