package dev.keelson.migrate;

import dev.keelson.migrate.testing.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

class MariaDbMigrationIT extends MigrationContractIT {
    @Override
    Engine engine() {
        return Engine.MARIADB;
    }

    @Override
    boolean transactionalDdl() {
        return false;
    }

    @Override
    void holdMigrationLock(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT GET_LOCK(CONCAT('keelson:', DATABASE(), '.keelson_schema_history'), 0)")) {
            rs.next();
        }
    }

    @Override
    String holderDescription() {
        return "MySQL/MariaDB connection";
    }

    @Override
    String pause(int millis) {
        return "SELECT SLEEP(" + millis / 1000.0 + ")";
    }

    @Override
    void awaitPause(ChildMigrator child) throws Exception {
        awaitActivity("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
                + " AND INFO LIKE 'SELECT SLEEP(%'", child);
    }
}
