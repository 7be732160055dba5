package dev.keelson.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What keelson-scaffold's build packed into its jar: the reference service's files, the reactor's root pom,
 * keelson-migrate's jar, the Maven Wrapper scripts, the versions, the manifest and the project README template.
 *
 * @param template      the reference service's files by path relative to reference-service/ ({@code /} separators)
 * @param reactorPom    the reactor's root pom
 * @param keelsonJars   Keelson's libraries the project depends on, by artifact id, in {@link #KEELSON_ARTIFACTS}
 *                      order: keelson-migrate, its Spring Boot starter and the Maven plugin
 * @param wrapper       {@code mvnw} and {@code mvnw.cmd}
 * @param versions      {@code scaffold.properties}: Keelson's, Spring Boot's, Java's, the wrapper's and Maven's version
 * @param manifest      {@code features.txt}
 * @param readme        the template of the project's README.md
 */
record Bundle(
        Map<String, byte[]> template,
        String reactorPom,
        Map<String, byte[]> keelsonJars,
        Map<String, byte[]> wrapper,
        Properties versions,
        Manifest manifest,
        String readme) {
    private static final String ROOT = "/dev/keelson/scaffold/";
    /** The artifacts keelson-scaffold's build packs into {@code migrate/ARTIFACT.jar}. */
    static final List<String> KEELSON_ARTIFACTS =
            List.of("keelson-migrate", "keelson-migrate-spring-boot-starter", "keelson-maven-plugin");

    static Bundle load() {
        Map<String, byte[]> jars = new LinkedHashMap<>();
        KEELSON_ARTIFACTS.forEach(artifact -> jars.put(artifact, bytes("migrate/" + artifact + ".jar")));
        return new Bundle(
                readTemplate(),
                text("reactor/pom.xml"),
                jars,
                Map.of("mvnw", bytes("wrapper/mvnw"), "mvnw.cmd", bytes("wrapper/mvnw.cmd")),
                readVersions(),
                Manifest.bundled(),
                text("project-readme.md"));
    }

    String version(String key) {
        String value = versions.getProperty(key);
        if (value == null) {
            throw missing("scaffold.properties: " + key);
        }
        return value;
    }

    private static Properties readVersions() {
        Properties properties = new Properties();
        try (InputStream in = open("scaffold.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = open(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = Bundle.class.getResourceAsStream(ROOT + resource);
        if (in == null) {
            throw missing(resource);
        }
        return in;
    }

    /** Every file under {@code template/}, read from the jar or, in a build, from target/classes. */
    private static Map<String, byte[]> readTemplate() {
        URL marker = Bundle.class.getResource(ROOT + "template/pom.xml");
        if (marker == null) {
            throw missing("template/pom.xml");
        }
        try {
            if (marker.getProtocol().equals("jar")) {
                Path jar = Path.of(((JarURLConnection) marker.openConnection())
                        .getJarFileURL()
                        .toURI());
                try (FileSystem zip = FileSystems.newFileSystem(jar)) {
                    return read(zip.getPath(ROOT + "template"));
                }
            }
            return read(Path.of(marker.toURI()).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> read(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static ScaffoldException missing(String what) {
        return new ScaffoldException(
                ScaffoldErrorCode.TEMPLATE_BROKEN,
                "keelson-scaffold's jar lacks " + what + ": rebuild Keelson (mvn -pl keelson-scaffold -am package)");
    }
}
