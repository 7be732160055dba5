package dev.keelson.cli.db;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import java.sql.SQLException;

/**
 * The settings to change when a database refused the login (SQLState class 28, "invalid authorization", which
 * PostgreSQL, MySQL/MariaDB and H2 all use): the flag, the environment variable and the {@code keelson.properties}
 * key, worded here because the library knows nothing of them.
 */
public final class LoginHint {
    static final String TEXT = "; check the user and password: --user/--password, KEELSON_DB_USER/KEELSON_DB_PASSWORD,"
            + " or db.user/db.password in keelson.properties";

    private LoginHint() {}

    /** {@code e} with the hint appended when it is a refused login, else {@code e} itself. */
    public static MigrationException worded(MigrationException e) {
        if (e.code() != MigrationErrorCode.CONNECTION_FAILED
                || !refusedLogin(e)
                || e.getMessage().endsWith(TEXT)) {
            return e;
        }
        return new MigrationException(e.code(), e.getMessage() + TEXT, e.getCause(), e.completed());
    }

    private static boolean refusedLogin(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("28")) {
                return true;
            }
        }
        return false;
    }
}
