package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.internal.sql.SqlStatement;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs a PostgreSQL {@code COPY ... FROM STDIN} with its inline data through pgJDBC's {@code CopyManager}. The
 * driver is the caller's run-time dependency, not ours, so it is reached reflectively through
 * {@code PGConnection.getCopyAPI()}.
 */
final class CopyIn {
    private CopyIn() {}

    static void run(Connection connection, SqlStatement.CopyIn copy) throws SQLException {
        try {
            Class<?> pgConnection = Class.forName(
                    "org.postgresql.PGConnection", false, connection.getClass().getClassLoader());
            Object pg = connection.unwrap(pgConnection);
            Object copyApi = pgConnection.getMethod("getCopyAPI").invoke(pg);
            copyApi.getClass()
                    .getMethod("copyIn", String.class, Reader.class)
                    .invoke(copyApi, copy.command(), new StringReader(copy.data()));
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
