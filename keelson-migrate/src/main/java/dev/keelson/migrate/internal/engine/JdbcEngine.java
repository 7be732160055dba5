package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.MigrationState;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.RepairOptions;
import dev.keelson.migrate.RepairResult;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.migrate.RollbackResult;
import dev.keelson.migrate.StatusReport;
import dev.keelson.migrate.ValidationProblem;
import dev.keelson.migrate.ValidationResult;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import dev.keelson.migrate.internal.history.HistoryTable;
import dev.keelson.migrate.internal.resolve.CallbackEvent;
import dev.keelson.migrate.internal.resolve.Checksum;
import dev.keelson.migrate.internal.resolve.MigrationScript;
import dev.keelson.migrate.internal.resolve.Placeholders;
import dev.keelson.migrate.internal.resolve.ScriptCatalog;
import dev.keelson.migrate.lint.LintReport;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The operations of {@link dev.keelson.migrate.Migrator} on a SQL database over JDBC; what differs between such
 * databases is their {@link dev.keelson.migrate.internal.database.Dialect}. Each call reads the files, opens one
 * connection, and
 * reads the history once; changing operations read it under the migration lock and keep it true while they run
 * ({@link GuardedHistory}).
 */
final class JdbcEngine implements MigrationEngine {
    private final MigratorConfig config;

    JdbcEngine(MigratorConfig config) {
        this.config = config;
    }

    /** See {@link dev.keelson.migrate.Migrator#migrate}. */
    @Override
    public MigrateResult migrate(MigrateOptions options) {
        ScriptCatalog catalog = catalog();
        return withDatabase(db -> {
            if (options.dryRun()) {
                History history = read(db, catalog);
                List<PreparedScript> prepared = migratePlan(db, catalog, history, options);
                LintReport lint = lint(db, catalog, prepared, "pending migrations");
                return new MigrateResult(executed(prepared), reached(history, prepared), true, lint);
            }
            try (GuardedHistory guarded = GuardedHistory.plan(db, config)) {
                adopt(db, guarded, catalog);
                History history = guarded.history();
                List<PreparedScript> prepared = migratePlan(db, catalog, history, options);
                LintReport lint = lint(db, catalog, prepared, "pending migrations");
                Optional<Version> reached = reached(history, prepared);
                if (!prepared.isEmpty()) {
                    guarded.ensureTable();
                }
                guarded.endPlanning();
                Callbacks callbacks = callbacks(db, catalog);
                try {
                    callbacks.run(CallbackEvent.BEFORE_MIGRATE, db.connection());
                    List<ExecutedMigration> done = run(db, guarded, prepared, this::entryFor, callbacks);
                    if (!done.isEmpty()) {
                        callbacks.run(CallbackEvent.AFTER_MIGRATE_APPLIED, db.connection());
                    }
                    callbacks.run(CallbackEvent.AFTER_MIGRATE, db.connection());
                    return new MigrateResult(done, reached, false, lint);
                } catch (MigrationException e) {
                    callbacks.runAfter(CallbackEvent.AFTER_MIGRATE_ERROR, db.connection(), e);
                    throw e;
                }
            }
        });
    }

    /**
     * The scripts {@code migrate} runs, prepared; a file whose last run outside a transaction failed resumes where
     * it failed (see {@link Resumption}), or the run is refused before anything runs.
     */
    private List<PreparedScript> migratePlan(
            Session db, ScriptCatalog catalog, History history, MigrateOptions options) {
        noteOlderChecksums(history);
        refuseInvalid(catalog, history);
        List<MigrationScript> plan = new MigratePlan(catalog, history, options.target(), config.outOfOrder()).scripts();
        List<PreparedScript> prepared = new ArrayList<>(prepare(db, plan));
        for (HistoryRow failed : history.failed()) {
            int i = indexOf(prepared, failed);
            Resumption decision = Resumption.of(failed, i < 0 ? null : prepared.get(i));
            switch (decision) {
                case Resumption.Resume resume -> prepared.set(i, prepared.get(i).resumingAfter(resume.applied()));
                case Resumption.Refuse refuse ->
                    throw new MigrationException(MigrationErrorCode.FAILED_MIGRATION_PRESENT, refuse.message());
            }
        }
        return prepared;
    }

    /** Tells the listener when applied migrations carry checksums of an older format, and how to upgrade them. */
    private void noteOlderChecksums(History history) {
        long older = Stream.concat(history.latestVersionRows().stream(), history.latestRepeatableRows().stream())
                .filter(r -> r.success() && Checksum.isOlder(r.checksum()))
                .count();
        if (older > 0) {
            config.listener()
                    .notice(older + " applied migration(s) have a checksum in an older format, still verified"
                            + " with its own algorithm; `keelson db repair --upgrade-checksums` rewrites them in the current"
                            + " format (" + Checksum.CURRENT + ")");
        }
    }

