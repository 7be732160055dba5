package dev.keelson.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A fresh, empty database on a real engine, dropped on {@link #close()}.
 *
 * @param engine   which engine
 * @param url      JDBC URL of the fresh database
 * @param user     user, may be null
 * @param password password, may be null
 */
public record TestDatabase(Engine engine, String url, String user, String password, AutoCloseable dropper)
        implements AutoCloseable {

    /**
     * A connection. An H2 file database whose {@code AUTO_SERVER} host process was just killed refuses new
     * connections for a moment (errors 8000, 90020 and 90067, until its lock file goes stale): that is retried for 10 s.
     */
    public Connection connect() throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                boolean race = e.getErrorCode() == 8000 || e.getErrorCode() == 90020 || e.getErrorCode() == 90067;
                if (engine != Engine.H2 || !race || attempt >= 40) {
                    throw e;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        dropper.close();
    }
}
