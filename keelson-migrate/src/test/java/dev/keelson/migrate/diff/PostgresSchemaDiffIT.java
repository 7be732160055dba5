package dev.keelson.migrate.diff;

import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

class PostgresSchemaDiffIT extends SchemaDiffContractIT {
    @Override
    Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    String fullSchema() {
        return """
                CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
                CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10;
                CREATE TABLE users (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    email text NOT NULL UNIQUE,
                    "Display Name" varchar(80),
                    created_at timestamptz NOT NULL DEFAULT now(),
                    CONSTRAINT users_email_lower CHECK (email = lower(email))
                );
                CREATE TABLE "order" (
                    id serial PRIMARY KEY,
                    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
                    status order_status NOT NULL DEFAULT 'new',
                    total numeric(12,2) NOT NULL,
                    total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED,
                    note text
                );
                CREATE INDEX order_open_idx ON "order" (user_id) WHERE status <> 'shipped';
                CREATE INDEX users_email_hash ON users USING hash (email);
                CREATE VIEW open_orders AS SELECT id, user_id FROM "order" WHERE status <> 'shipped';
                CREATE FUNCTION order_count(uid bigint) RETURNS bigint LANGUAGE sql STABLE
                    AS $$ SELECT count(*) FROM "order" WHERE user_id = uid $$;
                CREATE PROCEDURE mark_paid(oid integer) LANGUAGE sql
                    AS $$ UPDATE "order" SET status = 'paid' WHERE id = oid $$;
                """;
    }

    @Override
    String handMadeChange() {
        return """
                ALTER TABLE "order" ADD COLUMN "Gift Note" text;
                ALTER TABLE users ALTER COLUMN created_at SET DEFAULT clock_timestamp();
                DROP INDEX order_open_idx;
                """;
    }

    @Override
    List<String> handMadeDifferences() {
        return List.of("column order.Gift Note", "column users.created_at", "index order.order_open_idx");
    }

    @Override
    List<ObjectKind> kinds() {
        return List.of(ObjectKind.values());
    }

    @Override
    long scratchDatabases(TestDatabase db) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'keelson_scratch_%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
