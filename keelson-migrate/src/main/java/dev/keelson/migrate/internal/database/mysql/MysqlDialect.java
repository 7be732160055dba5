package dev.keelson.migrate.internal.database.mysql;

import dev.keelson.migrate.diff.DbSchema;
import dev.keelson.migrate.internal.database.Dialect;
import dev.keelson.migrate.internal.database.LockWaiter;
import dev.keelson.migrate.internal.database.MigrationLock;
import dev.keelson.migrate.internal.database.OwnConnection;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB: DDL commits implicitly, so a failed migration stays half-applied and is recorded as
 * failed; the lock is {@code GET_LOCK(name, 0)} polled.
 */
public record MysqlDialect() implements Dialect {
    /** A syntax error's place: the text from the error on, and the line of the statement it is on. */
    private static final Pattern NEAR = Pattern.compile("near '(.*)' at line (\\d+)\\s*$", Pattern.DOTALL);

    private static final Catalog CATALOG = new Catalog() {
        @Override
        public String schemaDialect() {
            return "mysql";
        }

        @Override
        public DbSchema read(Connection connection, String historyTable) throws SQLException {
            return MariaDbCatalog.read(connection, historyTable);
        }

        @Override
        public DdlWriter ddl() {
            return new MariaDbDdl();
        }

        @Override
        public String dropDatabase(String name) {
            return "DROP DATABASE IF EXISTS " + name;
        }
    };

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:mysql:", "jdbc:mariadb:");
    }

    @Override
    public List<Rule> lintRules() {
        return List.of(new MysqlTableCopy());
    }

    @Override
    public Optional<LintDialect> lintDialect() {
        return Optional.of(LintDialect.MYSQL);
    }

    @Override
    public Optional<Catalog> catalog() {
        return Optional.of(CATALOG);
    }

    @Override
    public String name() {
        return "MySQL/MariaDB";
    }

    @Override
    public SplitRules splitRules() {
        return MysqlScript::new;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String textType() {
        return "TEXT";
    }

    @Override
    public String longTextType() {
        return "MEDIUMTEXT";
    }

    @Override
    public String timestampType() {
        return "DATETIME(3)";
    }

    /**
     * MariaDB Connector/J asks for the {@code CLIENT_IGNORE_SPACE} capability at every handshake, so the server adds
     * {@code IGNORE_SPACE} to the session's {@code sql_mode}: function names become reserved words
     * ({@code CREATE TABLE Count (...)} fails) and every trigger, view and routine stores that mode. The {@code mysql}
     * client does not ask for it: the mode is taken out again unless the server's own (global) mode has it. Any other
     * mode (the server's, or one set in the URL's {@code sessionVariables}) is kept. The character set stays the
     * driver's utf8mb4, the encoding migration files are read in.
     */
    @Override
    public void prepareSession(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode, @@GLOBAL.sql_mode")) {
            rs.next();
            List<String> session = modes(rs.getString(1));
            if (session.contains("IGNORE_SPACE") && !modes(rs.getString(2)).contains("IGNORE_SPACE")) {
                List<String> kept =
                        session.stream().filter(m -> !m.equals("IGNORE_SPACE")).toList();
                try (PreparedStatement set = connection.prepareStatement("SET SESSION sql_mode = ?")) {
                    set.setString(1, String.join(",", kept));
                    set.execute();
                }
            }
        }
    }

    private static List<String> modes(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(m -> m.strip().toUpperCase(Locale.ROOT))
                        .toList();
    }

    @Override
    public MigrationLock lock(
            Connection migration, Supplier<Connection> lockConnection, String historyTable, LockWaiter waiter)
            throws SQLException {
        return OwnConnection.lock(lockConnection, c -> NamedLock.acquire(c, historyTable, waiter));
    }

    @Override
    public Optional<String> lockHolder(Connection connection, String historyTable, Duration staleAfter)
            throws SQLException {
        return NamedLock.holderOfTable(connection, historyTable);
    }

    @Override
    public ErrorPlace errorPlace(SqlStatement sql, int column, String message) {
        Matcher near = NEAR.matcher(message);
        if (!near.find()) {
            return ErrorPlace.statementStart(sql, message);
        }
        String text = near.group(1).lines().findFirst().orElse("");
        String rest = message.substring(0, near.start()) + "near '" + near.group(1) + "'";
        return ErrorPlace.atLine(sql, column, Integer.parseInt(near.group(2)), text, rest);
    }
}
