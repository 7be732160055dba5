package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the reference service's pom (a child of Keelson's reactor) into a standalone one: Spring Boot's parent,
 * and from the reactor's root pom exactly the versions this project needs — the dependencyManagement entries of the
 * dependencies it keeps, the pins and BOMs the manifest lists, and every plugin version — so a generated project
 * resolves the same artifacts the reactor built and tested the reference service with. Dependencies of removed
 * features are dropped.
 *
 * @param reference     the reference service's pom
 * @param reactor       the reactor's root pom
 * @param manifest      the feature manifest
 * @param kept          the features the project keeps
 * @param names         the project's names
 * @param bootVersion   Spring Boot's version (the parent)
 * @param javaRelease   the Java release to compile for
 * @param migrateVersion the version under which keelson-migrate sits in the project's own repository
 */
record StandalonePom(
        Pom reference,
        Pom reactor,
        Manifest manifest,
        Set<Feature> kept,
        Names names,
        String bootVersion,
        String javaRelease,
        String migrateVersion) {
    /** Keelson's own libraries: their version is the one they have in the project's repository. */
    private static final Set<String> KEELSON =
            Set.of("dev.keelson:keelson-migrate", "dev.keelson:keelson-migrate-spring-boot-starter");

    static final String LOCAL_REPOSITORY = ".mvn/repository";

    String render() {
        List<Pom.Block> dependencies = keptDependencies();
        Set<String> used = dependencies.stream().map(Pom.Block::coordinates).collect(Collectors.toSet());
        List<String> managed = managedEntries(used);
        List<PluginVersion> plugins = pluginVersions();
        StringBuilder pom = new StringBuilder();
        pom.append(header());
        pom.append(properties(plugins));
        pom.append("\n  <dependencyManagement>\n    <dependencies>\n");
        managed.forEach(b -> pom.append(b).append('\n'));
        pom.append("    </dependencies>\n  </dependencyManagement>\n\n  <dependencies>\n");
        dependencies.forEach(b -> pom.append(b.text()).append('\n'));
        pom.append("  </dependencies>\n");
        pom.append(repositories());
        pom.append(build(plugins));
        pom.append("</project>\n");
        return pom.toString();
    }

    /** The reference pom's dependencies without those of removed features. */
    List<Pom.Block> keptDependencies() {
        List<Pom.Block> all = reference.dependencies();
        Set<String> present = all.stream().map(Pom.Block::coordinates).collect(Collectors.toSet());
        Set<String> removed = new LinkedHashSet<>();
        for (Manifest.Dependency d : manifest.removed(Manifest.Dependency.class, kept)) {
            if (!present.contains(d.coordinates())) {
                throw new ScaffoldException(
                        ScaffoldErrorCode.TEMPLATE_BROKEN,
                        "features.txt:" + d.line() + ": reference-service" + "/pom.xml has no dependency "
                                + d.coordinates());
            }
            removed.add(d.coordinates());
        }
        return all.stream().filter(b -> !removed.contains(b.coordinates())).toList();
    }

    /**
     * The root pom's dependencyManagement entries this project needs, with literal versions: a property named like
     * one of Spring Boot's ({@code slf4j.version}) would also move every other artifact Spring Boot manages with it.
     */
    private List<String> managedEntries(Set<String> used) {
        Set<String> declared =
                reference.dependencies().stream().map(Pom.Block::coordinates).collect(Collectors.toSet());
        Map<String, Manifest.Managed> classified = manifest.all(Manifest.Managed.class).stream()
                .collect(Collectors.toMap(Manifest.Managed::coordinates, m -> m, (a, b) -> a, LinkedHashMap::new));
        List<String> kept = new ArrayList<>();
        for (Pom.Block entry : reactor.managedDependencies()) {
            if (wanted(entry.coordinates(), classified.get(entry.coordinates()), declared, used)) {
                kept.add(KEELSON.contains(entry.coordinates()) ? migrateEntry(entry) : literal(entry));
            }
        }
        return kept;
    }

    /** The entry with its {@code ${property}} version replaced by the value, the property's comment kept. */
    private String literal(Pom.Block entry) {
        Optional<String> property = entry.child("version").flatMap(StandalonePom::propertyName);
        if (property.isEmpty()) {
            return entry.text();
        }
        Pom.Property root = rootProperty(property.get());
        return entry.textWith("version", root.value(), root.comment());
    }

    /** {@code name} of a version written {@code ${name}}. */
    private static Optional<String> propertyName(String version) {
        return version.startsWith("${") && version.endsWith("}")
                ? Optional.of(version.substring(2, version.length() - 1))
                : Optional.empty();
    }

    private Pom.Property rootProperty(String name) {
        return reactor.properties().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ScaffoldException(
                        ScaffoldErrorCode.TEMPLATE_BROKEN, "The root pom has no property " + name));
    }

    /**
     * Whether an entry of the root pom's dependencyManagement goes into the generated pom's: one the reference service
     * declares goes when the project keeps that dependency (not when a removed feature took it away).
     */
    private boolean wanted(String coordinates, Manifest.Managed how, Set<String> declared, Set<String> used) {
        if (how == null) {
            if (!declared.contains(coordinates) && !KEELSON.contains(coordinates)) {
                throw new ScaffoldException(
                        ScaffoldErrorCode.TEMPLATE_BROKEN,
                        "The root pom manages " + coordinates
                                + ", which reference-service does not use: say in keelson-scaffold's features.txt whether "
                                + "generated projects need it (managed FEATURE ... pin|import|boot-property, or managed - for "
                                + "Keelson's own tooling)");
            }
            return used.contains(coordinates);
        }
        return switch (how.how()) {
            case PIN, IMPORT -> how.condition().holds(kept) || used.contains(coordinates);
            case BOOT_PROPERTY, REACTOR_ONLY -> false;
        };
    }

    private String migrateEntry(Pom.Block entry) {
        return entry.textWith("version", "${keelson-migrate.version}", null);
    }

    /** A version-only pluginManagement entry. */
    private record PluginVersion(String artifactId, String version) {
        String text() {
            return "        <plugin>\n          <artifactId>" + artifactId + "</artifactId>\n          <version>"
                    + version + "</version>\n        </plugin>";
        }
    }

    /** Version-only pluginManagement entries for the root pom's plugins (Spring Boot's own plugin comes with the parent). */
    private List<PluginVersion> pluginVersions() {
        return reactor.managedPlugins().stream()
                .filter(p -> !p.coordinates().startsWith("org.springframework.boot:"))
                .map(p -> new PluginVersion(
                        p.child("artifactId").orElseThrow(), p.child("version").orElseThrow()))
                .toList();
    }

    private String header() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>org.springframework.boot</groupId>
                    <artifactId>spring-boot-starter-parent</artifactId>
                    <version>%s</version>
                    <relativePath/>
                  </parent>
                  <groupId>%s</groupId>
                  <artifactId>%s</artifactId>
                  <version>0.1.0-SNAPSHOT</version>
                  <name>%s</name>
                  <description>%s</description>

                """.formatted(
                        bootVersion,
                        names.groupId(),
                        names.name(),
                        names.name(),
                        "A Spring Boot service made with keelson new.");
    }

    private String properties(List<PluginVersion> plugins) {
        StringBuilder out = new StringBuilder("  <properties>\n");
        out.append("    <java.version>").append(javaRelease).append("</java.version>\n");
        out.append(
                "    <!-- the versions Keelson built and tested this service with; Spring Boot manages the rest -->\n");
        out.append(line(
                "keelson-migrate.version",
                migrateVersion,
                "<!-- in " + LOCAL_REPOSITORY + " until it is on Maven Central -->"));
        for (Manifest.Managed bom : manifest.all(Manifest.Managed.class)) {
            if (bom.how() == Manifest.How.BOOT_PROPERTY && bom.condition().holds(kept)) {
                out.append(line(bom.bootProperty(), bomVersion(bom.coordinates()), null));
            }
        }
        Set<String> written = new LinkedHashSet<>();
        for (PluginVersion plugin : plugins) {
            propertyName(plugin.version())
                    .filter(written::add)
                    .ifPresent(name -> out.append(line(name, rootProperty(name).value(), null)));
        }
        return out.append("  </properties>\n").toString();
    }

    private String bomVersion(String coordinates) {
        Pom.Block entry = reactor.managedDependencies().stream()
                .filter(b -> b.coordinates().equals(coordinates))
                .findFirst()
                .orElseThrow(() -> new ScaffoldException(
                        ScaffoldErrorCode.TEMPLATE_BROKEN,
                        "features.txt names " + coordinates + ", which the root pom does not manage"));
        String version = entry.child("version").orElseThrow();
        return propertyName(version).map(name -> rootProperty(name).value()).orElse(version);
    }

    private static String line(String name, String value, String comment) {
        return "    <" + name + ">" + value + "</" + name + ">" + (comment == null ? "" : "  " + comment) + "\n";
    }

    private static String repositories() {
        return """

                  <repositories>
                    <repository>
                      <!-- keelson-migrate and its starter are not on Maven Central yet: keelson new put them here -->
                      <id>project-local</id>
                      <url>file://${project.basedir}/%1$s</url>
                    </repository>
                  </repositories>
                  <pluginRepositories>
                    <pluginRepository>
                      <!-- and keelson-maven-plugin (./mvnw keelson:migrate) -->
                      <id>project-local</id>
                      <url>file://${project.basedir}/%1$s</url>
                    </pluginRepository>
                  </pluginRepositories>
                """.formatted(LOCAL_REPOSITORY);
    }

    private String build(List<PluginVersion> plugins) {
        String referencePlugins = reference.plugins();
        StringBuilder out = new StringBuilder("\n  <build>\n    <pluginManagement>\n      <plugins>\n");
        plugins.forEach(p -> out.append(p.text()).append('\n'));
        out.append("      </plugins>\n    </pluginManagement>\n    <plugins>\n");
        out.append(ENFORCER.formatted(javaRelease));
        out.append(KEELSON_PLUGIN);
        out.append(referencePlugins.replaceFirst("^\n", "").stripTrailing()).append('\n');
        return out.append("    </plugins>\n  </build>\n").toString();
    }

    private static final String KEELSON_PLUGIN = """
                  <plugin>
                    <!-- the keelson db commands as goals on src/main/resources/db/migration: ./mvnw keelson:migrate
                         -Dkeelson.url=jdbc:postgresql://... (or KEELSON_DB_URL), keelson:status, rollback, lint, ... -->
                    <groupId>dev.keelson</groupId>
                    <artifactId>keelson-maven-plugin</artifactId>
                    <version>${keelson-migrate.version}</version>
                  </plugin>
            """;

    private static final String ENFORCER = """
                  <plugin>
                    <!-- the build checks itself: a JDK %s+, one version of each library, every plugin version pinned -->
                    <artifactId>maven-enforcer-plugin</artifactId>
                    <executions>
                      <execution>
                        <id>enforce</id>
                        <goals>
                          <goal>enforce</goal>
                        </goals>
                        <configuration>
                          <rules>
                            <requireJavaVersion>
                              <version>[%1$s,)</version>
                              <message>This project builds with JDK %1$s or newer: ./mvnw finds one by itself; with mvn, set JAVA_HOME to a JDK %1$s+.</message>
                            </requireJavaVersion>
                            <dependencyConvergence/>
                            <requirePluginVersions/>
                          </rules>
                        </configuration>
                      </execution>
                    </executions>
                  </plugin>
            """;
}
