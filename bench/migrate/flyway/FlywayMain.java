import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway as a whole process, for bench/migrate/run.sh: {@code FlywayMain migrate|info URL USER LOCATION}.
 * Prints what Flyway's command line prints in substance: one line per applied migration, or the info table.
 */
public final class FlywayMain {
    public static void main(String[] args) {
        Flyway flyway = Flyway.configure()
                .dataSource(args[1], args[2], null)
                .locations(args[3])
                .load();
        if (args[0].equals("migrate")) {
            MigrateResult result = flyway.migrate();
            result.migrations.forEach(m -> System.out.println("Migrated " + m.filepath + " (" + m.executionTime + " ms)"));
            System.out.println("Successfully applied " + result.migrationsExecuted + " migrations, now at version " + result.targetSchemaVersion);
        } else {
            StringBuilder table = new StringBuilder();
            for (MigrationInfo i : flyway.info().all()) {
                table.append(i.getType()).append(" | ").append(i.getVersion()).append(" | ").append(i.getDescription())
                        .append(" | ").append(i.getInstalledBy()).append(" | ").append(i.getInstalledOn())
                        .append(" | ").append(i.getState().getDisplayName()).append(" | ").append(i.getChecksum()).append('\n');
            }
            System.out.print(table);
        }
    }
}
