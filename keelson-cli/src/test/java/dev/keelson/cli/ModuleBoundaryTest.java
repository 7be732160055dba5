package dev.keelson.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.load.LoadTest;
import dev.keelson.migrate.Migrator;
import dev.keelson.scaffold.Scaffold;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command runs its libraries on the class path, where {@code module-info} cannot stop it from reaching into their
 * internals; this test does: every package of keelson-migrate, keelson-load and keelson-scaffold that the command,
 * the Spring Boot starter or the Maven plugin names must be one the library's module descriptor exports.
 */
class ModuleBoundaryTest {
    /** A facade of each library with a {@code module-info}. */
    private static final List<Class<?>> LIBRARIES = List.of(Migrator.class, LoadTest.class, Scaffold.class);

    private static final Pattern LIBRARY_REFERENCE =
            Pattern.compile("\\bdev\\.keelson\\.(?:migrate|load|scaffold)(?:\\.[a-z][a-z0-9_]*)*(?=\\.[A-Z])");
    private static final List<Path> CONSUMERS = List.of(
            Path.of("src/main/java"),
            Path.of("../keelson-migrate-spring-boot-starter/src/main/java"),
            Path.of("../keelson-maven-plugin/src/main/java"));

    @Test
    void theCommandTheStarterAndThePluginUseOnlyWhatTheLibrariesExport() throws Exception {
        Set<String> exported = new TreeSet<>();
        for (Class<?> facade : LIBRARIES) {
            exported.addAll(exports(facade));
        }
        assertThat(exported)
                .contains("dev.keelson.migrate", "dev.keelson.load", "dev.keelson.scaffold")
                .noneMatch(p -> p.contains(".internal"));
        List<String> reachingIn = new ArrayList<>();
        for (Path root : CONSUMERS) {
            assertThat(root).isDirectory();
            Set<String> own = ownPackages(root);
            for (Path file : javaFiles(root)) {
                Matcher m = LIBRARY_REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!exported.contains(m.group()) && !own.contains(m.group())) {
                        reachingIn.add(root.relativize(file) + " uses " + m.group());
                    }
                }
            }
        }
        assertThat(reachingIn).isEmpty();
    }

    /** The packages the named module holding {@code type} exports to everyone; fails if it has no descriptor. */
    private static Set<String> exports(Class<?> type) throws URISyntaxException {
        Path location =
                Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor = ModuleFinder.of(location).findAll().stream()
                .map(ModuleReference::descriptor)
                .findFirst()
                .orElseThrow();
        assertThat(descriptor.isAutomatic()).as(location + " has a module-info").isFalse();
        return descriptor.exports().stream()
                .filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
    }

    private static Set<String> ownPackages(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> root.relativize(f.getParent()).toString().replace('/', '.'))
                    .collect(Collectors.toSet());
        }
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
