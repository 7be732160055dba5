package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ALTER COLUMN ... TYPE} that rewrites the table. Known not to rewrite: to {@code text} or unbounded
 * {@code varchar}, and widening {@code varchar(n)} or {@code numeric(p,s)} (same scale) when the old type is known
 * from an earlier file.
 */
final class PgTypeChange extends ActionRule {
    private static final Pattern SIZED = Pattern.compile("(varchar|character varying|numeric|decimal)\\((\\d+)(?:,(\\d+))?\\)");

    @Override
    public RuleInfo info() {
        return new RuleInfo("pg-type-change-rewrites-table", Severity.ERROR, "postgresql",
                "a column type change that rewrites the table");
    }

    @Override
    public String why() {
        return "the table and its indexes are rewritten under an ACCESS EXCLUSIVE lock: no reads or writes until done";
    }

    @Override
    public String fix() {
        return "add a new column of the new type, backfill it in batches, switch the code, then drop the old column; "
                + "widening varchar(n) or changing to text does not rewrite";
    }

    @Override
    boolean appliesTo(LintDialect dialect) {
        return dialect == LintDialect.POSTGRESQL;
    }

    @Override
    void checkAction(String table, Tokens action, FileContext file, Sink sink) {
        if (!action.startsWith("ALTER")) {
            return;
        }
        Shapes.typeChange(action).ifPresent(change -> {
            String old = file.schema().columnType(table, change.column());
            if (change.using() || !widens(old, change.newType())) {
                sink.report(0, "type of " + table + "." + change.column() + " changed"
                        + (old == null ? "" : " from " + old) + " to " + change.newType());
            }
        });
    }

    private static boolean numeric(Matcher m) {
        return m.group(1).equals("numeric") || m.group(1).equals("decimal");
    }

    static boolean widens(String old, String type) {
        if (type.equals(old)) {
            return true;
        }
        if (type.equals("text") || type.equals("varchar") || type.equals("character varying")) {
            return true;
        }
        if (old == null) {
            return false;
        }
        Matcher from = SIZED.matcher(old);
        Matcher to = SIZED.matcher(type);
        if (!from.matches() || !to.matches() || numeric(from) != numeric(to)) {
            return false;
        }
        boolean sameScale = String.valueOf(from.group(3)).equals(String.valueOf(to.group(3)));
        return sameScale && Integer.parseInt(to.group(2)) >= Integer.parseInt(from.group(2));
    }
}
