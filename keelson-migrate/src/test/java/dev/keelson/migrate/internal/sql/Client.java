package dev.keelson.migrate.internal.sql;

import dev.keelson.migrate.internal.database.Dialect;
import dev.keelson.migrate.internal.database.h2.H2Dialect;
import dev.keelson.migrate.internal.database.mysql.MysqlDialect;
import dev.keelson.migrate.internal.database.postgresql.PostgresDialect;
import dev.keelson.migrate.internal.database.sqlite.SqliteDialect;

/** The clients whose splitting these tests pin down, each with its database's rules; a corpus folder per client. */
enum Client implements SplitRules {
    POSTGRESQL(new PostgresDialect()),
    MYSQL(new MysqlDialect()),
    SQLITE(new SqliteDialect()),
    H2(new H2Dialect());

    private final SplitRules rules;

    Client(Dialect dialect) {
        this.rules = dialect.splitRules();
    }

    @Override
    public ScriptRules forScript() {
        return rules.forScript();
    }
}
