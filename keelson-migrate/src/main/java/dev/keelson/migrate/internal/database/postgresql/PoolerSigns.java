package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.MigrationListener;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Signs that PostgreSQL connections go through a connection pooler or proxy (PgBouncer, pgcat, RDS Proxy, ...),
 * where session state — a session advisory lock among it — may belong to another client's transaction next. Two
 * signs count: the server listens on another port than the JDBC URL names (something forwards the connection),
 * and the backend pid of one JDBC connection changing between two transactions (transaction pooling, proven).
 * Either is reported once to the listener; from then on only transaction-scoped locks are used (and, after the
 * first sign, statements are sent unnamed).
 */
final class PoolerSigns {
    private final MigrationListener listener;
    private final Map<String, Integer> pids = new HashMap<>();
    private boolean detected;

    PoolerSigns(MigrationListener listener) {
        this.listener = listener;
    }

    boolean detected() {
        return detected;
    }

    /** Compares the port the server listens on ({@code inet_server_port()}) with the one in the JDBC URL. */
    void checkPort(String url, int serverPort) {
        Optional<Integer> urlPort = urlPort(url);
        if (urlPort.isPresent() && urlPort.get() != serverPort) {
            report("the JDBC URL names port " + urlPort.get()
                    + " but the PostgreSQL server behind it listens on port " + serverPort
                    + ", so a connection pooler or proxy (PgBouncer?) is in between");
        }
    }

    /** Remembers the backend pid seen on one connection; a change means transaction pooling. */
    void observePid(String connection, int pid) {
        Integer before = pids.put(connection, pid);
        if (before != null && before != pid) {
            report(
                    "the PostgreSQL backend pid of one connection changed from " + before + " to " + pid
                            + " between two transactions: a connection pooler in transaction mode (PgBouncer pool_mode=transaction?)"
                            + " is in between (unless it supports prepared statements, add prepareThreshold=0 to the JDBC URL)");
        }
    }

    /** A session lock could not be released on the connection that took it: a pooler moved the session. */
    void leaked() {
        report("a session advisory lock could not be released on the connection that took it, so a connection pooler"
                + " in transaction mode is in between; the lock stays on a pooled server connection until it closes");
    }

    private void report(String why) {
        if (!detected) {
            detected = true;
            listener.notice("Connection pooler detected: " + why + ". Keelson takes only transaction-scoped advisory"
                    + " locks from now on, which stay correct in transaction pooling mode; a file run without a"
                    + " transaction then needs two server connections from the pool at once.");
        }
    }

    /** The port of a single-host {@code jdbc:postgresql:} URL (5432 when none is given); empty for anything else. */
    static Optional<Integer> urlPort(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:postgresql:".length());
        if (!rest.startsWith("//")) {
            return Optional.of(5432);
        }
        String hostPort = rest.substring(2).split("[/?]", 2)[0];
        if (hostPort.contains(",")) {
            return Optional.empty();
        }
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0 || hostPort.endsWith("]")) {
            return Optional.of(5432);
        }
        try {
            return Optional.of(Integer.parseInt(hostPort.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
