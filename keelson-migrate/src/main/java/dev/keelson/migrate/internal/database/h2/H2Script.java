package dev.keelson.migrate.internal.database.h2;

import dev.keelson.migrate.internal.sql.ScriptRules;
import dev.keelson.migrate.internal.sql.ScriptScanner;

/**
 * H2's script runner: {@code "…"} identifiers; {@code //} line comments; nested block comments; {@code $$…$$} (Java
 * sources of {@code CREATE ALIAS}), no tagged dollar quotes and no {@code $} inside words; every {@code ;} outside
 * those ends a statement.
 */
final class H2Script implements ScriptRules {

    @Override
    public boolean lex(ScriptScanner scanner, char c) {
        if (c == '/' && scanner.peek(1) == '*') {
            scanner.blockComment(true);
        } else if (c == '/' && scanner.peek(1) == '/') {
            scanner.lineComment();
        } else if (c == '$' && scanner.peek(1) == '$') {
            scanner.dollarQuoted(scanner.position() + 1);
        } else {
            return false;
        }
        return true;
    }

    @Override
    public boolean dollarInWords() {
        return false;
    }
}