    private static int indexOf(List<PreparedScript> prepared, HistoryRow row) {
        for (int i = 0; i < prepared.size(); i++) {
            MigrationScript s = prepared.get(i).script();
            boolean same = row.version() != null
                    ? row.version().equals(s.version())
                    : s.version() == null && row.description().equals(s.description());
            if (same && row.type() != EntryType.UNDO) {
                return i;
            }
        }
        return -1;
    }

    /** See {@link dev.keelson.migrate.Migrator#rollback}. */
    @Override
    public RollbackResult rollback(RollbackOptions options) {
        ScriptCatalog catalog = catalog();
        return withDatabase(db -> {
            if (options.dryRun()) {
                History history = read(db, catalog);
                Rollback plan = rollbackPlan(db, catalog, history, options);
                LintReport lint = lint(db, catalog, plan.undo(), "undo files");
                return new RollbackResult(executed(plan.undo()), plan.after(), true, lint);
            }
            try (GuardedHistory guarded = GuardedHistory.plan(db, config)) {
                adopt(db, guarded, catalog);
                Rollback plan = rollbackPlan(db, catalog, guarded.history(), options);
                LintReport lint = lint(db, catalog, plan.undo(), "undo files");
                guarded.ensureTable();
                guarded.endPlanning();
                Callbacks callbacks = callbacks(db, catalog);
                try {
                    callbacks.run(CallbackEvent.BEFORE_UNDO, db.connection());
                    List<ExecutedMigration> done = run(db, guarded, plan.undo(), s -> EntryType.UNDO, callbacks);
                    callbacks.run(CallbackEvent.AFTER_UNDO, db.connection());
                    return new RollbackResult(done, plan.after(), false, lint);
                } catch (MigrationException e) {
                    callbacks.runAfter(CallbackEvent.AFTER_UNDO_ERROR, db.connection(), e);
                    throw e;
                }
            }
        });
    }

    /** The undo scripts of a rollback and the schema version after it. */
    private record Rollback(List<PreparedScript> undo, Optional<Version> after) {}

