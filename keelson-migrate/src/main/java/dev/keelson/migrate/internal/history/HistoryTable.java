package dev.keelson.migrate.internal.history;

import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL access to the history table on one connection. The insert statement is prepared once and reused.
 * Never creates the table unless {@link #create()} is called.
 */
public final class HistoryTable implements AutoCloseable {
    private static final int MAX_ERROR = 3900;

    private final Connection connection;
    private final Dialect dialect;
    private final String table;
    private PreparedStatement insert;

    public HistoryTable(Connection connection, Dialect dialect, String table) {
        this.connection = connection;
        this.dialect = dialect;
        this.table = table;
    }

    public String name() {
        return table;
    }

    /** Whether the table exists, checked without creating anything or disturbing a transaction. */
    public boolean exists() throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit) {
            throw new IllegalStateException("check existence in autocommit mode only");
        }
        try (Statement s = connection.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException absent) {
            return false;
        }
    }

    /** Creates the table (autocommit). */
    public void create() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : dialect.createHistoryTable(table)) {
                s.execute(sql);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Every row, in rank order; empty when the table does not exist. */
    public History read() throws SQLException {
        if (!exists()) {
            return History.absent();
        }
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT installed_rank, version, description, type, script, checksum, "
                        + "installed_by, installed_on, execution_time_ms, success, statements_applied, error FROM "
                        + table + " ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return History.of(rows);
    }

    private static HistoryRow row(ResultSet rs) throws SQLException {
        String version = rs.getString(2);
        Timestamp on = rs.getTimestamp(8);
        return new HistoryRow(
                rs.getInt(1),
                version == null ? null : Version.parse(version),
                rs.getString(3),
                EntryType.valueOf(rs.getString(4)),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                on == null ? null : on.toInstant(),
                rs.getLong(9),
                rs.getBoolean(10),
                rs.getInt(11),
                rs.getString(12));
    }

    /** Appends a row with the prepared insert; commits only if the caller does. */
    public void insert(HistoryRow row) throws SQLException {
        if (insert == null) {
            insert = connection.prepareStatement("INSERT INTO " + table + " (installed_rank, version, description, type, "
                    + "script, checksum, installed_by, installed_on, execution_time_ms, success, statements_applied, error) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        insert.setInt(1, row.rank());
        insert.setString(2, row.version() == null ? null : row.version().toString());
        insert.setString(3, truncate(row.description(), 200));
        insert.setString(4, row.type().name());
        insert.setString(5, row.script());
        insert.setString(6, row.checksum());
        insert.setString(7, truncate(row.installedBy(), 100));
        insert.setTimestamp(8, Timestamp.from(row.installedOn()));
        insert.setLong(9, row.executionMillis());
        insert.setBoolean(10, row.success());
        insert.setInt(11, row.statementsApplied());
        insert.setString(12, truncate(row.error(), MAX_ERROR));
        insert.executeUpdate();
    }

    /** Deletes the rows with these ranks (failed rows, for {@code repair}). */
    public void delete(List<Integer> ranks) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE installed_rank = ?")) {
            for (int rank : ranks) {
                ps.setInt(1, rank);
                ps.executeUpdate();
            }
        }
    }

    /** Sets the checksum of one row (for {@code repair}). */
    public void updateChecksum(int rank, String checksum) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE " + table + " SET checksum = ? WHERE installed_rank = ?")) {
            ps.setString(1, checksum);
            ps.setInt(2, rank);
            ps.executeUpdate();
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public void close() throws SQLException {
        if (insert != null) {
            insert.close();
        }
    }
}
