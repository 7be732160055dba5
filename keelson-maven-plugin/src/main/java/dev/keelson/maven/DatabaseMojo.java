package dev.keelson.maven;

import dev.keelson.migrate.LintPolicy;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.lint.Severity;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The settings every goal shares, and the one way failures end a build: a {@link MigrationException} fails it
 * ({@link MojoFailureException}) with the engine's message and error code, as {@code keelson db} exits with 1 or 2.
 *
 * <p>The database comes from, first to last: the plugin's {@code <configuration>} or the {@code -Dkeelson.url}
 * (user, password) property, the environment ({@code KEELSON_DB_URL}, {@code KEELSON_DB_USER},
 * {@code KEELSON_DB_PASSWORD}), {@code keelson.properties} beside the POM ({@code db.url}, ...): the CLI's names
 * and order.
 */
public abstract class DatabaseMojo extends AbstractMojo {
    /** JDBC URL of the database. */
    @Parameter(property = "keelson.url")
    String url;

    @Parameter(property = "keelson.user")
    String user;

    @Parameter(property = "keelson.password")
    String password;

    /** Where the migration files are: {@code filesystem:} (relative to the POM's folder) or {@code classpath:}. */
    @Parameter(property = "keelson.locations", defaultValue = "filesystem:src/main/resources/db/migration")
    List<String> locations;

    /** The history table. */
    @Parameter(property = "keelson.table", defaultValue = Migrator.DEFAULT_HISTORY_TABLE)
    String table;

    /** Values of {@code ${name}} placeholders in the files. */
    @Parameter
    Map<String, String> placeholders;

    /** How long to wait for another migrator's lock: 30s, 10m, 1h or ISO-8601 (PT10M). */
    @Parameter(property = "keelson.lockTimeout", defaultValue = "10m")
    String lockTimeout;

    /** Apply pending versions older than the newest applied one too. */
    @Parameter(property = "keelson.outOfOrder", defaultValue = "false")
    boolean outOfOrder;

    /** Lint the files migrate and rollback run, first; error findings stop them (as {@code --no-lint} is off). */
    @Parameter(property = "keelson.lint", defaultValue = "true")
    boolean lint;

    /**
     * Lint rule severities (rule id → error, warning, info, off), over {@code lint.severity.RULE} of
     * keelson.properties, over the rules' defaults: the CLI's {@code --severity} and its file.
     */
    @Parameter
    Map<String, String> severities;

    /** Skip the goal. */
    @Parameter(property = "keelson.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("keelson: skipped (keelson.skip=true)");
            return;
        }
        try {
            run(migrator());
        } catch (MigrationException e) {
            throw new MojoFailureException("[" + e.code() + "] " + e.getMessage(), e);
        }
    }

    /** The goal's work; a {@link MigrationException} fails the build with its message. */
    abstract void run(Migrator migrator) throws MojoFailureException;

    Migrator migrator() throws MojoFailureException {
        Properties file = keelsonProperties();
        String jdbcUrl = first(url, System.getenv("KEELSON_DB_URL"), file.getProperty("db.url"));
        if (jdbcUrl == null) {
            throw new MojoFailureException("No database URL: set <url> in the plugin's configuration, pass "
                    + "-Dkeelson.url=jdbc:..., set KEELSON_DB_URL, or add db.url=jdbc:... to keelson.properties");
        }
        Migrator.Builder builder = Migrator.configure()
                .url(jdbcUrl)
                .user(first(user, System.getenv("KEELSON_DB_USER"), file.getProperty("db.user")))
                .password(first(password, System.getenv("KEELSON_DB_PASSWORD"), file.getProperty("db.password")))
                .historyTable(table)
                .lockTimeout(duration(lockTimeout))
                .outOfOrder(outOfOrder)
                .lint(lint ? LintPolicy.defaults().withSeverities(severityLevels()) : LintPolicy.off());
        if (placeholders != null) {
            builder.placeholders(placeholders);
        }
        locations.stream().map(this::resolved).forEach(builder::location);
        return builder.build();
    }

    /** A {@code filesystem:} location relative to the POM's folder, whatever folder Maven runs in. */
    String resolved(String location) {
        if (location.startsWith("classpath:")) {
            return location;
        }
        String path = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
        return "filesystem:" + basedir.toPath().resolve(path).normalize();
    }

    /** The folders of the {@code filesystem:} locations. */
    List<Path> folders() {
        return locations.stream()
                .filter(l -> !l.startsWith("classpath:"))
                .map(this::resolved)
                .map(l -> Path.of(l.substring("filesystem:".length())))
                .toList();
    }

    String jdbcUrl() {
        return first(url, System.getenv("KEELSON_DB_URL"), keelsonProperties().getProperty("db.url"));
    }

    /** The lint severities of keelson.properties ({@code lint.severity.RULE}), then of the POM. */
    Map<String, Severity> severityLevels() throws MojoFailureException {
        Map<String, String> levels = new LinkedHashMap<>();
        Properties file = keelsonProperties();
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith("lint.severity.")) {
                levels.put(key.substring("lint.severity.".length()), file.getProperty(key));
            }
        }
        if (severities != null) {
            levels.putAll(severities);
        }
        Map<String, Severity> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> level : levels.entrySet()) {
            try {
                parsed.put(level.getKey(), Severity.parse(level.getValue()));
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException("severity of " + level.getKey() + ": " + e.getMessage());
            }
        }
        return parsed;
    }

    private Properties keelsonProperties() {
        Properties properties = new Properties();
        Path file = basedir.toPath().resolve("keelson.properties");
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new MigrationException(
                        dev.keelson.migrate.MigrationErrorCode.LOCATION_NOT_FOUND,
                        "Cannot read " + file + ": " + e.getMessage(),
                        e);
            }
        }
        return properties;
    }

    static Duration duration(String text) throws MojoFailureException {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        Map<String, Function<Long, Duration>> units = Map.of(
                "ms", Duration::ofMillis, "s", Duration::ofSeconds, "m", Duration::ofMinutes, "h", Duration::ofHours);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t);
            }
            String unit = t.replaceAll("^[0-9]+", "");
            if (units.containsKey(unit)) {
                return units.get(unit).apply(Long.parseLong(t.substring(0, t.length() - unit.length())));
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new MojoFailureException("lockTimeout: '" + text + "' is not a duration such as 30s, 10m, 1h or PT10M");
    }

    static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
