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

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() throws Exception {
        dropper.close();
    }
}