    private Rollback rollbackPlan(Session db, ScriptCatalog catalog, History history, RollbackOptions options) {
        refuseFailed(history);
        List<Version> versions = new RollbackPlan(history, options).versions();
        List<MigrationScript> undo = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Version v : versions) {
            Optional<MigrationScript> u = catalog.undoOf(v);
            u.ifPresentOrElse(
                    undo::add, () -> missing.add(scriptOf(history, v) + " has no undo file U" + v + "__*.sql"));
        }
        if (!missing.isEmpty()) {
            throw new MigrationException(
                    MigrationErrorCode.MISSING_UNDO,
                    "Cannot roll back: " + String.join("; ", missing)
                            + ". Nothing was run; write the missing undo file(s) first");
        }
        Set<Version> undone = new HashSet<>(versions);
        Optional<Version> after = history.appliedVersions().stream()
                .filter(v -> !undone.contains(v))
                .reduce((a, b) -> b)
                .or(() -> history.baseline().map(HistoryRow::version));
        return new Rollback(prepare(db, undo), after);
    }

    private LintReport lint(Session db, ScriptCatalog catalog, List<PreparedScript> toRun, String what)
            throws SQLException {
        return PendingLint.check(db, config.lint(), config.placeholders(), catalog, toRun, what);
    }

    private static List<ExecutedMigration> executed(List<PreparedScript> prepared) {
        return prepared.stream().map(p -> p.executed(Duration.ZERO)).toList();
    }

    /** See {@link dev.keelson.migrate.Migrator#status}. */
    @Override
    public StatusReport status() {
        ScriptCatalog catalog = catalog();
        return withDatabase(db -> {
            History history = read(db, catalog);
            noteOlderChecksums(history);
            boolean unfinished = history.failed().stream().anyMatch(HistoryRow::interrupted);
            Optional<String> running = unfinished
                    ? db.dialect().lockHolder(db.connection(), config.historyTable(), config.lockStaleAfter())
                    : Optional.empty();
            return new StatusReport(new StatusRows(catalog, history, running).build(), history.schemaVersion());
        });
    }

    /** See {@link dev.keelson.migrate.Migrator#validate}. */
    @Override
    public ValidationResult validate() {
        ScriptCatalog catalog = catalog();
        return withDatabase(db -> {
            History history = read(db, catalog);
            noteOlderChecksums(history);
            return new ValidationResult(problems(catalog, history));
        });
    }

    /** See {@link dev.keelson.migrate.Migrator#repair(RepairOptions)}. */
    @Override
    public RepairResult repair(RepairOptions options) {
        ScriptCatalog catalog = catalog();
        return withDatabase(db -> {
            try (GuardedHistory guarded = GuardedHistory.plan(db, config)) {
                adopt(db, guarded, catalog);
                History history = guarded.history();
                if (!history.exists()) {
                    return new RepairResult(List.of(), List.of(), List.of());
                }
                guarded.ensureTable();
                Repair repair = new Repair(catalog, history, guarded.table(), db, config);
                RepairResult result = options.resumeScript() != null
                        ? repair.resumeAt(options)
                        : options.upgradeChecksums() ? repair.upgradeChecksums() : repair.run();
                guarded.endPlanning();
                return result;
            }
        });
    }

    /** See {@link dev.keelson.migrate.Migrator#baseline}. */
    @Override
    public void baseline(Version version, String description) {
        Objects.requireNonNull(version, "version");
        withDatabase(db -> {
            try (GuardedHistory guarded = GuardedHistory.plan(db, config)) {
                baseline(db, guarded, version, description);
                return null;
            }
        });
    }

    private void baseline(Session db, GuardedHistory guarded, Version version, String description) throws SQLException {
        History history = guarded.history();
        if (!history.appliedVersions().isEmpty()
                || history.baseline().isPresent()
                || history.latestRepeatableRows().stream().anyMatch(r -> r.type() == EntryType.REPEATABLE)) {
            throw new MigrationException(
                    MigrationErrorCode.BASELINE_REFUSED,
                    "Cannot baseline: the database already has "
                            + "applied migrations (schema version "
                            + history.schemaVersion().map(Version::toString).orElse("none")
                            + "); baseline adopts a database Keelson has never migrated");
        }
        guarded.ensureTable();
        String text = description == null || description.isBlank() ? "baseline" : description;
        guarded.table()
                .insert(new HistoryRow(
                        history.nextRank(),
                        version,
                        text,
                        EntryType.BASELINE,
                        null,
                        null,
                        db.installedBy(),
                        config.clock().instant(),
                        0,
                        true,
                        0,
                        null,
                        null));
        guarded.endPlanning();
    }

    private List<ValidationProblem> problems(ScriptCatalog catalog, History history) {
        List<ValidationProblem> problems = new ArrayList<>();
        for (MigrationInfo info : new StatusRows(catalog, history, Optional.empty()).build()) {
            String script = info.script();
            String message = switch (info.state()) {
                case CHANGED ->
                    script + " changed since it was applied; restore it, or run `keelson db repair` if the"
                            + " edit was deliberate";
                case MISSING_FILE ->
                    script + " was applied but its file is gone; restore it, or run `keelson db repair`"
                            + " to forget it";
                case FAILED ->
                    script + " " + info.failure() + "; run `keelson db migrate` to resume it after a fix (it"
                            + " says what to run when it cannot)";
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
            throw new MigrationException(
                    MigrationErrorCode.FAILED_MIGRATION_PRESENT,
                    "A previous run of " + f.script()
                            + " failed after " + f.statementsApplied() + " statement(s) (" + f.error()
                            + "). Clean up what it left,"
                            + " then run `keelson db repair` to clear the failed entry before migrating again");
        }
    }

    /** Refuses when applied files changed or vanished; failures are {@link Resumption}'s. */
    private void refuseInvalid(ScriptCatalog catalog, History history) {
        List<ValidationProblem> problems = problems(catalog, history).stream()
                .filter(p -> p.state() != MigrationState.FAILED)
                .toList();
        if (!problems.isEmpty()) {
            StringBuilder text = new StringBuilder("Validation failed, nothing was migrated:");
            problems.forEach(p -> text.append("\n  - ").append(p.message()));
            throw new MigrationException(MigrationErrorCode.VALIDATION_FAILED, text.toString());
        }
    }

    private Optional<Version> reached(History history, List<PreparedScript> plan) {
        Optional<Version> current = history.schemaVersion();
        Optional<Version> planned = plan.stream()
                .map(p -> p.script().version())
                .filter(Objects::nonNull)
                .max(Version::compareTo);
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

    private Callbacks callbacks(Session db, ScriptCatalog catalog) {
        return Callbacks.of(catalog, new Placeholders(config.placeholders()), db.dialect(), config.listener());
    }

    private List<ExecutedMigration> run(
            Session db, GuardedHistory guarded, List<PreparedScript> prepared, EntryOf entry, Callbacks callbacks)
            throws SQLException {
        ScriptRunner runner =
                new ScriptRunner(db, guarded, config.listener(), config.clock(), db.installedBy(), callbacks);
        List<ExecutedMigration> done = new ArrayList<>(prepared.size());
        for (int i = 0; i < prepared.size(); i++) {
            PreparedScript p = prepared.get(i);
            EntryType type = entry.of(p.script());
            boolean firstRepeatable = type == EntryType.REPEATABLE
                    && (i == 0 || entry.of(prepared.get(i - 1).script()) != EntryType.REPEATABLE);
            if (firstRepeatable) {
                if (i > 0) {
                    callbacks.run(CallbackEvent.AFTER_VERSIONED, db.connection());
                }
                callbacks.run(CallbackEvent.BEFORE_REPEATABLES, db.connection());
            }
            Optional<ExecutedMigration> executed;
            try {
                executed = runner.run(p, type, i + 1, prepared.size());
            } catch (MigrationException e) {
                String hint = type == EntryType.VERSIONED && done.isEmpty() && existingSchema(e, guarded.history())
                        ? " This database already has objects no history records (no keelson or Flyway history):"
                                + " if its schema is what your migrations build up to version N, adopt it with `keelson db"
                                + " baseline --version N` and migrate again"
                        : "";
                MigrationException failure = new MigrationException(e.code(), e.getMessage() + hint, e, done);
                callbacks.runAfter(ScriptRunner.afterEachError(type), db.connection(), failure);
                throw failure;
            } catch (SQLException e) {
                throw new MigrationException(
                        MigrationErrorCode.CONNECTION_FAILED,
                        "Database error: " + e.getMessage()
                                + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"),
                        e,
                        done);
            }
            if (executed.isPresent()) {
                done.add(executed.get());
                config.listener().finished(executed.get(), i + 1, prepared.size());
            }
        }
        boolean versionedLast =
                !prepared.isEmpty() && entry.of(prepared.getLast().script()) == EntryType.VERSIONED;
        if (versionedLast) {
            callbacks.run(CallbackEvent.AFTER_VERSIONED, db.connection());
        }
        return done;
    }

    /**
     * True when a first migration failed because what it creates exists already, on a database with no history:
     * a schema made by hand or by another tool (SQLState 42P07 on PostgreSQL, 42S01 on MySQL/MariaDB and H2).
     */
    private static boolean existingSchema(MigrationException e, History history) {
        boolean noHistory =
                history.appliedVersions().isEmpty() && history.baseline().isEmpty();
        boolean exists = e.getCause() instanceof SQLException sql
                && ("42P07".equals(sql.getSQLState())
                        || "42S01".equals(sql.getSQLState())
                        || String.valueOf(sql.getMessage()).contains("already exists"));
        return noHistory && exists;
    }

    private List<PreparedScript> prepare(Session db, List<MigrationScript> scripts) {
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

    /** The history for a command that changes nothing: keelson's, or Flyway's entries when keelson has none. */
    private History read(Session db, ScriptCatalog catalog) throws SQLException {
        History history = table(db).read();
        return FlywayAdoption.rows(db, history, catalog, config.listener(), config.historyTable())
                .map(History::of)
                .orElse(history);
    }

    /** Writes Flyway's entries into keelson's empty history, under the lock, before planning. */
    private void adopt(Session db, GuardedHistory guarded, ScriptCatalog catalog) throws SQLException {
        Optional<List<HistoryRow>> rows =
                FlywayAdoption.rows(db, guarded.history(), catalog, config.listener(), config.historyTable());
        if (rows.isPresent()) {
            guarded.ensureTable();
            for (HistoryRow row : rows.get()) {
                guarded.table().insert(row);
                guarded.written(row);
            }
        }
    }

    private HistoryTable table(Session db) {
        return new HistoryTable(db.connection(), db.dialect(), config.historyTable());
    }

    private ScriptCatalog catalog() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return ScriptCatalog.load(config.locations(), loader != null ? loader : JdbcEngine.class.getClassLoader());
    }

    private interface Work<T> {
        T run(Session db) throws SQLException;
    }

    private <T> T withDatabase(Work<T> work) {
        try (Session db = Session.open(config)) {
            return work.run(db);
        } catch (SQLException e) {
            throw new MigrationException(
                    MigrationErrorCode.CONNECTION_FAILED,
                    "Database error: " + e.getMessage()
                            + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"),
                    e);
        }
    }
}
