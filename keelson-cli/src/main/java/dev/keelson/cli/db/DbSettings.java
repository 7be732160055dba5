package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.UsageException;
import dev.keelson.migrate.LintPolicy;
import dev.keelson.migrate.MigrationListener;
import dev.keelson.migrate.Migrator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.TypeConversionException;

/**
 * The settings of one database command, resolved once: a command-line flag wins over the environment
 * ({@code KEELSON_DB_URL}, {@code KEELSON_DB_USER}, {@code KEELSON_DB_PASSWORD}), which wins over
 * {@code keelson.properties} in the working directory ({@code db.url}, {@code db.user}, {@code db.password},
 * {@code db.dir}, {@code db.placeholder.NAME}, {@code db.lock-timeout}, {@code db.table}), which wins over the defaults.
 *
 * @param url          JDBC URL, never null
 * @param user         database user, may be null
 * @param password     database password, may be null; never printed
 * @param location     engine location: {@code filesystem:/abs/dir} or {@code classpath:path}
 * @param placeholders placeholder values, flags over file
 * @param lockTimeout  lock timeout, null for the engine's default
 * @param table        history table, null for the engine's default
 */
record DbSettings(
        String url,
        String user,
        String password,
        String location,
        Map<String, String> placeholders,
        Duration lockTimeout,
        String table) {

    static final String PROPERTIES_FILE = "keelson.properties";
    static final String DEFAULT_DIR = "db/migration";

    /**
     * Resolves {@code options} against the environment and {@code keelson.properties}.
     *
     * @throws UsageException when no URL is set anywhere, or the properties file is unreadable or has a bad value
     */
    static DbSettings resolve(DbOptions options, CliEnvironment environment) {
        Properties file = DbConfig.load(options.config, environment);
        String url = first(options.url, environment.env().get("KEELSON_DB_URL"), file.getProperty("db.url"));
        if (url == null) {
            throw new UsageException(
                    "No database URL: pass --url jdbc:..., set KEELSON_DB_URL, or add db.url=jdbc:... to "
                            + (options.config != null
                                    ? options.config
                                    : PROPERTIES_FILE + " in " + environment.workingDir()));
        }
        return new DbSettings(
                url,
                first(options.user, environment.env().get("KEELSON_DB_USER"), file.getProperty("db.user")),
                first(options.password, environment.env().get("KEELSON_DB_PASSWORD"), file.getProperty("db.password")),
                location(first(options.dir, file.getProperty("db.dir"), DEFAULT_DIR), environment),
                placeholders(options.placeholders, file),
                options.lockTimeout != null ? options.lockTimeout : lockTimeout(file),
                first(options.table, file.getProperty("db.table")));
    }

    /** The migrations folder for {@code db new}: {@code --dir}, then {@code db.dir}, then {@code db/migration}. */
    static Path directory(String dirOption, CliEnvironment environment) {
        return directory(dirOption, null, environment);
    }

    /** The migrations folder with the settings of {@code config} ({@code --config}; null: keelson.properties). */
    static Path directory(String dirOption, String config, CliEnvironment environment) {
        String dir = first(dirOption, DbConfig.load(config, environment).getProperty("db.dir"), DEFAULT_DIR);
        if (dir.startsWith("classpath:")) {
            throw new UsageException("--dir " + dir + ": new migrations are written to a folder; give a folder path");
        }
        return environment.resolve(dir.startsWith("filesystem:") ? dir.substring("filesystem:".length()) : dir);
    }

    /** A migrator over these settings, with the default lint policy. */
    Migrator migrator(MigrationListener listener, boolean outOfOrder) {
        return migrator(listener, outOfOrder, LintPolicy.defaults());
    }

    /** A migrator over these settings. */
    Migrator migrator(MigrationListener listener, boolean outOfOrder, LintPolicy lint) {
        Migrator.Builder builder = Migrator.configure()
                .lint(lint)
                .url(url)
                .user(user)
                .password(password)
                .location(location)
                .placeholders(placeholders)
                .outOfOrder(outOfOrder)
                .listener(listener);
        if (lockTimeout != null) {
            builder.lockTimeout(lockTimeout);
        }
        if (table != null) {
            builder.historyTable(table);
        }
        return builder.build();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DbSettings[url=" + url + ", user=" + user + ", location=" + location + ", table=" + table + "]";
    }

    private static String location(String dir, CliEnvironment environment) {
        if (dir.startsWith("classpath:")) {
            return dir;
        }
        String path = dir.startsWith("filesystem:") ? dir.substring("filesystem:".length()) : dir;
        return "filesystem:" + environment.resolve(path);
    }

    private static Map<String, String> placeholders(Map<String, String> flags, Properties file) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith("db.placeholder.")) {
                values.put(key.substring("db.placeholder.".length()), file.getProperty(key));
            }
        }
        values.putAll(flags);
        return values;
    }

    private static Duration lockTimeout(Properties file) {
        String text = file.getProperty("db.lock-timeout");
        if (text == null) {
            return null;
        }
        try {
            return DurationConverter.parse(text);
        } catch (TypeConversionException e) {
            throw new UsageException("db.lock-timeout in " + PROPERTIES_FILE + ": " + e.getMessage());
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
