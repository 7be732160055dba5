/**
 * The migration engine: the {@link dev.keelson.migrate.Migrator} facade and its results, the lint
 * ({@code dev.keelson.migrate.lint}) and the schema diff ({@code dev.keelson.migrate.diff}). Everything under
 * {@code dev.keelson.migrate.internal} is not exported. JDBC drivers are the caller's: found by
 * {@link java.sql.DriverManager} from the class or module path.
 */
@SuppressWarnings("requires-automatic") // MongoDB's driver jars name their modules in their manifests only
module dev.keelson.migrate {
    requires transitive java.sql; // the API takes a DataSource and hands out Connections
    requires java.management; // the lock row's owner names its process

    // MongoDB support is optional: the driver is needed only for mongodb:// URLs
    requires static org.mongodb.driver.sync.client;
    requires static org.mongodb.driver.core;
    requires static org.mongodb.bson;

    exports dev.keelson.migrate;
    exports dev.keelson.migrate.diff;
    exports dev.keelson.migrate.lint;
}
