package dev.keelson.migrate.internal.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/** Takes a run lock on a connection of its own, which the lock then owns; closes the connection if taking fails. */
public final class OwnConnection {
    /** Takes a lock on {@code connection}. */
    public interface Take {
        MigrationLock on(Connection connection) throws SQLException;
    }

    private OwnConnection() {}

    public static MigrationLock lock(Supplier<Connection> opener, Take take) throws SQLException {
        Connection c = opener.get();
        try {
            return take.on(c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
