/**
 * Spring Boot auto-configuration for keelson-migrate ({@link dev.keelson.migrate.boot}). Spring Boot loads it from the
 * class path, where this descriptor is ignored; javac still holds the starter to it: it reads only what it requires,
 * and reaches keelson-migrate through its exported API alone.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // Spring names its modules in manifests only
module dev.keelson.migrate.boot {
    // in the starter's API: Migrator (customizers, strategies), DataSource, Spring's annotations and interfaces
    requires transitive dev.keelson.migrate;
    requires transitive java.sql;
    requires transitive spring.beans;
    requires transitive spring.boot;
    requires transitive spring.boot.autoconfigure;
    requires transitive spring.boot.sql; // the database-initializer ordering: the detector extends its class
    requires org.apache.commons.logging;
    requires spring.context;

    // the endpoint and info contributor, only when the application has Actuator
    requires static transitive spring.boot.actuator;
    requires static spring.boot.actuator.autoconfigure;

    exports dev.keelson.migrate.boot;

    // Spring reads the configuration classes and binds the properties reflectively
    opens dev.keelson.migrate.boot;
}
