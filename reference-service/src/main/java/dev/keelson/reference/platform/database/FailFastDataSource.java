package dev.keelson.reference.platform.database;

import dev.keelson.reference.platform.Breaker;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool, behind a {@link Breaker}: once getting a connection failed (the pool timed out, or the server refused),
 * further requests are refused at once for a moment instead of each waiting the pool's full connection timeout;
 * then one request tries again, and its success lets everyone through. Spring turns the refusal into
 * {@code CannotGetJdbcConnectionException}, which the API answers with a 503 problem document.
 */
final class FailFastDataSource extends DelegatingDataSource {
    private static final Logger log = LoggerFactory.getLogger(FailFastDataSource.class);

    private final Breaker breaker;

    FailFastDataSource(DataSource pool, Breaker breaker) {
        super(pool);
        this.breaker = breaker;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!breaker.allows()) {
            throw new SQLTransientConnectionException(
                    "The database did not answer a moment ago; failing fast until it does", "08001");
        }
        try {
            Connection connection = super.getConnection();
            if (breaker.succeeded()) {
                log.info("The database answers again");
            }
            return connection;
        } catch (SQLException e) {
            if (unreachable(e)) {
                if (!breaker.isOpen()) {
                    log.warn(
                            "The database is unreachable ({}): failing requests fast until it answers", e.getMessage());
                }
                breaker.failed();
            }
            throw e;
        }
    }

    /** A pool timeout, or SQLState class 08 (connection exception): not a bad query or a refused login. */
    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientConnectionException || (state != null && state.startsWith("08"));
    }
}
