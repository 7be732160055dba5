package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.RepairResult;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.migrate.RollbackResult;
import dev.keelson.migrate.StatusReport;
import dev.keelson.migrate.ValidationProblem;
import dev.keelson.migrate.ValidationResult;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.dialect.LockWaiter;
import dev.keelson.migrate.internal.dialect.MigrationLock;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import dev.keelson.migrate.internal.history.HistoryTable;
import dev.keelson.migrate.internal.resolve.MigrationScript;
import dev.keelson.migrate.internal.resolve.Placeholders;
import dev.keelson.migrate.internal.resolve.ScriptCatalog;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operations of {@link dev.keelson.migrate.Migrator}. Each call reads the files, opens one connection,
 * reads the history once, and (for changing operations) holds the migration lock throughout.
 */
public final class MigrationEngine {
    private static final Duration POLL = Duration.ofMillis(100);

    private final MigratorConfig config;

    public MigrationEngine(MigratorConfig config) {
        this.config = config;
    }

    /** See {@link dev.keelson.migrate.Migrator#migrate}. */
    public MigrateResult migrate(MigrateOptions options) {
        ScriptCatalog catalog = catalog();
        return withDatabase(db -> {
            if (options.dryRun()) {
                return migrate(db, catalog, table(db).read(), options, null);
            }
            return locked(db, lock -> migrate(db, catalog, table(db).read(), options, lock));
        });
    }

    private MigrateResult migrate(Database db, ScriptCatalog catalog, History history, MigrateOptions options,
            MigrationLock lock) throws SQLException {
        refuseFailed(history);
        refuseInvalid(catalog, history);
        List<MigrationScript> plan = new MigratePlan(catalog, history, options.target(), config.outOfOrder()).scripts();
        List<PreparedScript> prepared = prepare(db, plan);
        Optional<Version> reached = reached(history, plan);
        if (options.dryRun()) {
            return new MigrateResult(prepared.stream().map(p -> p.executed(Duration.ZERO)).toList(), reached, true);
        }
        List<ExecutedMigration> done = run(db, lock, history, prepared, this::entryFor);
        return new MigrateResult(done, reached, false);
    }

    /** See {@link dev.keelson.migrate.Migrator#rollback}. */
    public RollbackResult rollback(RollbackOptions options) {
        ScriptCatalog catalog = catalog();
        return withDatabase(db -> {
            if (options.dryRun()) {
                return rollback(db, catalog, table(db).read(), options, null);
            }
            return locked(db, lock -> rollback(db, catalog, table(db).read(), options, lock));
        });
    }

