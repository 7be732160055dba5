package dev.keelson.migrate;

import dev.keelson.migrate.internal.engine.MigrationEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The migration engine's one entry point.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.configure()
 *         .url("jdbc:postgresql://127.0.0.1:5432/test").user("postgres")
 *         .location("filesystem:db/migration")
 *         .build();
 * MigrateResult result = migrator.migrate(MigrateOptions.latest());
 * }</pre>
 *
 * <p>A {@code Migrator} holds no connection between calls; each call opens what it needs and closes it.
 * Every failure is a {@link MigrationException} with an {@link MigrationErrorCode}.
 */
public final class Migrator {
    /** The default history table. */
    public static final String DEFAULT_HISTORY_TABLE = "keelson_schema_history";

    private final MigratorConfig config;

    private Migrator(MigratorConfig config) {
        this.config = config;
    }

    public static Builder configure() {
        return new Builder();
    }

    /** Wraps an already validated configuration. */
    public static Migrator of(MigratorConfig config) {
        return new Migrator(config);
    }

    public MigratorConfig config() {
        return config;
    }

    /**
     * Applies pending versioned migrations in order, then repeatable ones whose checksum changed. First (unless the
     * {@link LintPolicy} is off) lints the files it will run, as one run.
     *
     * @throws LintFailedException when the lint finds errors; nothing was applied
     * @throws MigrationException when a migration fails; {@link MigrationException#completed()} lists the ones
     *     applied (and committed) before it
     */
    public MigrateResult migrate(MigrateOptions options) {
        return engine().migrate(options);
    }

    /**
     * Runs the undo files of the newest applied versions, newest first. First (unless the {@link LintPolicy} is off)
     * lints those undo files.
     *
     * @throws MigrationException when an undo fails; {@link MigrationException#completed()} lists the undo files
     *     run (and committed) before it
     */
    public RollbackResult rollback(RollbackOptions options) {
        return engine().rollback(options);
    }

    /** Every migration with its state. Takes no lock and changes nothing (the history table is not created). */
    public StatusReport status() {
        return engine().status();
    }

    /** Checks that applied files are unchanged and present, and that nothing failed. */
    public ValidationResult validate() {
        return engine().validate();
    }

    /** Removes failed entries and realigns checksums of applied files with the files as they are now. */
    public RepairResult repair() {
        return repair(RepairOptions.all());
    }

    /** The repair {@code options} ask for (see {@link RepairOptions}). */
    public RepairResult repair(RepairOptions options) {
        return engine().repair(options);
    }

    /** Marks every version up to {@code version} as applied, on a database with no applied migrations. */
    public void baseline(Version version, String description) {
        engine().baseline(version, description);
    }

    private MigrationEngine engine() {
        return MigrationEngine.of(config);
    }

    /** Collects settings; {@link #build()} validates them once and returns a ready {@link Migrator}. */
    public static final class Builder {
        private String url;
        private String user;
        private String password;
        private DataSource dataSource;
        private final List<String> locations = new ArrayList<>();
        private final Map<String, String> placeholders = new LinkedHashMap<>();
        private String historyTable = DEFAULT_HISTORY_TABLE;
        private Duration lockTimeout = Duration.ofMinutes(10);
        private boolean outOfOrder;
        private String installedBy;
        private MigrationListener listener = MigrationListener.NONE;
        private Clock clock = Clock.systemUTC();
        private Duration lockStaleAfter = MigratorConfig.DEFAULT_LOCK_STALE_AFTER;
        private LintPolicy lint = LintPolicy.defaults();

        private Builder() {}

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /**
         * Adds a location: {@code classpath:db/migration}, {@code filesystem:/abs/path}, or a plain path; checked by
         * {@link #build()} ({@code CONFIGURATION} for an unknown prefix or an empty path).
         */
        public Builder location(String location) {
            this.locations.add(location);
            return this;
        }

        /** Adds a typed location. */
        public Builder location(MigrationLocation location) {
            this.locations.add(location.toString());
            return this;
        }

        public Builder placeholder(String name, String value) {
            this.placeholders.put(name, value);
            return this;
        }

        public Builder placeholders(Map<String, String> values) {
            this.placeholders.putAll(values);
            return this;
        }

        public Builder historyTable(String historyTable) {
            this.historyTable = historyTable;
            return this;
        }

        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        /**
         * How long a lock row's holder (SQLite, H2) may go without a heartbeat before another migrator takes the
         * lock over (default 30 s, at least 600 ms).
         */
        public Builder lockStaleAfter(Duration lockStaleAfter) {
            this.lockStaleAfter = lockStaleAfter;
            return this;
        }

        public Builder outOfOrder(boolean outOfOrder) {
            this.outOfOrder = outOfOrder;
            return this;
        }

        public Builder installedBy(String installedBy) {
            this.installedBy = installedBy;
            return this;
        }

        public Builder listener(MigrationListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Whether and how {@code migrate} and {@code rollback} lint the files they will run first (default: on,
         * every rule at its default severity); see {@link LintPolicy}.
         */
        public Builder lint(LintPolicy lint) {
            this.lint = lint;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Validates the settings and returns a ready migrator. */
        public Migrator build() {
            List<String> where = locations.isEmpty() ? List.of("filesystem:db/migration") : locations;
            return new Migrator(new MigratorConfig(
                    url,
                    user,
                    password,
                    dataSource,
                    where,
                    placeholders,
                    historyTable,
                    lockTimeout,
                    outOfOrder,
                    installedBy,
                    listener,
                    clock,
                    lockStaleAfter,
                    lint));
        }
    }
}
