package dev.keelson.migrate.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A plain {@link DataSource} over {@link DriverManager}, as an application would hand one in; counts connections
 * and can prepare each one (register a function, ...) before handing it out.
 */
public final class DriverDataSource implements DataSource {
    /** Prepares a new connection. */
    public interface Setup {
        void apply(Connection c) throws SQLException;
    }

    private final TestDatabase db;
    private final Setup setup;
    private final AtomicInteger opened = new AtomicInteger();

    public DriverDataSource(TestDatabase db) {
        this(db, c -> {});
    }

    public DriverDataSource(TestDatabase db, Setup setup) {
        this.db = db;
        this.setup = setup;
    }

    public int opened() {
        return opened.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        opened.incrementAndGet();
        Connection c = db.connect();
        setup.apply(c);
        return c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
