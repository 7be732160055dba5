package dev.keelson.migrate.internal.database.mysql;

import dev.keelson.migrate.internal.lint.ActionRule;
import dev.keelson.migrate.internal.lint.FileContext;
import dev.keelson.migrate.internal.lint.ServerVersion;
import dev.keelson.migrate.internal.lint.Shapes;
import dev.keelson.migrate.internal.lint.Tokens;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ALTER TABLE} actions that InnoDB can only run with {@code ALGORITHM=COPY} on the given server, after the
 * online DDL tables of the MySQL 8.0 reference manual (15.12.1) and MariaDB's "InnoDB Online DDL Operations"
 * pages. Modelled: no online DDL at all before MySQL 5.6 / MariaDB 10.0; an explicit {@code ALGORITHM=COPY};
 * adding a foreign key while {@code foreign_key_checks} is on; dropping a primary key without adding one;
 * {@code CONVERT TO CHARACTER SET}; adding an {@code AUTO_INCREMENT} or stored generated column; changing a column's
 * type when the old type is known from an earlier file, except widening {@code VARCHAR} while the length prefix
 * keeps its size (255 bytes = 63 utf8mb4 characters) and appending values to an {@code ENUM}. The type-change
 * verdicts are checked against the server ({@code ALGORITHM=INPLACE, LOCK=NONE} acceptance) in
 * {@code MysqlTableCopyRulesIT}.
 */
final class MysqlTableCopy extends ActionRule {
    private static final Pattern VARCHAR = Pattern.compile("varchar\\((\\d+)\\)");

    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "mysql-table-copy",
                Severity.ERROR,
                "mysql",
                "an ALTER TABLE that cannot use ALGORITHM=INPLACE or INSTANT on the server's version");
    }

    @Override
    public String why() {
        return "ALGORITHM=COPY rebuilds the table into a copy while writes to it are blocked, for as long as the copy "
                + "takes";
    }

    @Override
    public String fix() {
        return "split the change into online steps (new column, backfill, swap), or run it with an online schema "
                + "change tool (pt-online-schema-change, gh-ost)";
    }

    @Override
    protected boolean appliesTo(LintDialect dialect) {
        return dialect == LintDialect.MYSQL;
    }

    @Override
    protected void checkAction(String table, Tokens action, FileContext file, Sink sink) {
        copyReason(table, action, file)
                .ifPresent(reason -> sink.report(
                        0, "ALTER TABLE " + table + " copies the table on " + file.server() + ": " + reason));
    }

    private static Optional<String> copyReason(String table, Tokens a, FileContext file) {
        ServerVersion server = file.server();
        boolean online = server.mariadb() ? server.atLeast(10, 0, 0) : server.atLeast(5, 6, 0);
        if (!online && !isIndexChange(a)) {
            return Optional.of("this version has no online DDL for " + a.text(0, Math.min(3, a.size())));
        }
        if (a.startsWith("ALGORITHM") && a.size() >= 3 && a.is(2, "COPY")) {
            return Optional.of("ALGORITHM=COPY is asked for");
        }
        int constraint = Shapes.addedConstraint(a);
        if (constraint >= 0 && a.is(constraint, "FOREIGN") && !file.settings().contains("foreign_key_checks=0")) {
            return Optional.of("adding a foreign key while foreign_key_checks=1");
        }
        if (a.startsWith("DROP", "PRIMARY", "KEY")) {
            return Optional.of("dropping the primary key without adding one in the same ALTER TABLE");
        }
        if (a.startsWith("CONVERT", "TO")) {
            return Optional.of("CONVERT TO CHARACTER SET rewrites every row");
        }
        if (Shapes.addedColumn(a).isPresent()) {
            return a.has("AUTO_INCREMENT")
                    ? Optional.of("adding an AUTO_INCREMENT column")
                    : a.has("STORED") || a.has("PERSISTENT")
                            ? Optional.of("adding a stored generated column")
                            : Optional.empty();
        }
        return Shapes.typeChange(a).flatMap(change -> typeChange(table, change, file));
    }

    private static boolean isIndexChange(Tokens a) {
        return a.startsWith("ADD", "INDEX")
                || a.startsWith("ADD", "KEY")
                || a.startsWith("ADD", "UNIQUE")
                || a.startsWith("DROP", "INDEX")
                || a.startsWith("DROP", "KEY");
    }

    private static Optional<String> typeChange(String table, Shapes.TypeChange change, FileContext file) {
        String old = file.schema().columnType(table, change.column());
        return old == null ? Optional.empty() : typeChangeCopy(change.column(), old, change.newType(), file.server());
    }

    /** Why changing {@code column} from {@code old} to {@code type} copies the table on {@code server}; empty if not. */
    static Optional<String> typeChangeCopy(String column, String old, String type, ServerVersion server) {
        if (old.equals(type) || type.isEmpty()) {
            return Optional.empty();
        }
        Matcher from = VARCHAR.matcher(old);
        Matcher to = VARCHAR.matcher(type);
        if (from.matches() && to.matches()) {
            int n = Integer.parseInt(from.group(1));
            int m = Integer.parseInt(to.group(1));
            // utf8mb4: up to 63 characters fit a 1-byte length prefix; crossing it copies, MariaDB's instant
            // VARCHAR extension included (MysqlTableCopyRulesIT: 10.11 refuses varchar(60) -> varchar(70) in place)
            boolean samePrefix = (n <= 63) == (m <= 63);
            if (m >= n && samePrefix) {
                return Optional.empty();
            }
            return Optional.of(
                    m < n
                            ? "shrinking " + column + " from " + old + " to " + type
                            : "widening " + column + " from " + old + " to " + type + " changes the length prefix");
        }
        if (old.startsWith("enum(")
                && type.startsWith("enum(")
                && type.startsWith(old.substring(0, old.length() - 1))) {
            return Optional.empty();
        }
        return Optional.of("changing the type of " + column + " from " + old + " to " + type);
    }
}
