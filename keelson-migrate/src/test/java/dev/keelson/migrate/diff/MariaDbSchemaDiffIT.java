package dev.keelson.migrate.diff;

import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

class MariaDbSchemaDiffIT extends SchemaDiffContractIT {
    @Override
    Engine engine() {
        return Engine.MARIADB;
    }

    @Override
    String fullSchema() {
        return """
                CREATE TABLE users (
                    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    email varchar(200) NOT NULL,
                    `Display Name` varchar(80) NULL,
                    created_at timestamp NOT NULL DEFAULT current_timestamp(),
                    CONSTRAINT users_email_key UNIQUE (email),
                    CONSTRAINT users_email_lower CHECK (email = lower(email))
                );
                CREATE TABLE `order` (
                    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
                    user_id bigint NOT NULL,
                    status enum('new','paid','shipped') NOT NULL DEFAULT 'new',
                    total decimal(12,2) NOT NULL,
                    total_cents bigint AS (total * 100) PERSISTENT,
                    note text,
                    CONSTRAINT order_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
                );
                CREATE INDEX order_status_idx ON `order` (status, user_id);
                CREATE FULLTEXT INDEX order_note_ft ON `order` (note);
                CREATE SEQUENCE invoice_numbers;
                CREATE VIEW open_orders AS SELECT id, user_id FROM `order` WHERE status <> 'shipped';
                CREATE FUNCTION order_count(uid bigint) RETURNS bigint READS SQL DATA
                    RETURN (SELECT count(*) FROM `order` WHERE user_id = uid);
                CREATE PROCEDURE mark_paid(oid int) UPDATE `order` SET status = 'paid' WHERE id = oid;
                """;
    }

    @Override
    String handMadeChange() {
        return """
                ALTER TABLE `order` ADD COLUMN `Gift Note` text;
                ALTER TABLE users ALTER COLUMN `Display Name` SET DEFAULT 'anonymous';
                DROP INDEX order_status_idx ON `order`;
                """;
    }

    @Override
    List<String> handMadeDifferences() {
        return List.of("column order.Gift Note", "column users.Display Name", "index order.order_status_idx");
    }

    @Override
    List<ObjectKind> kinds() {
        return List.of(
                ObjectKind.SEQUENCE,
                ObjectKind.TABLE,
                ObjectKind.COLUMN,
                ObjectKind.PRIMARY_KEY,
                ObjectKind.UNIQUE,
                ObjectKind.CHECK,
                ObjectKind.FOREIGN_KEY,
                ObjectKind.INDEX,
                ObjectKind.VIEW,
                ObjectKind.FUNCTION,
                ObjectKind.PROCEDURE);
    }

    @Override
    long scratchDatabases(TestDatabase db) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.schemata "
                        + "WHERE schema_name LIKE 'keelson\\_scratch\\_%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
