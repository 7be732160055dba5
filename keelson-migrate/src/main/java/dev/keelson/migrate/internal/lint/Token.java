package dev.keelson.migrate.internal.lint;

import java.util.Locale;

/**
 * One lexical token of a statement.
 *
 * @param kind   what it is
 * @param text   for words and symbols the text as written; for quoted identifiers the name without quotes; for
 *               strings the whole literal with its quotes
 * @param offset where it starts in the statement text
 */
public record Token(Kind kind, String text, int offset) {
    /** Token kinds. */
    public enum Kind {
        /** An unquoted word: keyword or identifier. */
        WORD,
        /** A quoted identifier ({@code "x"} or {@code `x`}). */
        QUOTED,
        /** A string or dollar-quoted literal. */
        STRING,
        NUMBER,
        /** A single punctuation character, or {@code ::}. */
        SYMBOL
    }

    /** True for the unquoted word {@code keyword}, ignoring case. */
    public boolean is(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    /** True for the symbol {@code symbol}. */
    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** True for a word or quoted identifier. */
    public boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED;
    }

    /** The identifier as the database sees it: unquoted words folded to lower case, quoted ones kept. */
    public String name() {
        return kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text;
    }
}
