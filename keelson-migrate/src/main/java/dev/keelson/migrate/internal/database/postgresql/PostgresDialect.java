package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.diff.DbSchema;
import dev.keelson.migrate.internal.database.Dialect;
import dev.keelson.migrate.internal.database.LockWaiter;
import dev.keelson.migrate.internal.database.MigrationLock;
import dev.keelson.migrate.internal.diff.Catalog;
import dev.keelson.migrate.internal.diff.DdlWriter;
import dev.keelson.migrate.internal.lint.Rule;
import dev.keelson.migrate.internal.sql.ErrorPlace;
import dev.keelson.migrate.internal.sql.SplitRules;
import dev.keelson.migrate.internal.sql.SqlStatement;
import dev.keelson.migrate.lint.LintDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PostgreSQL: transactional DDL, advisory locks polled per migration (see {@link AdvisoryLock}). */
public record PostgresDialect() implements Dialect {
    /** The server's error position (1-based, in characters of the statement), which the driver appends as a line. */
    private static final Pattern POSITION = Pattern.compile("\\R\\s*Position: (\\d+)");

    private static final Catalog CATALOG = new Catalog() {
        @Override
        public String schemaDialect() {
            return "postgresql";
        }

        @Override
        public DbSchema read(Connection connection, String historyTable) throws SQLException {
            return PostgresCatalog.read(connection, historyTable);
        }

        @Override
        public DdlWriter ddl() {
            return new PostgresDdl();
        }

        @Override
        public String dropDatabase(String name) {
            return "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)";
        }
    };

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:postgresql:");
    }

    @Override
    public List<Rule> lintRules() {
        return List.of(
                new PgIndexNotConcurrent(),
                new PgAddNotNullColumn(),
                new PgSetNotNull(),
                new PgConstraintNotValid(),
                new PgTypeChange(),
                new PgUniqueConstraint(),
                new PgConcurrentlyInTransaction());
    }

    @Override
    public Optional<LintDialect> lintDialect() {
        return Optional.of(LintDialect.POSTGRESQL);
    }

    @Override
    public Optional<Catalog> catalog() {
        return Optional.of(CATALOG);
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public SplitRules splitRules() {
        return PostgresScript::new;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** {@code to_regclass}: an absent table is no error, so an open transaction survives the question. */
    @Override
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * A statement that starts with one of these words and has no {@code RETURNING} anywhere in it returns no rows:
     * pgJDBC's batch refuses a statement that does ("A result was returned when none was expected").
     */
    private static final Set<String> NO_ROWS =
            Set.of("CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE", "TRUNCATE", "INSERT", "UPDATE", "DELETE");

    /**
     * DDL and DML without {@code RETURNING}: pgJDBC sends a batch of them as one Parse/Bind/Execute sequence per
     * statement before one Sync, one round trip; the server stops at the first error, so the transaction then fails
     * as it would statement by statement. Anything else ({@code SELECT}, {@code COPY}, {@code WITH}, {@code DO}, a
     * statement opened by a comment) runs on its own.
     */
    @Override
    public boolean batchable(SqlStatement sql) {
        String text = sql.sql();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return NO_ROWS.contains(text.substring(0, end).toUpperCase(Locale.ROOT))
                && !text.toUpperCase(Locale.ROOT).contains("RETURNING");
    }

    /** {@code COPY ... FROM STDIN} with its inline data goes through the driver's copy API; the rest as usual. */
    @Override
    public void execute(Statement statement, SqlStatement sql) throws SQLException {
        Optional<CopyIn> copy = CopyIn.of(sql);
        if (copy.isPresent()) {
            copy.get().run(statement.getConnection());
        } else {
            statement.execute(sql.sql());
        }
    }

    /**
     * A per-migration advisory lock (see {@link AdvisoryLock}). Transactions that are not a run's last commit with
     * {@code synchronous_commit = off} (set locally, so no pooled session keeps it): each commit is still atomic
     * (schema change and history row together) but does not wait for its own WAL flush; the run's last commit
     * flushes the WAL up to it and so makes every earlier commit durable too. A server crash mid-run can lose only
     * the newest migrations of that run, each entirely, never half.
     */
    @Override
    public MigrationLock lock(
            Connection migration, Supplier<Connection> lockConnection, String historyTable, LockWaiter waiter)
            throws SQLException {
        return AdvisoryLock.create(migration, lockConnection, historyTable, waiter);
    }

    @Override
    public Optional<String> lockHolder(Connection connection, String historyTable, Duration staleAfter)
            throws SQLException {
        return AdvisoryLock.holderOf(connection, historyTable);
    }

    @Override
    public ErrorPlace errorPlace(SqlStatement sql, int column, String message) {
        Matcher position = POSITION.matcher(message);
        if (!position.find()) {
            return ErrorPlace.statementStart(sql, message);
        }
        String rest = (message.substring(0, position.start()) + message.substring(position.end())).strip();
        return ErrorPlace.atOffset(sql, column, Integer.parseInt(position.group(1)), rest);
    }
}
