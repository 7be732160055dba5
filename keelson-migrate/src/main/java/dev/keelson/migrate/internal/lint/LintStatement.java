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
        int n = line;
        for (int i = 0; i < token.offset() && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
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
        return line + (int) sql.chars().filter(c -> c == '\n').count();
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
        return new Tokens(tokens.list().subList(open + 1, close)).splitTopLevel();
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

    /** MySQL's {@code RENAME TABLE a TO b, c TO d}: the old names. */
    public List<String> renamedTables() {
        if (!tokens.startsWith("RENAME", "TABLE")) {
            return List.of();
        }
        return tokens.from(2).splitTopLevel().stream().map(p -> p.nameAt(0)).toList();
    }

    /** True for {@code UPDATE} and {@code DELETE}; their {@code WHERE} is looked for outside parentheses. */
    public boolean isDataChange() {
        return tokens.startsWith("UPDATE") || tokens.startsWith("DELETE");
    }
}
