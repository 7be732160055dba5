package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.internal.lint.ActionRule;
import dev.keelson.migrate.internal.lint.FileContext;
import dev.keelson.migrate.internal.lint.Shapes;
import dev.keelson.migrate.internal.lint.Tokens;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;

/**
 * {@code ALTER COLUMN ... TYPE} that rewrites the table, by PostgreSQL's own rule ({@code ATColumnChangeRequiresRewrite}):
 * no rewrite when the new type is the old one, or binary-coercible from it ({@code pg_cast.castmethod = 'b'}:
 * varchar↔text, xml→text/varchar, cidr→inet, bit→varbit), or only loosens a type modifier whose support function
 * says so (a longer or unbounded varchar/varbit, numeric with more precision and the same scale or unconstrained,
 * a time/timestamp/interval precision raised or removed). Anything else, or a {@code USING} clause, rewrites
 * (int→text does: its cast is a function). When the old type is unknown (the table predates the migrations), only
 * a change to {@code text} or unbounded {@code varchar} passes. Each verdict is checked against the server's
 * {@code pg_class.relfilenode} in {@code PgTypeChangeRulesIT}.
 */
final class PgTypeChange extends ActionRule {
    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "pg-type-change-rewrites-table",
                Severity.ERROR,
                "postgresql",
                "a column type change that rewrites the table");
    }

    @Override
    public String why() {
        return "the table and its indexes are rewritten under an ACCESS EXCLUSIVE lock: no reads or writes until done";
    }

    @Override
    public String fix() {
        return "add a new column of the new type, backfill it in batches, switch the code, then drop the old column; "
                + "widening varchar(n) or numeric(p,s), or varchar to text, does not rewrite";
    }

    @Override
    protected boolean appliesTo(LintDialect dialect) {
        return dialect == LintDialect.POSTGRESQL;
    }

    @Override
    protected void checkAction(String table, Tokens action, FileContext file, Sink sink) {
        if (!action.startsWith("ALTER")) {
            return;
        }
        Shapes.typeChange(action).ifPresent(change -> {
            String old = file.schema().columnType(table, change.column());
            if (change.using() || rewrites(old, change.newType())) {
                sink.report(
                        0,
                        "type of " + table + "." + change.column() + " changed"
                                + (old == null ? "" : " from " + old) + " to " + change.newType()
                                + (change.using() ? " with USING" : ""));
            }
        });
    }

    /** True when changing a column from {@code old} (null: unknown) to {@code type} rewrites the table. */
    static boolean rewrites(String old, String type) {
        PgType to = PgType.parse(type);
        if (old == null) {
            return !(to.base().equals("text")
                    || to.base().equals("varchar") && to.mods().isEmpty());
        }
        PgType from = PgType.parse(old);
        if (from.equals(to)) {
            return false;
        }
        if (from.base().equals(to.base())) {
            return !loosens(from, to);
        }
        return !binaryCoercible(from, to);
    }

    /** Same type, a modifier its support function treats as a no-op change. */
    private static boolean loosens(PgType from, PgType to) {
        if (to.mods().isEmpty()) {
            return switch (to.base()) {
                case "varchar", "varbit", "numeric", "timestamp", "timestamptz", "time", "timetz", "interval" -> true;
                default -> false;
            };
        }
        if (from.mods().isEmpty()) {
            return false;
        }
        return switch (to.base()) {
            case "varchar", "varbit", "timestamp", "timestamptz", "time", "timetz", "interval" ->
                to.mods().get(0) >= from.mods().get(0);
            case "numeric" -> to.mods().get(0) >= from.mods().get(0) && scale(to) == scale(from);
            default -> false;
        };
    }

    private static int scale(PgType numeric) {
        return numeric.mods().size() > 1 ? numeric.mods().get(1) : 0;
    }

    /** {@code pg_cast.castmethod = 'b'} pairs, when no length coercion follows (an unbounded target). */
    private static boolean binaryCoercible(PgType from, PgType to) {
        String pair = from.base() + ">" + to.base();
        boolean unbounded = to.mods().isEmpty();
        return switch (pair) {
            case "varchar>text", "xml>text", "cidr>inet" -> true;
            case "text>varchar", "xml>varchar", "bit>varbit" -> unbounded;
            default -> false;
        };
    }
}
