package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.internal.sql.SqlStatement;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The command and the inline data of a {@code COPY … FROM STDIN} statement, as psql's rules split it: the statement's
 * text runs from {@code COPY} through the {@code ;} and the data lines up to and including the {@code \.} line (or
 * the end of the script). Run through pgJDBC's {@code CopyManager}; the driver is the caller's run-time dependency,
 * not ours, so it is reached reflectively through {@code PGConnection.getCopyAPI()}.
 *
 * @param command the {@code COPY} command without its {@code ;}
 * @param data    the data lines, each ending with its line break, without the terminating {@code \.} line
 */
public record CopyIn(String command, String data) {

    /** For a statement split with PostgreSQL's rules that is {@code COPY … FROM STDIN}: its parts; else empty. */
    public static Optional<CopyIn> of(SqlStatement statement) {
        String sql = statement.sql();
        if (!sql.regionMatches(true, 0, "COPY", 0, 4)) {
            return Optional.empty();
        }
        int end = PostgresScript.copyCommandEnd(sql);
        if (end < 0) {
            return Optional.empty();
        }
        int dataStart = afterLineBreak(sql, end + 1);
        int dataEnd = sql.length();
        if (sql.endsWith("\\.") && (dataEnd - 2 == dataStart || isLineBreak(sql.charAt(dataEnd - 3)))) {
            dataEnd -= 2;
        }
        String data = sql.substring(Math.min(dataStart, dataEnd), dataEnd);
        if (!data.isEmpty() && !isLineBreak(data.charAt(data.length() - 1))) {
            data += "\n";
        }
        return Optional.of(new CopyIn(sql.substring(0, end).strip(), data));
    }

    private static int afterLineBreak(String sql, int from) {
        int i = from;
        while (i < sql.length() && !isLineBreak(sql.charAt(i))) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '\r' && i + 1 < sql.length() && sql.charAt(i + 1) == '\n') {
            return i + 2;
        }
        return Math.min(i + 1, sql.length());
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /** Sends the command and streams the data over {@code connection}. */
    void run(Connection connection) throws SQLException {
        try {
            Class<?> pgConnection = Class.forName(
                    "org.postgresql.PGConnection", false, connection.getClass().getClassLoader());
            Object pg = connection.unwrap(pgConnection);
            Object copyApi = pgConnection.getMethod("getCopyAPI").invoke(pg);
            copyApi.getClass()
                    .getMethod("copyIn", String.class, Reader.class)
                    .invoke(copyApi, command, new StringReader(data));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("COPY failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new SQLException("COPY ... FROM STDIN needs the PostgreSQL JDBC driver (org.postgresql): " + e, e);
        }
    }
}
