/**
 * Spring Boot auto-configuration for keelson-migrate: with a {@code DataSource}, the pending migrations of
 * {@code classpath:db/migration} are linted and applied while the application starts, before anything that uses
 * the database ({@link dev.keelson.migrate.boot.KeelsonMigrateAutoConfiguration}); {@code keelson.migrate.*}
 * properties ({@link dev.keelson.migrate.boot.KeelsonMigrateProperties}); with Actuator, the {@code keelson}
 * endpoint and an info contributor.
 */
package dev.keelson.migrate.boot;
