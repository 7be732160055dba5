package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;
import java.util.Locale;

/** {@code UPDATE} or {@code DELETE} without a {@code WHERE}. */
final class DataChangeWithoutWhere implements Rule {
    @Override
    public RuleInfo info() {
        return new RuleInfo("data-change-without-where", Severity.ERROR, "all", "UPDATE or DELETE without WHERE");
    }

    @Override
    public String why() {
        return "it changes every row of the table in one transaction: usually a mistake, and on a big table a long "
                + "lock on every row and a huge undo log";
    }

    @Override
    public String fix() {
        return "add the WHERE that selects the rows meant; for a real full-table backfill, batch it by key ranges "
                + "and suppress with -- keelson:lint-ignore data-change-without-where <reason>";
    }

    @Override
    public void check(LintStatement statement, FileContext file, Sink sink) {
        boolean fresh = statement.changedTable().map(file::isNew).orElse(false);
        if (statement.isDataChange() && !fresh && !statement.tokens().hasTopLevel("WHERE")) {
            String verb = statement.tokens().get(0).text().toUpperCase(Locale.ROOT);
            sink.report(statement.line(), verb + " without WHERE changes every row");
        }
    }
}
