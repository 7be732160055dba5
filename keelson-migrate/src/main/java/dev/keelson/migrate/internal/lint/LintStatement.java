package dev.keelson.migrate.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One split statement with its tokens and the shapes rules look for. Parsing is deliberately shallow: only the
 * head of each statement and of each {@code ALTER TABLE} action is read.
 *
 * @param sql    the statement text
 * @param line   the 1-based line where it starts
 * @param tokens its tokens
 */
public record LintStatement(String sql, int line, Tokens tokens) {

    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] ... ON table}. */
    public record CreateIndex(String table, boolean concurrently, boolean unique) {}

    /** {@code ALTER TABLE table action, action...}. */
    public record AlterTable(String table, List<Tokens> actions) {}

    /** The line of {@code token} in the file. */
    public int lineOf(Token token) {
        return line + breaks(Math.min(token.offset(), sql.length()));
    }

    /** Line breaks in the first {@code end} characters, counted as the splitter counts them: LF, CRLF, a lone CR. */
    private int breaks(int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            char c = sql.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n')) {
                n++;
            }
        }
        return n;
    }

    /** The line of the first token of {@code part}. */
    public int lineOf(Tokens part) {
        return part.isEmpty() ? line : lineOf(part.get(0));
    }

    /** The last line the statement covers. */
    public int endLine() {
        return line + breaks(sql.length());
    }

    public Optional<CreateIndex> createIndex() {
        int i = tokens.skip(1, "UNIQUE");
        if (!tokens.is(0, "CREATE") || !tokens.is(i, "INDEX")) {
            return Optional.empty();
        }
        int on = tokens.find("ON");
        if (on < 0) {
            return Optional.empty();
        }
        String table = tokens.nameAt(tokens.skip(on + 1, "ONLY"));
        return Optional.of(new CreateIndex(table, tokens.is(i + 1, "CONCURRENTLY"), i > 1));
    }

    /** The table a {@code CREATE [TEMP|UNLOGGED...] TABLE [IF NOT EXISTS] name} creates. */
    public Optional<String> createdTable() {
        if (!tokens.is(0, "CREATE")) {
            return Optional.empty();
        }
        int i = tokens.skip(1, "OR", "REPLACE", "GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED");
        if (!tokens.is(i, "TABLE")) {
            return Optional.empty();
        }
        i = tokens.at(i + 1, "IF", "NOT", "EXISTS") ? i + 4 : i + 1;
        return Optional.ofNullable(tokens.nameAt(i));
    }

    /** The view a {@code CREATE MATERIALIZED VIEW [IF NOT EXISTS] name} creates: new, nobody reads it yet. */
    public Optional<String> createdMaterializedView() {
        if (!tokens.startsWith("CREATE", "MATERIALIZED", "VIEW")) {
            return Optional.empty();
        }
        return Optional.ofNullable(tokens.nameAt(tokens.at(3, "IF", "NOT", "EXISTS") ? 6 : 3));
    }

    /** The column definitions of a {@code CREATE TABLE name (...)}: column name → type text. */
    public List<Tokens> createTableElements() {
        int open = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                open = i;
                break;
            }
        }
        if (open < 0 || createdTable().isEmpty()) {
            return List.of();
        }
        int close = tokens.closing(open);
        return new Tokens(tokens.list().subList(open + 1, Math.max(open + 1, close))).splitTopLevel();
    }

    public Optional<AlterTable> alterTable() {
        int i = tokens.skip(1, "ONLINE", "IGNORE");
        if (!tokens.is(0, "ALTER") || !tokens.is(i, "TABLE")) {
            return Optional.empty();
        }
        i = tokens.at(i + 1, "IF", "EXISTS") ? i + 3 : i + 1;
        i = tokens.skip(i, "ONLY");
        String table = tokens.nameAt(i);
        if (table == null) {
            return Optional.empty();
        }
        return Optional.of(new AlterTable(table, tokens.from(tokens.nameEnd(i)).splitTopLevel()));
    }

    /** The tables a {@code DROP TABLE [IF EXISTS] a, b} drops. */
    public List<String> droppedTables() {
        int i = tokens.skip(1, "TEMPORARY");
        if (!tokens.is(0, "DROP") || !tokens.is(i, "TABLE")) {
            return List.of();
        }
        i = tokens.at(i + 1, "IF", "EXISTS") ? i + 3 : i + 1;
        List<String> names = new ArrayList<>();
        for (Tokens part : tokens.from(i).splitTopLevel()) {
            if (part.get(0).isName() && !part.startsWith("CASCADE") && !part.startsWith("RESTRICT")) {
                names.add(part.nameAt(0));
            }
        }
        return names;
    }

    /** One table rename of MySQL's {@code RENAME TABLE a TO b, c TO d}. */
    public record TableRename(String from, String to) {}

    /** MySQL's {@code RENAME TABLE a TO b, c TO d}: the old names. */
    public List<String> renamedTables() {
        return tableRenames().stream().map(TableRename::from).toList();
    }

    /** MySQL's {@code RENAME TABLE a TO b, c TO d}: each rename (a name is null when the statement is cut short). */
    public List<TableRename> tableRenames() {
        if (!tokens.startsWith("RENAME", "TABLE")) {
            return List.of();
        }
        List<TableRename> renames = new ArrayList<>();
        for (Tokens part : tokens.from(2).splitTopLevel()) {
            int to = part.get(0).isName() ? part.nameEnd(0) : 1;
            renames.add(new TableRename(part.nameAt(0), part.is(to, "TO") ? part.nameAt(to + 1) : null));
        }
        return renames;
    }

    /** True for {@code CREATE TABLE ... AS SELECT} (and {@code SELECT} without AS on MySQL): the table gets rows. */
    public boolean createsWithRows() {
        return createdTable().isPresent() && (tokens.hasTopLevel("AS") || tokens.hasTopLevel("SELECT"));
    }

    /** The table an {@code UPDATE [ONLY] t} or {@code DELETE FROM [ONLY] t} changes; empty for other statements. */
    public Optional<String> changedTable() {
        if (tokens.startsWith("UPDATE")) {
            return Optional.ofNullable(tokens.nameAt(tokens.skip(1, "LOW_PRIORITY", "IGNORE", "ONLY")));
        }
        if (tokens.startsWith("DELETE")) {
            int from = tokens.skip(1, "LOW_PRIORITY", "QUICK", "IGNORE");
            return tokens.is(from, "FROM")
                    ? Optional.ofNullable(tokens.nameAt(tokens.skip(from + 1, "ONLY")))
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** True for {@code UPDATE} and {@code DELETE}; their {@code WHERE} is looked for outside parentheses. */
    public boolean isDataChange() {
        return tokens.startsWith("UPDATE") || tokens.startsWith("DELETE");
    }
}
