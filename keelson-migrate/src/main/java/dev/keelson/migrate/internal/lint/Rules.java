package dev.keelson.migrate.internal.lint;

import java.util.List;

/** Every lint rule, in the order they are documented. */
public final class Rules {
    /** Reports suppression comments without a reason or naming no known rule; cannot itself be suppressed. */
    public static final String BAD_SUPPRESSION = "lint-ignore-without-reason";

    private Rules() {}

    public static List<Rule> all() {
        return List.of(
                new PgIndexNotConcurrent(),
                new PgAddNotNullColumn(),
                new PgSetNotNull(),
                new PgConstraintNotValid(),
                new PgTypeChange(),
                new PgUniqueConstraint(),
                new PgConcurrentlyInTransaction(),
                new DropTableOrColumn(),
                new RenameTableOrColumn(),
                new DataChangeWithoutWhere(),
                new MissingUndo(),
                new MysqlTableCopy());
    }
}
