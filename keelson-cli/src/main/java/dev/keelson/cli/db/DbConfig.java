package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The settings files of the {@code db} commands, merged into keelson's keys: {@code keelson.properties} in the
 * working directory (or the file {@code --config} names) wins over Flyway's {@code FLYWAY_*} environment variables,
 * which win over a {@code flyway.conf} in the working directory; command-line flags and {@code KEELSON_DB_*} win
 * over all of them ({@link DbSettings}). Flyway settings keelson has are read: {@code url}, {@code user},
 * {@code password}, {@code locations} (the first), {@code placeholders.NAME}; others are Flyway's alone and left
 * alone. An unknown key in keelson's own file is an error naming the nearest known key.
 */
final class DbConfig {
    static final String FLYWAY_FILE = "flyway.conf";
    private static final List<String> KEYS =
            List.of("db.url", "db.user", "db.password", "db.dir", "db.lock-timeout", "db.table");
    private static final List<String> PREFIXES = List.of("db.placeholder.", "lint.severity.");
    private static final Map<String, String> FLYWAY =
            Map.of("url", "db.url", "user", "db.user", "password", "db.password", "locations", "db.dir");

    private DbConfig() {}

    /**
     * The merged settings.
     *
     * @param config the {@code --config} value, or null for {@code keelson.properties} in the working directory
     * @throws UsageException when {@code --config} names no file, a file cannot be read, or has an unknown key
     */
    static Properties load(String config, CliEnvironment environment) {
        Properties merged = new Properties();
        Path flywayConf = environment.workingDir().resolve(FLYWAY_FILE);
        if (Files.isRegularFile(flywayConf)) {
            read(flywayConf)
                    .forEach((k, v) ->
                            flyway(String.valueOf(k).replaceFirst("^flyway\\.", ""), String.valueOf(v), merged));
        }
        environment.env().forEach((name, value) -> {
            if (name.startsWith("FLYWAY_PLACEHOLDERS_")) {
                flyway(
                        "placeholders."
                                + name.substring("FLYWAY_PLACEHOLDERS_".length())
                                        .toLowerCase(Locale.ROOT),
                        value,
                        merged);
            } else if (name.startsWith("FLYWAY_")) {
                flyway(name.substring("FLYWAY_".length()).toLowerCase(Locale.ROOT), value, merged);
            }
        });
        Path own = config != null
                ? environment.resolve(config)
                : environment.workingDir().resolve(DbSettings.PROPERTIES_FILE);
        if (config != null && !Files.isRegularFile(own)) {
            throw new UsageException("--config " + config + ": no such file (looked in " + own + ")");
        }
        if (Files.isRegularFile(own)) {
            Properties file = read(own);
            for (String key : file.stringPropertyNames()) {
                refuseUnknown(key, own);
                merged.setProperty(key, file.getProperty(key));
            }
        }
        return merged;
    }

    private static void flyway(String key, String value, Properties merged) {
        if (key.startsWith("placeholders.")) {
            merged.setProperty("db.placeholder." + key.substring("placeholders.".length()), value);
        } else if (FLYWAY.containsKey(key)) {
            merged.setProperty(FLYWAY.get(key), key.equals("locations") ? value.split(",")[0].strip() : value);
        }
    }

    private static void refuseUnknown(String key, Path file) {
        if (KEYS.contains(key) || PREFIXES.stream().anyMatch(p -> key.startsWith(p) && key.length() > p.length())) {
            return;
        }
        String nearest = Stream.concat(KEYS.stream(), PREFIXES.stream().map(p -> p + "NAME"))
                .min(Comparator.comparingInt(k -> distance(key, k)))
                .orElseThrow();
        throw new UsageException("Unknown key '" + key + "' in " + file + "; did you mean '" + nearest + "'? The keys"
                + " are " + String.join(", ", KEYS) + ", db.placeholder.NAME and lint.severity.RULE");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }
}
