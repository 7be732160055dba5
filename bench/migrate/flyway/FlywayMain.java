import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Flyway as a whole process, for bench/migrate/run.sh and scale.sh:
 * {@code FlywayMain migrate|info|validate URL USER LOCATION}. Prints what Flyway's command line prints in
 * substance: one line per applied migration, the info table, or the validation outcome (exit 1 when invalid).
 */
public final class FlywayMain {
    public static void main(String[] args) {
        Flyway flyway = Flyway.configure()
                .dataSource(args[1], args[2], null)
                .locations(args[3])
                .load();
        switch (args[0]) {
            case "migrate" -> migrate(flyway);
            case "info" -> info(flyway);
            case "validate" -> validate(flyway);
            default -> throw new IllegalArgumentException("usage: FlywayMain migrate|info|validate URL USER LOCATION");
        }
    }

    private static void migrate(Flyway flyway) {
        MigrateResult result = flyway.migrate();
        result.migrations.forEach(m -> System.out.println("Migrated " + m.filepath + " (" + m.executionTime + " ms)"));
        System.out.println("Successfully applied " + result.migrationsExecuted + " migrations, now at version " + result.targetSchemaVersion);
    }

    private static void info(Flyway flyway) {
        StringBuilder table = new StringBuilder();
        for (MigrationInfo i : flyway.info().all()) {
            table.append(i.getType()).append(" | ").append(i.getVersion()).append(" | ").append(i.getDescription())
                    .append(" | ").append(i.getInstalledBy()).append(" | ").append(i.getInstalledOn())
                    .append(" | ").append(i.getState().getDisplayName()).append(" | ").append(i.getChecksum()).append('\n');
        }
        System.out.print(table);
    }

    /** What {@code flyway validate} does: {@link Flyway#validate()} is this call plus a throw. */
    private static void validate(Flyway flyway) {
        ValidateResult result = flyway.validateWithResult();
        if (!result.validationSuccessful) {
            System.err.println(result.getAllErrorMessages());
            System.exit(1);
        }
        System.out.println("Successfully validated " + result.validateCount + " migrations");
    }
}
