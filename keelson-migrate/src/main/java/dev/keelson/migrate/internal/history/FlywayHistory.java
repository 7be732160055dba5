package dev.keelson.migrate.internal.history;

import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.database.Dialect;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Flyway's history table, {@code flyway_schema_history}, read so a database Flyway manages is adopted rather than
 * migrated again: each successful entry becomes a keelson history row (Flyway's {@code SQL} with a version →
 * versioned, without → repeatable; {@code BASELINE}/{@code SQL_BASELINE} → baseline; {@code UNDO_SQL} → undo;
 * {@code DELETE} → deleted). Failed entries and Flyway's schema-creation marker are left out, and counted.
 */
public final class FlywayHistory {
    /** Flyway's default history table. */
    public static final String TABLE = "flyway_schema_history";

    /** One Flyway entry, as Flyway wrote it. */
    public record Entry(
            int rank,
            Version version,
            String description,
            String type,
            String script,
            Integer checksum,
            String installedBy,
            Instant installedOn,
            long executionMillis,
            boolean success) {}

    /** The entries of {@code flyway_schema_history}, by rank; empty when the table does not exist. */
    public static Optional<List<Entry>> read(Connection connection, Dialect dialect) throws SQLException {
        if (!dialect.tableExists(connection, TABLE)) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT installed_rank, version, description, type, script, checksum, installed_by, installed_on,"
                                + " execution_time, success FROM " + TABLE + " ORDER BY installed_rank")) {
            while (rs.next()) {
                String version = rs.getString("version");
                int checksum = rs.getInt("checksum");
                Timestamp on = rs.getTimestamp("installed_on");
                entries.add(new Entry(
                        rs.getInt("installed_rank"),
                        parse(version),
                        rs.getString("description"),
                        rs.getString("type"),
                        rs.getString("script"),
                        rs.wasNull() ? null : checksum,
                        rs.getString("installed_by"),
                        on == null ? Instant.EPOCH : on.toInstant(),
                        rs.getLong("execution_time"),
                        rs.getBoolean("success")));
            }
        }
        return Optional.of(entries);
    }

    private static Version parse(String version) {
        try {
            return version == null || version.isBlank() ? null : Version.parse(version);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Keelson's entry type for a successful Flyway entry; empty for entries that are not migrations. */
    public static Optional<EntryType> typeOf(Entry entry) {
        String type = entry.type() == null ? "" : entry.type().toUpperCase(Locale.ROOT);
        if (type.contains("BASELINE") || type.equals("INIT")) {
            return entry.version() == null ? Optional.empty() : Optional.of(EntryType.BASELINE);
        }
        if (type.startsWith("UNDO")) {
            return entry.version() == null ? Optional.empty() : Optional.of(EntryType.UNDO);
        }
        if (type.equals("DELETE")) {
            return Optional.of(EntryType.DELETED);
        }
        if (type.equals("SCHEMA")) {
            return Optional.empty();
        }
        return Optional.of(entry.version() == null ? EntryType.REPEATABLE : EntryType.VERSIONED);
    }

    /**
     * Flyway's checksum of a file's text: a CRC32 over its lines without their line breaks (and without a leading
     * byte order mark), in UTF-8, as an int.
     */
    public static int checksum(String content) {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new StringReader(content))) {
            String line = reader.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }

    private FlywayHistory() {}
}
