package dev.keelson.migrate.internal.diff;

import dev.keelson.migrate.diff.DbSchema;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What the schema diff needs from one database: reading its catalog and writing its DDL. A
 * {@link dev.keelson.migrate.internal.database.Dialect} offers one when the diff supports its database.
 */
public interface Catalog {

    /** The name the schemas it reads carry ({@link DbSchema#dialect()}): {@code postgresql}, {@code mysql}. */
    String schemaDialect();

    /** The schema the connection is in (the history table left out). */
    DbSchema read(Connection connection, String historyTable) throws SQLException;

    /** Writes this database's DDL. */
    DdlWriter ddl();

    /** The statement that drops a scratch database, ending whatever sessions it still has where it can. */
    String dropDatabase(String name);
}
