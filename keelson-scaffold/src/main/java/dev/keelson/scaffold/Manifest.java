package dev.keelson.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * keelson-scaffold's {@code features.txt}: which files, pom dependencies and YAML keys of the reference service belong
 * to which feature, which text must be gone once a feature is removed, and what of the reactor's dependency
 * management a generated pom carries. One entry per line, {@code #} starts a comment:
 *
 * <pre>
 * files      FEATURE  GLOB          files removed without FEATURE (relative to reference-service/; ** = any depth)
 * dependency FEATURE  GROUP:ARTIFACT a dependency of reference-service/pom.xml
 * yaml       FEATURE  FILE KEY.PATH  a key of a YAML file, with everything under it
 * residue    FEATURE  TEXT          text no file may hold once FEATURE is removed (the rest of the line)
 * managed    FEATURE  GROUP:ARTIFACT HOW [PROPERTY]   an entry of the root pom's dependencyManagement
 * </pre>
 *
 * <p>FEATURE is a feature id, {@code *} (always) or {@code -} (never: Keelson's own tooling). HOW is {@code pin} (an
 * explicit entry, kept so a generated project resolves exactly what the reactor tested), {@code import} (a BOM that
 * Spring Boot does not manage) or {@code boot-property} (a BOM that Spring Boot's parent manages: its version is
 * overridden through Spring Boot's PROPERTY).
 */
record Manifest(List<Entry> entries) {
    static final String RESOURCE = "features.txt";

    /** When an entry applies: with a feature, always, or never. */
    record Condition(Optional<Feature> feature, boolean always) {
        static Condition parse(String text, int line) {
            return switch (text) {
                case "*" -> new Condition(Optional.empty(), true);
                case "-" -> new Condition(Optional.empty(), false);
                default ->
                    new Condition(
                            Optional.of(
                                    Feature.byId(text)
                                            .orElseThrow(
                                                    () -> broken(
                                                            line,
                                                            "'" + text
                                                                    + "' is no feature; use one of auth, redis, jobs, docker, ci, graphql, * or -"))),
                            false);
            };
        }

        /** True when a project with {@code kept} features has what this entry describes. */
        boolean holds(Set<Feature> kept) {
            return always || feature.map(kept::contains).orElse(false);
        }
    }

    /** One line of the manifest. */
    sealed interface Entry permits Files, Dependency, YamlKey, Residue, Managed {
        Condition condition();
    }

    record Files(Condition condition, String glob, int line) implements Entry {
        boolean matches(String path) {
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            return matcher.matches(Path.of(path));
        }
    }

    record Dependency(Condition condition, String coordinates, int line) implements Entry {}

    record YamlKey(Condition condition, String file, String key, int line) implements Entry {}

    record Residue(Condition condition, String text, int line) implements Entry {}

    /** How a generated pom carries an entry of the root pom's dependencyManagement. */
    enum How {
        PIN,
        IMPORT,
        BOOT_PROPERTY,
        REACTOR_ONLY
    }

    record Managed(Condition condition, String coordinates, How how, String bootProperty, int line) implements Entry {}

    static Manifest bundled() {
        try (InputStream in = Manifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ScaffoldException(
                        ScaffoldErrorCode.TEMPLATE_BROKEN, RESOURCE + " is missing from keelson-scaffold");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifest parse(String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                entries.add(entry(line.split("\\s+"), line, i + 1));
            }
        }
        return new Manifest(List.copyOf(entries));
    }

    private static Entry entry(String[] words, String line, int number) {
        if (words.length < 3) {
            throw broken(number, "expected: KIND FEATURE WHAT...");
        }
        Condition condition = Condition.parse(words[1], number);
        return switch (words[0]) {
            case "files" -> new Files(condition, words[2], number);
            case "dependency" -> new Dependency(condition, words[2], number);
            case "yaml" -> {
                if (words.length != 4) {
                    throw broken(number, "expected: yaml FEATURE FILE KEY.PATH");
                }
                yield new YamlKey(condition, words[2], words[3], number);
            }
            case "residue" -> new Residue(condition, line.split("\\s+", 3)[2], number);
            case "managed" -> managed(condition, words, number);
            default ->
                throw broken(
                        number,
                        "unknown kind '" + words[0] + "'; use files, dependency, yaml, residue " + "or managed");
        };
    }

    private static Managed managed(Condition condition, String[] words, int number) {
        if (!condition.always() && condition.feature().isEmpty()) {
            return new Managed(condition, words[2], How.REACTOR_ONLY, null, number);
        }
        if (words.length < 4) {
            throw broken(number, "expected: managed FEATURE GROUP:ARTIFACT pin|import|boot-property [PROPERTY]");
        }
        How how = switch (words[3]) {
            case "pin" -> How.PIN;
            case "import" -> How.IMPORT;
            case "boot-property" -> How.BOOT_PROPERTY;
            default -> throw broken(number, "unknown way '" + words[3] + "'; use pin, import or boot-property");
        };
        if (how == How.BOOT_PROPERTY && words.length != 5) {
            throw broken(number, "boot-property needs the Spring Boot property that holds the version");
        }
        return new Managed(condition, words[2], how, how == How.BOOT_PROPERTY ? words[4] : null, number);
    }

    /** Entries of one kind. */
    <T extends Entry> List<T> all(Class<T> kind) {
        return entries.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Entries of one kind that describe something a project with {@code kept} features does not have. */
    <T extends Entry> List<T> removed(Class<T> kind, Set<Feature> kept) {
        return all(kind).stream().filter(e -> !e.condition().holds(kept)).toList();
    }

    private static ScaffoldException broken(int line, String message) {
        return new ScaffoldException(ScaffoldErrorCode.TEMPLATE_BROKEN, RESOURCE + ":" + line + ": " + message);
    }
}
