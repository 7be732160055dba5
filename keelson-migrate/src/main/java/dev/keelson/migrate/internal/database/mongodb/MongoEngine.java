package dev.keelson.migrate.internal.database.mongodb;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.RepairOptions;
import dev.keelson.migrate.RepairResult;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.migrate.RollbackResult;
import dev.keelson.migrate.StatusReport;
import dev.keelson.migrate.ValidationProblem;
import dev.keelson.migrate.ValidationResult;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.engine.MigrationEngine;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRepair;
import dev.keelson.migrate.internal.history.HistoryRow;
import dev.keelson.migrate.internal.resolve.Placeholders;
import dev.keelson.migrate.lint.LintReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The operations of {@link dev.keelson.migrate.Migrator} on MongoDB, for a {@code mongodb://} or
 * {@code mongodb+srv://} URL. Each call reads the files, connects once and reads the history once; changing
 * operations read it under the lock document ({@link LockDocument}) and keep it true while they run.
 */
public final class MongoEngine implements MigrationEngine {
    private final MigratorConfig config;

    MongoEngine(MigratorConfig config) {
        this.config = config;
    }

    @Override
    public MigrateResult migrate(MigrateOptions options) {
        CommandCatalog catalog = catalog();
        return withServer(server -> {
            HistoryCollection table = table(server);
            if (options.dryRun()) {
                History history = table.read();
                List<CommandStep> plan = new MongoPlan(catalog, history).migrate(options.target(), config.outOfOrder());
                LintReport lint = lint(server, catalog, plan, "pending migrations");
                return new MigrateResult(executed(plan), reached(history, plan), true, lint);
            }
            try (LockDocument lock = lock(server)) {
                History history = table.read();
                List<CommandStep> plan = new MongoPlan(catalog, history).migrate(options.target(), config.outOfOrder());
                LintReport lint = lint(server, catalog, plan, "pending migrations");
                Optional<Version> reached = reached(history, plan);
                if (!plan.isEmpty()) {
                    table.ensure();
                    history = table.read();
                }
                List<ExecutedMigration> done = run(server, table, history, lock, plan);
                return new MigrateResult(done, reached, false, lint);
            }
        });
    }

    @Override
    public RollbackResult rollback(RollbackOptions options) {
        CommandCatalog catalog = catalog();
        return withServer(server -> {
            HistoryCollection table = table(server);
            if (options.dryRun()) {
                History history = table.read();
                MongoPlan plan = new MongoPlan(catalog, history);
                List<CommandStep> undo = plan.rollback(options);
                LintReport lint = lint(server, catalog, undo, "undo files");
                return new RollbackResult(executed(undo), plan.after(undo), true, lint);
            }
            try (LockDocument lock = lock(server)) {
                History history = table.read();
                MongoPlan plan = new MongoPlan(catalog, history);
                List<CommandStep> undo = plan.rollback(options);
                LintReport lint = lint(server, catalog, undo, "undo files");
                Optional<Version> after = plan.after(undo);
                table.ensure();
                List<ExecutedMigration> done = run(server, table, table.read(), lock, undo);
                return new RollbackResult(done, after, false, lint);
            }
        });
    }

    @Override
    public StatusReport status() {
        CommandCatalog catalog = catalog();
        return withServer(server -> {
            History history = table(server).read();
            boolean unfinished = history.failed().stream().anyMatch(HistoryRow::interrupted);
            Optional<String> running =
                    unfinished ? LockDocument.holder(server.database(), config.historyTable()) : Optional.empty();
            return new StatusReport(new MongoStatus(catalog, history, running).rows(), history.schemaVersion());
        });
    }

    @Override
    public ValidationResult validate() {
        CommandCatalog catalog = catalog();
        return withServer(
                server -> new ValidationResult(problems(catalog, table(server).read())));
    }

    @Override
    @SuppressWarnings("try") // the lock document is held for the block, which never reads it
    public RepairResult repair(RepairOptions options) {
        CommandCatalog catalog = catalog();
        return withServer(server -> {
            try (LockDocument lock = lock(server)) {
                HistoryCollection table = table(server);
                History history = table.read();
                if (!history.exists()) {
                    return new RepairResult(List.of(), List.of(), List.of());
                }
                HistoryRepair<RuntimeException> repair =
                        new HistoryRepair<>(history, table, server.installedBy(), config.clock(), "command");
                if (options.resumeScript() != null) {
                    return repair.resumeAt(
                            options.resumeScript(), options.resumeStatement(), failed -> resumable(catalog, failed));
                }
                // JSON checksums have one format so far: an upgrade has nothing to rewrite
                return options.upgradeChecksums()
                        ? new RepairResult(List.of(), List.of(), List.of(), List.of(), List.of())
                        : repair.run(catalog.versioned()::get, description -> true); // no repeatable files here
            }
        });
    }

    @Override
    @SuppressWarnings("try") // the lock document is held for the block, which never reads it
    public void baseline(Version version, String description) {
        Objects.requireNonNull(version, "version");
        withServer(server -> {
            try (LockDocument lock = lock(server)) {
                HistoryCollection table = table(server);
                History history = table.read();
                if (!history.appliedVersions().isEmpty() || history.baseline().isPresent()) {
                    throw new MigrationException(
                            MigrationErrorCode.BASELINE_REFUSED,
                            "Cannot baseline: the database already has applied migrations (schema version "
                                    + history.schemaVersion()
                                            .map(Version::toString)
                                            .orElse("none")
                                    + "); baseline adopts a database Keelson has never migrated");
                }
                table.ensure();
                table.insert(new HistoryRow(
                        history.nextRank(),
                        version,
                        description == null || description.isBlank() ? "baseline" : description,
                        EntryType.BASELINE,
                        null,
                        null,
                        server.installedBy(),
                        config.clock().instant(),
                        0,
                        true,
                        0,
                        null,
                        null));
                return null;
            }
        });
    }

    /** The server's message with its code name: {@code Index with name: x already exists (code 85, IndexOptionsConflict)}. */
    static String message(MongoException e) {
        String text;
        String codeName = null;
        if (e instanceof MongoCommandException c) {
            text = c.getErrorMessage();
            codeName = c.getErrorCodeName();
        } else if (e instanceof MongoWriteException w) {
            text = w.getError().getMessage();
        } else {
            text = e.getMessage();
        }
        text = (text == null || text.isBlank() ? e.getClass().getSimpleName() : text.strip())
                .replaceAll("[.\\s]+$", "");
        return text
                + (e.getCode() == -3 || e.getCode() == -1 && codeName == null
                        ? ""
                        : " (code " + e.getCode() + (codeName == null || codeName.isEmpty() ? "" : ", " + codeName)
                                + ")");
    }

    private List<ExecutedMigration> run(
            Server server, HistoryCollection table, History history, LockDocument lock, List<CommandStep> plan) {
        CommandRunner runner = new CommandRunner(server, table, history, lock, config.listener(), config.clock());
        List<ExecutedMigration> done = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            try {
                done.add(runner.run(plan.get(i), i + 1, plan.size()));
            } catch (MigrationException e) {
                throw new MigrationException(e.code(), e.getMessage(), e.getCause(), done);
            } catch (MongoException e) {
                throw new MigrationException(
                        MigrationErrorCode.CONNECTION_FAILED, "MongoDB error: " + message(e), e, done);
            }
        }
        return done;
    }

    private LintReport lint(Server server, CommandCatalog catalog, List<CommandStep> toRun, String what) {
        if (!config.lint().enabled() || toRun.isEmpty()) {
            return LintReport.EMPTY;
        }
        return MongoLint.check(catalog, toRun, config.lint(), server.version(), what);
    }

    private List<ValidationProblem> problems(CommandCatalog catalog, History history) {
        return new MongoStatus(catalog, history, Optional.empty()).problems();
    }

    private static List<ExecutedMigration> executed(List<CommandStep> plan) {
        return plan.stream().map(s -> s.executed(Duration.ZERO)).toList();
    }

    private static Optional<Version> reached(History history, List<CommandStep> plan) {
        Optional<Version> current = history.schemaVersion();
        Optional<Version> planned = plan.stream().map(s -> s.file().version()).max(Version::compareTo);
        return planned.isPresent() && (current.isEmpty() || planned.get().compareTo(current.get()) > 0)
                ? planned
                : current;
    }

    /** A failed file as it is now, for {@code repair --resume-at}: its commands counted and hashed. */
    private static Optional<HistoryRepair.Resumable> resumable(CommandCatalog catalog, HistoryRow failed) {
        return Optional.ofNullable(catalog.versioned().get(failed.version()))
                .map(f -> new HistoryRepair.Resumable(
                        f.fileName(), f.checksum(), f.commands().size(), f.hashes()));
    }

    private LockDocument lock(Server server) {
        return LockDocument.acquire(
                server.database(),
                config.historyTable(),
                config.lockTimeout(),
                config.lockStaleAfter(),
                config.clock(),
                config.listener());
    }

    private HistoryCollection table(Server server) {
        return new HistoryCollection(server.database(), config.historyTable());
    }

    private CommandCatalog catalog() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return CommandCatalog.load(
                config.migrationLocations(),
                new Placeholders(config.placeholders()),
                loader != null ? loader : MongoEngine.class.getClassLoader());
    }

    private <T> T withServer(Function<Server, T> work) {
        try (Server server = Server.open(config)) {
            return work.apply(server);
        } catch (MongoException e) {
            throw new MigrationException(MigrationErrorCode.CONNECTION_FAILED, "MongoDB error: " + message(e), e);
        }
    }
}
