package dev.keelson.migrate.internal.sql;

/**
 * Which database's lexical rules the splitter follows. Each follows that database's own client; all of them know
 * {@code ;}, {@code --} line comments, {@code /* *}{@code /} block comments, {@code '…'} strings with {@code ''}
 * and {@code "…"} with {@code ""}, and report an unterminated string, quoted identifier, dollar quote or block
 * comment with the line where it opened.
 */
public enum SplitRules {
    /**
     * psql: {@code "…"} identifiers; {@code E'…'} strings with backslash escapes (other strings take backslashes
     * literally); {@code $$…$$} and {@code $tag$…$tag$} (not {@code $1}); nested block comments; no split inside
     * parentheses (multi-action rules) nor inside the {@code BEGIN ATOMIC … END} body of {@code CREATE [OR REPLACE]
     * FUNCTION|PROCEDURE}; {@code COPY … FROM STDIN;} keeps the data lines up to {@code \.} in its statement (see
     * {@link SqlStatement#copyIn()}).
     */
    POSTGRESQL,
    /**
     * mysql / mariadb client: {@code DELIMITER xx} directives; {@code `…`} identifiers; {@code '…'} and {@code "…"}
     * strings with backslash escapes; {@code #} comments; {@code --} comments only when a blank follows; executable
     * {@code /*!50003 … *}{@code /} and {@code /*M!…} comments kept as code; block comments do not nest. Beyond the
     * client: stored programs ({@code CREATE PROCEDURE|FUNCTION|TRIGGER|EVENT} with {@code BEGIN … END}, MariaDB's
     * {@code BEGIN NOT ATOMIC}) and MariaDB's top-level {@code IF|CASE|WHILE|LOOP|REPEAT} statements stay whole
     * without {@code DELIMITER}.
     */
    MYSQL,
    /**
     * sqlite3: {@code "…"}, {@code `…`} and {@code […]} identifiers; {@code CREATE [TEMP] TRIGGER … BEGIN … END}
     * ends only at {@code ; END ;} (the rule of {@code sqlite3_complete()}); block comments do not nest.
     */
    SQLITE,
    /**
     * H2's script runner: {@code "…"} identifiers; {@code //} line comments; nested block comments; {@code $$…$$}
     * (Java sources of {@code CREATE ALIAS}), no tagged dollar quotes; every {@code ;} outside those ends a statement.
     */
    H2
}
