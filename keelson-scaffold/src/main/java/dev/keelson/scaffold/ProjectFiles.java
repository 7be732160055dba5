package dev.keelson.scaffold;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives a project's files from the bundle: the reference service's files without the removed features (manifest
 * entries and line markers), renamed, with a standalone pom, plus the project's own README, {@code .gitignore}, Maven
 * Wrapper and the local repository that holds keelson-migrate. Then checks that no removed feature left a trace.
 */
final class ProjectFiles {
    private static final Set<String> TEXT_ENDINGS = Set.of(
            ".java",
            ".xml",
            ".yaml",
            ".yml",
            ".properties",
            ".sql",
            ".md",
            ".txt",
            ".factories",
            ".imports",
            ".graphqls",
            ".graphql",
            ".json",
            ".html",
            ".cmd",
            ".sh",
            "Dockerfile",
            ".gitignore",
            ".dockerignore");
    private static final List<String> GITIGNORE_EXTRA = List.of("target/", ".data/", ".idea/", "*.iml", ".vscode/");

    private final Bundle bundle;
    private final ProjectSpec spec;
    private final Names names;

    ProjectFiles(Bundle bundle, ProjectSpec spec) {
        this.bundle = bundle;
        this.spec = spec;
        this.names = new Names(spec.name(), spec.packageName(), spec.groupId());
    }

