package dev.keelson.migrate;

import dev.keelson.migrate.internal.database.Databases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A validated, frozen configuration. Build it with {@link Migrator#configure()}.
 *
 * @param url          JDBC URL, or a {@code mongodb://} URL naming the database; {@code null} when
 *                     {@code dataSource} is given
 * @param user         user for {@code url}, may be null
 * @param password     password for {@code url}, may be null
 * @param dataSource   a data source; {@code null} when {@code url} is given
 * @param locations    where migrations live: {@code filesystem:path} (the default prefix) or {@code classpath:path};
 *                     checked here ({@link MigrationLocation#parse}) and kept in their normal text form
 * @param placeholders values for {@code ${name}} in scripts
 * @param historyTable the history table, {@code keelson_schema_history} by default
 * @param lockTimeout  how long to wait for another migrator before failing
 * @param outOfOrder   apply pending versions below the newest applied one instead of refusing
 * @param installedBy  recorded as "applied by"; {@code null} means the database user
 * @param listener     progress callbacks
 * @param clock        the time source for history timestamps and durations
 * @param lockStaleAfter how long a lock row's holder (SQLite, H2) may go without a heartbeat before another
 *                     migrator takes the lock over; heartbeats come six times per period
 * @param lint         whether and how {@code migrate} and {@code rollback} lint the files they will run
 */
public record MigratorConfig(
        String url,
        String user,
        String password,
        DataSource dataSource,
        List<String> locations,
        Map<String, String> placeholders,
        String historyTable,
        Duration lockTimeout,
        boolean outOfOrder,
        String installedBy,
        MigrationListener listener,
        Clock clock,
        Duration lockStaleAfter,
        LintPolicy lint) {

    /** The default of {@link #lockStaleAfter()}. */
    public static final Duration DEFAULT_LOCK_STALE_AFTER = Duration.ofSeconds(30);

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public MigratorConfig {
        if ((url == null) == (dataSource == null)) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "Give exactly one of a JDBC URL or a DataSource (set --url or KEELSON_DB_URL)");
        }
        if (url != null && !url.startsWith("jdbc:") && Databases.find(url).isEmpty()) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "The URL '" + url + "' is neither a JDBC URL (jdbc:...) nor a MongoDB URL (mongodb://...)");
        }
        if (locations == null || locations.isEmpty()) {
            throw new MigrationException(MigrationErrorCode.CONFIGURATION, "Give at least one migration location");
        }
        if (historyTable == null || !TABLE_NAME.matcher(historyTable).matches()) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "historyTable '" + historyTable + "' must be a plain SQL name (letters, digits, underscore)");
        }
        if (lockTimeout == null || lockTimeout.isNegative()) {
            throw new MigrationException(MigrationErrorCode.CONFIGURATION, "lockTimeout must be zero or positive");
        }
        if (lockStaleAfter == null || lockStaleAfter.compareTo(Duration.ofMillis(600)) < 0) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "lockStaleAfter must be at least 600 ms (heartbeats" + " come six times per period), got "
                            + lockStaleAfter);
        }
        locations = locations.stream()
                .map(l -> MigrationLocation.parse(l).toString())
                .toList();
        placeholders = Map.copyOf(placeholders);
        listener = Objects.requireNonNullElse(listener, MigrationListener.NONE);
        clock = Objects.requireNonNullElse(clock, Clock.systemUTC());
        lint = Objects.requireNonNullElse(lint, LintPolicy.defaults());
    }

    /** A configuration with the default lint policy. */
    public MigratorConfig(
            String url,
            String user,
            String password,
            DataSource dataSource,
            List<String> locations,
            Map<String, String> placeholders,
            String historyTable,
            Duration lockTimeout,
            boolean outOfOrder,
            String installedBy,
            MigrationListener listener,
            Clock clock,
            Duration lockStaleAfter) {
        this(
                url,
                user,
                password,
                dataSource,
                locations,
                placeholders,
                historyTable,
                lockTimeout,
                outOfOrder,
                installedBy,
                listener,
                clock,
                lockStaleAfter,
                LintPolicy.defaults());
    }

    /** A configuration with the default {@link #lockStaleAfter()}. */
    public MigratorConfig(
            String url,
            String user,
            String password,
            DataSource dataSource,
            List<String> locations,
            Map<String, String> placeholders,
            String historyTable,
            Duration lockTimeout,
            boolean outOfOrder,
            String installedBy,
            MigrationListener listener,
            Clock clock) {
        this(
                url,
                user,
                password,
                dataSource,
                locations,
                placeholders,
                historyTable,
                lockTimeout,
                outOfOrder,
                installedBy,
                listener,
                clock,
                DEFAULT_LOCK_STALE_AFTER,
                LintPolicy.defaults());
    }

    /** The locations, typed (each was checked when this configuration was made). */
    public List<MigrationLocation> migrationLocations() {
        return locations.stream().map(MigrationLocation::parse).toList();
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MigratorConfig[url=" + url + ", user=" + user + ", locations=" + locations + ", historyTable="
                + historyTable + "]";
    }
}
