package dev.keelson.reference.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** Against a pool that hands out as many connections as asked and counts how many are open. */
class ConnectionGateTest {
    private final Pool pool = new Pool();

    private static final class Pool extends AbstractDataSource {
        final AtomicInteger open = new AtomicInteger();
        volatile SQLException failure;

        @Override
        public Connection getConnection() throws SQLException {
            if (failure != null) {
                throw failure;
            }
            open.incrementAndGet();
            return (Connection) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "close" -> open.decrementAndGet();
                            case "getSchema" -> {
                                return "public";
                            }
                            default -> {}
                        }
                        return null;
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    @Test
    void aCallerBeyondThePoolSizeWaitsForAConnectionToBeClosed() throws Exception {
        ConnectionGate gate = new ConnectionGate(pool, 2, 5_000);
        Connection first = gate.getConnection();
        gate.getConnection();

        CompletableFuture<Connection> third = CompletableFuture.supplyAsync(() -> {
            try {
                return gate.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(third).isNotDone();
        assertThat(pool.open).hasValue(2);

        first.close();
        assertThat(third.get(5, TimeUnit.SECONDS).getSchema()).isEqualTo("public");
        assertThat(pool.open).hasValue(2);
    }

    @Test
    void closingAConnectionTwiceGivesBackOnePermit() throws SQLException {
        ConnectionGate gate = new ConnectionGate(pool, 1, 50);
        Connection connection = gate.getConnection();
        connection.close();
        connection.close();

        gate.getConnection();
        assertThatThrownBy(gate::getConnection)
                .isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("No connection was free in 50 ms");
    }

    @Test
    void aPoolFailureGivesThePermitBack() throws SQLException {
        ConnectionGate gate = new ConnectionGate(pool, 1, 50);
        pool.failure = new SQLException("Connection refused", "08001");
        assertThatThrownBy(gate::getConnection).hasMessage("Connection refused");

        pool.failure = null;
        assertThat(gate.getConnection()).isNotNull();
    }
}
