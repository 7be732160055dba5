package dev.keelson.migrate.internal.history;

import dev.keelson.migrate.internal.database.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQL access to the history table on one connection. The statements a run repeats (insert, update, the highest
 * rank) are prepared once and reused. Never creates or alters the table unless {@link #create()} or
 * {@link #addMissingColumns()} is called.
 *
 * <p>Columns added after the first release ({@value #HASHES}) are read when present and added by
 * {@link #addMissingColumns()} before the first write, so a table made by an older Keelson keeps working.
 */
public final class HistoryTable implements AutoCloseable, HistoryRepair.Writer<SQLException> {
    private static final int MAX_ERROR = 3900;
    static final String HASHES = "statement_hashes";
    private static final String COLUMNS = "installed_rank, version, description, type, script, checksum, installed_by, "
            + "installed_on, execution_time_ms, success, statements_applied, error";

    private final Connection connection;
    private final Dialect dialect;
    private final String table;
    private PreparedStatement insert;
    private PreparedStatement update;
    private PreparedStatement maxRank;
    private boolean hashesColumn = true;

    public HistoryTable(Connection connection, Dialect dialect, String table) {
        this.connection = connection;
        this.dialect = dialect;
        this.table = table;
    }

    public String name() {
        return table;
    }

    /** Whether the table exists, checked without creating anything (see {@link Dialect#tableExists}). */
    public boolean exists() throws SQLException {
        return dialect.tableExists(connection, table);
    }

    /** Creates the table; commits only if the caller does (or the connection is in autocommit mode). */
    public void create() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : dialect.createHistoryTable(table)) {
                s.execute(sql);
            }
        }
        hashesColumn = true;
    }

    /** Whether the last {@link #read()} found every column this version writes. */
    public boolean upToDate() {
        return hashesColumn;
    }

    /** Adds the columns a table made by an older Keelson lacks; a no-op when {@link #upToDate()}. */
    public void addMissingColumns() throws SQLException {
        if (!hashesColumn) {
            try (Statement s = connection.createStatement()) {
                s.execute("ALTER TABLE " + table + " ADD COLUMN " + HASHES + " " + dialect.longTextType());
            }
            hashesColumn = true;
        }
    }

    /** Every row, in rank order; empty when the table does not exist. */
    public History read() throws SQLException {
        if (!exists()) {
            return History.absent();
        }
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY installed_rank")) {
            int hashes = hashesIndex(rs.getMetaData());
            hashesColumn = hashes > 0;
            while (rs.next()) {
                rows.add(row(rs, hashes));
            }
        }
        return History.of(rows);
    }

    /** The highest rank written, 0 for none: one index lookup, to learn whether anyone wrote since. */
    public int maxRank() throws SQLException {
        if (maxRank == null) {
            maxRank = connection.prepareStatement(maxRankQuery());
        }
        try (ResultSet rs = maxRank.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The query of {@link #maxRank()}: one row, one column, NULL when the table is empty. */
    public String maxRankQuery() {
        return "SELECT MAX(installed_rank) FROM " + table;
    }

    /** The rows with a rank above {@code rank}, in rank order. */
    public List<HistoryRow> rowsAfter(int rank) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT * FROM " + table + " WHERE installed_rank > ? ORDER BY installed_rank")) {
            ps.setInt(1, rank);
            try (ResultSet rs = ps.executeQuery()) {
                int hashes = hashesIndex(rs.getMetaData());
                while (rs.next()) {
                    rows.add(row(rs, hashes));
                }
            }
        }
        return rows;
    }

    private static int hashesIndex(ResultSetMetaData meta) throws SQLException {
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).toLowerCase(Locale.ROOT).equals(HASHES)) {
                return i;
            }
        }
        return 0;
    }

    /** Reads the twelve columns every version has by name, and {@value #HASHES} at {@code hashes} (0: absent). */
    private HistoryRow row(ResultSet rs, int hashes) throws SQLException {
        Timestamp on = rs.getTimestamp("installed_on");
        return HistoryRow.fromColumns(
                table,
                rs.getInt("installed_rank"),
                rs.getString("version"),
                rs.getString("description"),
                rs.getString("type"),
                rs.getString("script"),
                rs.getString("checksum"),
                rs.getString("installed_by"),
                on == null ? null : on.toInstant(),
                rs.getLong("execution_time_ms"),
                rs.getBoolean("success"),
                rs.getInt("statements_applied"),
                rs.getString("error"),
                hashes > 0 ? rs.getString(hashes) : null);
    }

    /** Appends a row with the prepared insert; commits only if the caller does. */
    @Override
    public void insert(HistoryRow row) throws SQLException {
        if (insert == null) {
            insert = connection.prepareStatement("INSERT INTO " + table + " (" + COLUMNS + ", " + HASHES
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
        insert.setString(
                13, row.statementHashes() == null ? null : row.statementHashes().format());
        insert.executeUpdate();
    }

    /**
     * Writes the outcome columns of a row already inserted (success, statements applied, time, error): how far a
     * file that runs outside a transaction got.
     */
    public void update(HistoryRow row) throws SQLException {
        if (update == null) {
            update = connection.prepareStatement("UPDATE " + table + " SET success = ?, statements_applied = ?, "
                    + "execution_time_ms = ?, error = ? WHERE installed_rank = ?");
        }
        update.setBoolean(1, row.success());
        update.setInt(2, row.statementsApplied());
        update.setLong(3, row.executionMillis());
        update.setString(4, truncate(row.error(), MAX_ERROR));
        update.setInt(5, row.rank());
        update.executeUpdate();
    }

    /** Deletes the rows with these ranks (failed rows, for {@code repair}). */
    @Override
    public void delete(List<Integer> ranks) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE installed_rank = ?")) {
            for (int rank : ranks) {
                ps.setInt(1, rank);
                ps.executeUpdate();
            }
        }
    }

    /** Sets the checksum of one row (for {@code repair}). */
    @Override
    public void updateChecksum(int rank, String checksum) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("UPDATE " + table + " SET checksum = ? WHERE installed_rank = ?")) {
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
        for (PreparedStatement ps : new PreparedStatement[] {insert, update, maxRank}) {
            if (ps != null) {
                ps.close();
            }
        }
    }
}
