package dev.keelson.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A project on disk that {@code keelson new} made, as {@code add resource} needs to know it: its package, the
 * features it kept (read from its pom's dependencies, as the manifest assigns them), its migrations and tables, and
 * the names already taken.
 *
 * @param directory   the project folder
 * @param packageName its base package (where its {@code *Application} class is)
 * @param features    the features it has
 * @param nextVersion the version its next migration gets (one above the highest)
 * @param tables      the tables its migrations create
 * @param types       the simple names of its main classes
 * @param packages    the packages directly under its base package
 * @param added       the resources {@code keelson add resource} added, by table: the arguments it was given
 */
record ExistingProject(
        Path directory,
        String packageName,
        Set<Feature> features,
        int nextVersion,
        Set<String> tables,
        Set<String> types,
        Set<String> packages,
        Map<String, List<String>> added) {
    static final String MIGRATIONS = "src/main/resources/db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)(?:[._]\\d+)*__.*\\.sql");
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern APPLICATION = Pattern.compile("@SpringBootApplication");
    private static final String STARTER = "keelson-migrate-spring-boot-starter";
    /** The first line of an added resource's migration: {@code -- Products, added with: keelson add resource ...}. */
    static final String ADDED_WITH = ", added with: keelson add resource ";

    ExistingProject {
        features = Set.copyOf(features);
        tables = Set.copyOf(tables);
        types = Set.copyOf(types);
        packages = Set.copyOf(packages);
        added = Map.copyOf(added);
    }

    boolean has(Feature feature) {
        return features.contains(feature);
    }

    /** The folder of the base package's sources. */
    Path mainPackage() {
        return directory.resolve("src/main/java").resolve(packageName.replace('.', '/'));
    }

    /**
     * Reads the project in {@code directory}.
     *
     * @throws ScaffoldException {@link ScaffoldErrorCode#NOT_A_KEELSON_PROJECT} naming what is missing
     */
    static ExistingProject read(Path directory, Manifest manifest) {
        Path dir = directory.toAbsolutePath().normalize();
        String pom = pom(dir);
        String packageName = applicationPackage(dir);
        Path base = dir.resolve("src/main/java").resolve(packageName.replace('.', '/'));
        if (!Files.isDirectory(base.resolve("platform")) || !Files.isDirectory(dir.resolve(MIGRATIONS))) {
            throw notOurs(dir, "it has no " + packageName + ".platform package or no " + MIGRATIONS + " folder");
        }
        List<Path> migrations = list(dir.resolve(MIGRATIONS));
        return new ExistingProject(
                dir,
                packageName,
                features(pom, manifest),
                nextVersion(migrations),
                tables(migrations),
                types(dir.resolve("src/main/java")),
                subfolders(base),
                added(migrations));
    }

    private static String pom(Path dir) {
        Path pom = dir.resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            throw notOurs(dir, "it has no pom.xml");
        }
        String text = read(pom);
        if (!text.contains("<artifactId>" + STARTER + "</artifactId>")) {
            throw notOurs(dir, "its pom.xml does not use " + STARTER);
        }
        return text;
    }

    /** The package of the one {@code @SpringBootApplication} class under src/main/java. */
    private static String applicationPackage(Path dir) {
        Path sources = dir.resolve("src/main/java");
        List<Path> applications = javaFiles(sources).stream()
                .filter(p -> p.getFileName().toString().endsWith("Application.java"))
                .filter(p -> APPLICATION.matcher(read(p)).find())
                .toList();
        if (applications.size() != 1) {
            throw notOurs(dir, "it has " + applications.size() + " @SpringBootApplication classes, not one");
        }
        return sources.relativize(applications.getFirst().getParent())
                .toString()
                .replace('\\', '/')
                .replace('/', '.');
    }

    /** A feature is there when the pom has one of the dependencies the manifest gives it. */
    private static Set<Feature> features(String pom, Manifest manifest) {
        Set<Feature> features = EnumSet.noneOf(Feature.class);
        for (Manifest.Dependency d : manifest.all(Manifest.Dependency.class)) {
            String artifact = d.coordinates().substring(d.coordinates().indexOf(':') + 1);
            if (d.condition().feature().isPresent() && pom.contains("<artifactId>" + artifact + "</artifactId>")) {
                features.add(d.condition().feature().get());
            }
        }
        return features;
    }

    private static int nextVersion(List<Path> migrations) {
        int highest = 0;
        for (Path p : migrations) {
            Matcher m = VERSIONED.matcher(p.getFileName().toString());
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return highest + 1;
    }

    private static Set<String> tables(List<Path> migrations) {
        Set<String> tables = new TreeSet<>();
        for (Path p : migrations) {
            if (VERSIONED.matcher(p.getFileName().toString()).matches()) {
                Matcher m = CREATE_TABLE.matcher(read(p));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static Map<String, List<String>> added(List<Path> migrations) {
        Map<String, List<String>> added = new TreeMap<>();
        for (Path p : migrations) {
            String text = read(p);
            int at = text.indexOf(ADDED_WITH);
            Matcher table = CREATE_TABLE.matcher(text);
            if (VERSIONED.matcher(p.getFileName().toString()).matches() && at >= 0 && table.find()) {
                String line = text.substring(at + ADDED_WITH.length())
                        .lines()
                        .findFirst()
                        .orElse("");
                added.put(table.group(1), List.of(line.strip().split("\\s+")));
            }
        }
        return added;
    }

    private static Set<String> types(Path sources) {
        Set<String> types = new TreeSet<>();
        javaFiles(sources).forEach(p -> types.add(p.getFileName().toString().replaceFirst("\\.java$", "")));
        return types;
    }

    private static Set<String> subfolders(Path base) {
        Set<String> names = new TreeSet<>();
        list(base).stream()
                .filter(Files::isDirectory)
                .forEach(p -> names.add(p.getFileName().toString()));
        return names;
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScaffoldException notOurs(Path dir, String why) {
        return new ScaffoldException(
                ScaffoldErrorCode.NOT_A_KEELSON_PROJECT,
                dir + " is not a project made by keelson new (" + why + "): run it in such a project or pass --dir");
    }
}