    private RollbackResult rollback(Database db, ScriptCatalog catalog, History history, RollbackOptions options,
            MigrationLock lock) throws SQLException {
        refuseFailed(history);
        List<Version> versions = new RollbackPlan(history, options).versions();
        List<MigrationScript> undo = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Version v : versions) {
            Optional<MigrationScript> u = catalog.undoOf(v);
            u.ifPresentOrElse(undo::add, () -> missing.add(scriptOf(history, v) + " has no undo file U" + v + "__*.sql"));
        }
        if (!missing.isEmpty()) {
            throw new MigrationException(ErrorCode.MISSING_UNDO, "Cannot roll back: " + String.join("; ", missing)
                    + ". Nothing was run; write the missing undo file(s) first");
        }
        List<PreparedScript> prepared = prepare(db, undo);
        Optional<Version> after = history.appliedVersions().stream().filter(v -> !versions.contains(v)).reduce((a, b) -> b)
                .or(() -> history.baseline().map(HistoryRow::version));
        if (options.dryRun()) {
            return new RollbackResult(prepared.stream().map(p -> p.executed(Duration.ZERO)).toList(), after, true);
        }
        return new RollbackResult(run(db, lock, history, prepared, s -> EntryType.UNDO), after, false);
    }

    /** See {@link dev.keelson.migrate.Migrator#status}. */
    public StatusReport status() {
        ScriptCatalog catalog = catalog();
        return withDatabase(db -> {
            History history = table(db).read();
            return new StatusReport(new StatusRows(catalog, history).build(), history.schemaVersion());
        });
    }

    /** See {@link dev.keelson.migrate.Migrator#validate}. */
    public ValidationResult validate() {
        ScriptCatalog catalog = catalog();
        return withDatabase(db -> new ValidationResult(problems(catalog, table(db).read())));
    }

    /** See {@link dev.keelson.migrate.Migrator#repair}. */
    public RepairResult repair() {
        ScriptCatalog catalog = catalog();
        return withDatabase(db -> locked(db, lock -> {
            HistoryTable table = table(db);
            History history = table.read();
            return history.exists() ? new Repair(catalog, history, table, db, config).run()
                    : new RepairResult(List.of(), List.of(), List.of());
        }));
    }

    /** See {@link dev.keelson.migrate.Migrator#baseline}. */
    public void baseline(Version version, String description) {
        Objects.requireNonNull(version, "version");
        withDatabase(db -> locked(db, lock -> {
            HistoryTable table = table(db);
            History history = table.read();
            if (!history.appliedVersions().isEmpty() || history.baseline().isPresent()
                    || history.latestRepeatableRows().stream().anyMatch(r -> r.type() == EntryType.REPEATABLE)) {
                throw new MigrationException(ErrorCode.BASELINE_REFUSED, "Cannot baseline: the database already has "
                        + "applied migrations (schema version " + history.schemaVersion().map(Version::toString)
                        .orElse("none") + "); baseline adopts a database Keelson has never migrated");
            }
            if (!history.exists()) {
                table.create();
            }
            String text = description == null || description.isBlank() ? "baseline" : description;
            table.insert(new HistoryRow(history.nextRank(), version, text, EntryType.BASELINE, null, null,
                    db.installedBy(), config.clock().instant(), 0, true, 0, null));
            return null;
        }));
    }

    private List<ValidationProblem> problems(ScriptCatalog catalog, History history) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (MigrationInfo info : new StatusRows(catalog, history).build()) {
            String script = info.script();
            String message = switch (info.state()) {
                case CHANGED -> script + " changed since it was applied; restore it, or run `keelson db repair` if the"
                        + " edit was deliberate";
                case MISSING_FILE -> script + " was applied but its file is gone; restore it, or run `keelson db repair`"
                        + " to forget it";
                case FAILED -> script + " " + info.failure() + "; fix the database by hand, then run `keelson db repair`";
                default -> null;
            };
            if (message != null) {
                problems.add(new ValidationProblem(info.state(), info.version(), script, message));
            }
        }
        return problems;
    }

    private void refuseFailed(History history) {
        List<HistoryRow> failed = history.failed();
        if (!failed.isEmpty()) {
            HistoryRow f = failed.getFirst();
            throw new MigrationException(ErrorCode.FAILED_MIGRATION_PRESENT, "A previous run of " + f.script()
                    + " failed after " + f.statementsApplied() + " statement(s) (" + f.error() + "). Clean up what it left,"
                    + " then run `keelson db repair` to clear the failed entry before migrating again");
        }
    }

    private void refuseInvalid(ScriptCatalog catalog, History history) {
        List<ValidationProblem> problems = problems(catalog, history);
        if (!problems.isEmpty()) {
            StringBuilder text = new StringBuilder("Validation failed, nothing was migrated:");
            problems.forEach(p -> text.append("\n  - ").append(p.message()));
            throw new MigrationException(ErrorCode.VALIDATION_FAILED, text.toString());
        }
    }

    private Optional<Version> reached(History history, List<MigrationScript> plan) {
        Optional<Version> current = history.schemaVersion();
        Optional<Version> planned = plan.stream().map(MigrationScript::version).filter(Objects::nonNull).max(Version::compareTo);
        if (planned.isPresent() && (current.isEmpty() || planned.get().compareTo(current.get()) > 0)) {
            return planned;
        }
        return current;
    }

    private EntryType entryFor(MigrationScript script) {
        return switch (script.type()) {
            case VERSIONED -> EntryType.VERSIONED;
            case UNDO -> EntryType.UNDO;
            case REPEATABLE -> EntryType.REPEATABLE;
            case BASELINE -> EntryType.BASELINE;
        };
    }

    private interface EntryOf {
        EntryType of(MigrationScript script);
    }

    private List<ExecutedMigration> run(Database db, MigrationLock lock, History history, List<PreparedScript> prepared,
            EntryOf entry)
            throws SQLException {
        if (prepared.isEmpty()) {
            return List.of();
        }
        try (HistoryTable table = table(db)) {
            if (!history.exists()) {
                table.create();
            }
            ScriptRunner runner = new ScriptRunner(db.connection(), db.dialect(), table, lock, config.clock(), db.installedBy());
            List<ExecutedMigration> done = new ArrayList<>(prepared.size());
            int rank = history.nextRank();
            int total = prepared.size();
            boolean relaxed = total > 1 && session(db, db.dialect().relaxedCommits());
            try {
                for (PreparedScript p : prepared) {
                    MigrationScript s = p.script();
                    if (relaxed && done.size() == total - 1) {
                        session(db, db.dialect().strictCommits());
                    }
                    config.listener().starting(s.type(), s.version(), s.fileName(), done.size() + 1, total);
                    ExecutedMigration executed = runner.run(p, entry.of(s), rank++);
                    done.add(executed);
                    config.listener().finished(executed, done.size(), total);
                }
            } finally {
                if (relaxed) {
                    restore(db);
                }
            }
            return done;
        }
    }

    private static boolean session(Database db, List<String> settings) throws SQLException {
        try (java.sql.Statement s = db.connection().createStatement()) {
            for (String sql : settings) {
                s.execute(sql);
            }
        }
        return !settings.isEmpty();
    }

    private static void restore(Database db) {
        try {
            session(db, db.dialect().strictCommits());
        } catch (SQLException ignored) {
            // the connection is broken; it is closed next and never returned in the relaxed state to anyone
        }
    }

    private List<PreparedScript> prepare(Database db, List<MigrationScript> scripts) {
        Placeholders placeholders = new Placeholders(config.placeholders());
        List<PreparedScript> prepared = new ArrayList<>(scripts.size());
        for (MigrationScript s : scripts) {
            prepared.add(PreparedScript.of(s, placeholders, db.dialect().splitRules()));
        }
        return prepared;
    }

    private static String scriptOf(History history, Version v) {
        return history.latest(v).map(HistoryRow::script).orElse("version " + v);
    }

    private MigrationLock lock(Database db) throws SQLException {
        Connection lockConnection = db.openAnother();
        try {
            return db.dialect().lock(lockConnection, config.historyTable(), new LockWaiter(config.lockTimeout(),
                    config.listener(), POLL));
        } catch (SQLException | RuntimeException e) {
            lockConnection.close();
            throw e;
        }
    }

    private HistoryTable table(Database db) {
        return new HistoryTable(db.connection(), db.dialect(), config.historyTable());
    }

    private ScriptCatalog catalog() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ScriptCatalog.load(config.locations(), loader != null ? loader : MigrationEngine.class.getClassLoader());
    }

    private interface Work<T> {
        T run(Database db) throws SQLException;
    }

    private interface Locked<T> {
        T run(MigrationLock lock) throws SQLException;
    }

    /** Runs {@code work} holding the migration lock. */
    private <T> T locked(Database db, Locked<T> work) throws SQLException {
        MigrationLock lock = lock(db);
        try {
            return work.run(lock);
        } finally {
            lock.close();
        }
    }

    private <T> T withDatabase(Work<T> work) {
        try (Database db = Database.open(config)) {
            return work.run(db);
        } catch (SQLException e) {
            throw new MigrationException(ErrorCode.CONNECTION_FAILED, "Database error: " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
        }
    }
}
