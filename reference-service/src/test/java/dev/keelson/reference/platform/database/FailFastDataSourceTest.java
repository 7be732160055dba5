package dev.keelson.reference.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.reference.platform.Breaker;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** Against a pool that fails as told and counts how often it is asked (a real pool cannot time out on cue). */
class FailFastDataSourceTest {
    private final AtomicLong now = new AtomicLong();
    private final Pool pool = new Pool();
    private final FailFastDataSource dataSource =
            new FailFastDataSource(pool, new Breaker(Duration.ofSeconds(1), now::get));

    /** A pool whose next answer is {@code failure} (or a connection when null). */
    private static final class Pool extends AbstractDataSource {
        final AtomicInteger asked = new AtomicInteger();
        volatile SQLException failure;

        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return null; // the caller never uses it here
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    @Test
    void afterThePoolTimedOutRequestsAreRefusedAtOnceWithoutAskingThePool() {
        pool.failure = new SQLTransientConnectionException("HikariPool-1 - Connection is not available");
        assertThatThrownBy(dataSource::getConnection).hasMessageContaining("HikariPool-1");

        for (int i = 0; i < 50; i++) {
            assertThatThrownBy(dataSource::getConnection)
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("failing fast");
        }
        assertThat(pool.asked).hasValue(1);
    }

    @Test
    void oneRequestTriesAgainAfterTheRetryPeriodAndItsSuccessLetsEveryoneThrough() throws SQLException {
        pool.failure = new SQLException("Connection refused", "08001");
        assertThatThrownBy(dataSource::getConnection);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        pool.failure = null;

        dataSource.getConnection();
        dataSource.getConnection();
        dataSource.getConnection();

        assertThat(pool.asked).hasValue(4);
    }

    @Test
    void errorsThatAreNotAboutReachingTheDatabaseDoNotStopRequests() {
        pool.failure = new SQLException("password authentication failed", "28P01");
        assertThatThrownBy(dataSource::getConnection);
        assertThatThrownBy(dataSource::getConnection);

        assertThat(pool.asked).hasValue(2);
    }
}
