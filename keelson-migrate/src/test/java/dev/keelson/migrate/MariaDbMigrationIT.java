package dev.keelson.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.testing.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

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
                ResultSet rs = s.executeQuery(
                        "SELECT GET_LOCK(CONCAT('keelson:', DATABASE(), '.keelson_schema_history'), 0)")) {
            rs.next();
        }
    }

    @Override
    String holderDescription() {
        return "MySQL/MariaDB connection";
    }

    @Test
    void theSessionHasTheServersSqlModeAsTheMysqlClientsDoes() throws Exception {
        write(
                "V1__count.sql",
                "CREATE TABLE Count (Id int);\n"
                        + "CREATE TRIGGER count_ins BEFORE INSERT ON Count FOR EACH ROW SET NEW.Id = COALESCE(NEW.Id, 0);\n");

        migrator().migrate(MigrateOptions.latest());

        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT SQL_MODE, @@GLOBAL.sql_mode FROM information_schema.TRIGGERS WHERE TRIGGER_NAME = 'count_ins'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(rs.getString(2)).doesNotContain("IGNORE_SPACE");
        }
    }

    @Override
    String pause(int millis) {
        return "SELECT SLEEP(" + millis / 1000.0 + ")";
    }

    @Override
    void awaitPause(ChildMigrator child) throws Exception {
        awaitActivity(
                "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
                        + " AND INFO LIKE 'SELECT SLEEP(%'",
                child);
    }
}
