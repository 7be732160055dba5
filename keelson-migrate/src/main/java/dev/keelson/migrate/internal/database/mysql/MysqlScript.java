package dev.keelson.migrate.internal.database.mysql;

import dev.keelson.migrate.internal.sql.ScriptRules;
import dev.keelson.migrate.internal.sql.ScriptScanner;
import dev.keelson.migrate.internal.sql.SqlParseException;

/**
 * The mysql / mariadb client's rules for one script: {@code DELIMITER xx} directives; {@code `…`} identifiers;
 * {@code '…'} and {@code "…"} strings with backslash escapes; {@code #} comments; {@code --} comments only when a
 * blank follows; executable {@code /*!50003 … *}{@code /} and {@code /*M!…} comments kept as code; block comments do
 * not nest. Beyond the client: stored programs ({@code CREATE PROCEDURE|FUNCTION|TRIGGER|EVENT} with
 * {@code BEGIN … END}, MariaDB's {@code BEGIN NOT ATOMIC}) and MariaDB's top-level {@code IF|CASE|WHILE|LOOP|REPEAT}
 * statements stay whole without {@code DELIMITER} ({@link MysqlBlocks}).
 */
final class MysqlScript implements ScriptRules {
    private final MysqlBlocks blocks = new MysqlBlocks();
    /** Inside a version comment {@code /*!50003 ... *}{@code /}, whose content is code. */
    private boolean inVersionComment;

    private int versionCommentLine;

    @Override
    public boolean lex(ScriptScanner scanner, char c) {
        return switch (c) {
            case '\'' -> quoted(scanner, '\'', true, "string literal");
            case '"' -> quoted(scanner, '"', true, "string literal");
            case '`' -> quoted(scanner, '`', false, "quoted identifier");
            case '#' -> {
                scanner.lineComment();
                yield true;
            }
            case '-' -> dash(scanner);
            case '/' -> slash(scanner);
            case '*' -> star(scanner);
            case 'd', 'D' -> directive(scanner);
            default -> false;
        };
    }

    private static boolean quoted(ScriptScanner scanner, char quote, boolean backslashEscapes, String what) {
        scanner.quoted(quote, backslashEscapes, what);
        return true;
    }

    /** The client needs a blank or control character after {@code --}; without one it is two minus signs. */
    private static boolean dash(ScriptScanner scanner) {
        if (scanner.peek(1) == '-' && scanner.peek(2) > ' ') {
            scanner.punctuation();
            return true;
        }
        return false;
    }

    /** {@code /*!50003 … *}{@code /} is executable: its content is lexed as code and kept. */
    private boolean slash(ScriptScanner scanner) {
        int bang = versionCommentBang(scanner);
        if (bang < 0) {
            return false;
        }
        scanner.begin();
        blocks.other('/');
        if (!inVersionComment) {
            versionCommentLine = scanner.line();
        }
        inVersionComment = true;
        scanner.consumeTo(bang + 1);
        return true;
    }

    /** The offset of the {@code !} when a {@code /*!} or MariaDB's {@code /*M!} version comment starts here, else -1. */
    private static int versionCommentBang(ScriptScanner scanner) {
        if (scanner.peek(1) != '*') {
            return -1;
        }
        int bang = scanner.peek(2) == 'M' ? 3 : 2;
        return scanner.peek(bang) == '!' ? scanner.position() + bang : -1;
    }

    private boolean star(ScriptScanner scanner) {
        if (inVersionComment && scanner.peek(1) == '/') {
            inVersionComment = false;
            scanner.consumeTo(scanner.position() + 2);
            return true;
        }
        return false;
    }

    /** {@code DELIMITER xx} on its own, where a statement could start: read by the client, never sent. */
    private static boolean directive(ScriptScanner scanner) {
        String src = scanner.source();
        int s = scanner.position();
        int e = scanner.wordEnd(s + 1);
        if (scanner.inStatement() || !DelimiterDirective.matches(src, s, e)) {
            return false;
        }
        int lineEnd = scanner.lineEnd(e);
        scanner.delimiter(DelimiterDirective.argument(src, e, lineEnd, scanner.line()));
        scanner.consumeTo(lineEnd);
        return true;
    }

    @Override
    public void finish() {
        if (inVersionComment) {
            throw new SqlParseException("version comment opened with /*! is never closed", versionCommentLine);
        }
    }

    @Override
    public void word(String src, int start, int end, int parenDepth) {
        blocks.word(src, start, end, parenDepth);
    }

    @Override
    public void other(char c) {
        blocks.other(c);
    }

    @Override
    public boolean endsStatement(int parenDepth) {
        return blocks.endsStatement(parenDepth);
    }

    @Override
    public void reset() {
        blocks.reset();
    }
}
