package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.internal.database.Databases;
import dev.keelson.migrate.internal.database.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Every lint rule: those for every database live here, those for one database in its package
 * ({@link Dialect#lintRules()}).
 */
public final class Rules {
    /** Reports suppression comments without a reason or naming no known rule; cannot itself be suppressed. */
    public static final String BAD_SUPPRESSION = "lint-ignore-without-reason";

    private Rules() {}

    /**
     * Every rule, in the order they are documented (README's table, the SARIF rule list, the "the rules are" message):
     * the first database's (PostgreSQL's), the rules for every database, then each other database's.
     */
    public static List<Rule> all() {
        List<Dialect> dialects = Databases.dialects();
        List<Rule> all = new ArrayList<>(dialects.getFirst().lintRules());
        all.addAll(List.of(
                new DropTableOrColumn(), new RenameTableOrColumn(), new DataChangeWithoutWhere(), new MissingUndo()));
        dialects.stream().skip(1).forEach(d -> all.addAll(d.lintRules()));
        return all;
    }
}