    /** Every file of the project, sorted by path. */
    List<ProjectFile> derive() {
        List<ProjectFile> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : bundle.template().entrySet()) {
            String path = file.getKey();
            if (!removed(path) && !path.equals("pom.xml")) {
                files.add(fromTemplate(path, file.getValue()));
            }
        }
        checkYamlEntries();
        String migrateVersion = migrateVersion();
        files.add(ProjectFile.text("pom.xml", pom(migrateVersion)));
        files.add(ProjectFile.text("README.md", readme()));
        files.addAll(LoadScenario.files(spec.features()));
        files.addAll(wrapper());
        files.addAll(localRepository(migrateVersion));
        files.sort(Comparator.comparing(ProjectFile::path));
        new Residue(bundle.manifest(), spec.features()).check(files);
        return files;
    }

    private boolean removed(String path) {
        return bundle.manifest().removed(Manifest.Files.class, spec.features()).stream()
                .anyMatch(f -> f.matches(path));
    }

    private ProjectFile fromTemplate(String path, byte[] content) {
        if (!isText(path)) {
            return new ProjectFile(names.path(path), content, false);
        }
        String text = new String(content, StandardCharsets.UTF_8);
        String stripped = strip(path, text);
        if (path.endsWith(".java") && !stripped.equals(text)) {
            stripped = UnusedImports.remove(stripped, path);
        }
        if (path.equals(".gitignore")) {
            stripped = gitignore(stripped);
        }
        return ProjectFile.text(names.path(path), names.text(stripped));
    }

    /** The text without the lines and YAML keys of removed features. */
    private String strip(String path, String text) {
        String out = LineMarkers.present(text) ? LineMarkers.apply(text, path, spec.features()) : text;
        for (Manifest.YamlKey key : bundle.manifest().removed(Manifest.YamlKey.class, spec.features())) {
            if (key.file().equals(path)) {
                out = YamlKeys.remove(out, path, key.key());
            }
        }
        return out;
    }

    /** A YAML entry must name a file of the template, unless a removed feature took that file away entirely. */
    private void checkYamlEntries() {
        for (Manifest.YamlKey key : bundle.manifest().all(Manifest.YamlKey.class)) {
            if (!bundle.template().containsKey(key.file())) {
                throw new ScaffoldException(
                        ScaffoldErrorCode.TEMPLATE_BROKEN,
                        "features.txt:" + key.line() + ": " + "reference-service has no file " + key.file());
            }
        }
    }

    private String pom(String migrateVersion) {
        String reference = new String(bundle.template().get("pom.xml"), StandardCharsets.UTF_8);
        String stripped = strip("pom.xml", reference);
        StandalonePom pom = new StandalonePom(
                Pom.parse(stripped, "reference-service/pom.xml"),
                Pom.parse(bundle.reactorPom(), "the root pom.xml"),
                bundle.manifest(),
                spec.features(),
                names,
                bundle.version("spring-boot.version"),
                bundle.version("java.release"),
                migrateVersion);
        return names.text(pom.render());
    }

    private String readme() {
        String text = LineMarkers.apply(bundle.readme(), "project-readme.md", spec.features());
        return text.replace("{{name}}", spec.name())
                .replace("{{package}}", spec.packageName())
                .replace("{{group}}", spec.groupId())
                .replace("{{Application}}", names.className() + "Application")
                .replace("{{keelsonVersion}}", bundle.version("keelson.version"))
                .replace("{{migrateVersion}}", migrateVersion())
                .replace("{{javaRelease}}", bundle.version("java.release"));
    }

    private static String gitignore(String reference) {
        Set<String> lines = new LinkedHashSet<>(reference.lines().toList());
        lines.addAll(GITIGNORE_EXTRA);
        return String.join("\n", lines) + "\n";
    }

    private List<ProjectFile> wrapper() {
        String properties =
                """
                # Apache Maven Wrapper %s: ./mvnw runs Maven %s, downloaded once from Maven Central.
                wrapperVersion=%1$s
                distributionType=only-script
                distributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/%2$s/apache-maven-%2$s-bin.zip
                """.formatted(bundle.version("maven-wrapper.version"), bundle.version("wrapper-maven.version"));
        return List.of(
                new ProjectFile(
                        "mvnw",
                        WrapperJdkLookup.addTo(
                                        new String(bundle.wrapper().get("mvnw"), StandardCharsets.UTF_8),
                                        bundle.version("java.release"))
                                .getBytes(StandardCharsets.UTF_8),
                        true),
                new ProjectFile("mvnw.cmd", bundle.wrapper().get("mvnw.cmd"), false),
                ProjectFile.text(".mvn/wrapper/maven-wrapper.properties", properties));
    }

    /**
     * The run-time dependencies of the starter, which its pom in the project's repository lists (keelson-migrate's
     * has none): Spring Boot's, at the project's Spring Boot version. {@code ManifestCoverageTest} checks them
     * against the starter's real pom.
     */
    static final List<String> STARTER_DEPENDENCIES =
            List.of("org.springframework.boot:spring-boot-autoconfigure", "org.springframework.boot:spring-boot-sql");

    /**
     * Keelson's jars (keelson-migrate, its starter, the Maven plugin) and a pom for each, in the layout of a Maven
     * repository.
     */
    private List<ProjectFile> localRepository(String version) {
        List<ProjectFile> files = new ArrayList<>();
        for (Map.Entry<String, byte[]> jar : bundle.keelsonJars().entrySet()) {
            String artifact = jar.getKey();
            String folder = StandalonePom.LOCAL_REPOSITORY + "/dev/keelson/" + artifact + "/" + version + "/";
            byte[] content = artifact.equals("keelson-maven-plugin")
                    ? PluginJar.withVersion(jar.getValue(), bundle.version("keelson.version"), version)
                    : jar.getValue();
            files.add(new ProjectFile(folder + artifact + "-" + version + ".jar", content, false));
            files.add(ProjectFile.text(folder + artifact + "-" + version + ".pom", artifactPom(artifact, version)));
        }
        return files;
    }

    private String artifactPom(String artifact, String version) {
        StringBuilder dependencies = new StringBuilder();
        String packaging = "jar";
        if (artifact.equals("keelson-migrate-spring-boot-starter")) {
            dependencies.append(dependency("dev.keelson:keelson-migrate", version));
            STARTER_DEPENDENCIES.forEach(
                    d -> dependencies.append(dependency(d, bundle.version("spring-boot.version"))));
        } else if (artifact.equals("keelson-maven-plugin")) {
            // of the drivers the plugin carries, the one the service's database needs
            packaging = "maven-plugin";
            dependencies.append(dependency("dev.keelson:keelson-migrate", version));
            dependencies.append(dependency("org.postgresql:postgresql", bundle.version("postgresql.version")));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- %s as built by Keelson %s; keelson new copied it here until it is on Maven Central -->
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.keelson</groupId>
                  <artifactId>%1$s</artifactId>
                  <version>%s</version>
                  <packaging>%s</packaging>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(artifact, bundle.version("keelson.version"), version, packaging, dependencies);
    }

    private static String dependency(String coordinates, String version) {
        String[] parts = coordinates.split(":");
        return """
                    <dependency>
                      <groupId>%s</groupId>
                      <artifactId>%s</artifactId>
                      <version>%s</version>
                    </dependency>
                """.formatted(parts[0], parts[1], version);
    }

    /**
     * The version Keelson's jars get in the project's repository: Keelson's own for a release; for a development
     * build ({@code -SNAPSHOT}) one that names the jars' content ({@code 0.1.0-dev.1a2b3c4d}), so Maven never
     * serves a stale copy of an earlier build from its cache.
     */
    String migrateVersion() {
        String keelson = bundle.version("keelson.version");
        if (!keelson.endsWith("-SNAPSHOT")) {
            return keelson;
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            bundle.keelsonJars().values().forEach(sha256::update);
            byte[] digest = sha256.digest();
            return keelson.substring(0, keelson.length() - "-SNAPSHOT".length()) + "-dev."
                    + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean isText(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return TEXT_ENDINGS.stream().anyMatch(file::endsWith);
    }
}
