package dev.keelson.migrate.internal.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of tokens (a statement, or one action of an {@code ALTER TABLE}) with the questions rules ask of it.
 * Keyword tests ignore case and never match inside strings, quoted identifiers or comments.
 */
public record Tokens(List<Token> list) {
    public Tokens {
        list = List.copyOf(list);
    }

    public int size() {
        return list.size();
    }

    public Token get(int i) {
        return list.get(i);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** True when token {@code i} exists and is the word {@code keyword}. */
    public boolean is(int i, String keyword) {
        return i >= 0 && i < list.size() && list.get(i).is(keyword);
    }

    /** True when the tokens from {@code i} are the words {@code words}, in order. */
    public boolean at(int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!is(i + k, words[k])) {
                return false;
            }
        }
        return true;
    }

    /** True when the run starts with {@code words}. */
    public boolean startsWith(String... words) {
        return at(0, words);
    }

    /** The index of the first occurrence of the words {@code words} in order, or -1. */
    public int find(String... words) {
        for (int i = 0; i < list.size(); i++) {
            if (at(i, words)) {
                return i;
            }
        }
        return -1;
    }

    /** True when the words {@code words} occur in order, adjacent, anywhere. */
    public boolean has(String... words) {
        return find(words) >= 0;
    }

    /** Same as {@link #has}, but only outside parentheses. */
    public boolean hasTopLevel(String word) {
        int depth = 0;
        for (Token t : list) {
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (depth == 0 && t.is(word)) {
                return true;
            }
        }
        return false;
    }

    /** The tokens from {@code from} to the end. */
    public Tokens from(int from) {
        return new Tokens(list.subList(Math.min(from, list.size()), list.size()));
    }

    /** Skips the given optional words at {@code i}, in order, each at most once; returns the next index. */
    public int skip(int i, String... optional) {
        int at = i;
        for (String word : optional) {
            if (is(at, word)) {
                at++;
            }
        }
        return at;
    }

    /** The index after a possibly qualified name ({@code a.b.c}) starting at {@code i}. */
    public int nameEnd(int i) {
        int at = i + 1;
        while (at + 1 < list.size()
                && list.get(at).isSymbol(".")
                && list.get(at + 1).isName()) {
            at += 2;
        }
        return at;
    }

    /** The last part of the possibly qualified name at {@code i}, as the database sees it; null if none. */
    public String nameAt(int i) {
        if (i >= list.size() || !list.get(i).isName()) {
            return null;
        }
        return list.get(nameEnd(i) - 1).name();
    }

    /** Splits at commas outside parentheses. */
    public List<Tokens> splitTopLevel() {
        List<Tokens> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.size(); i++) {
            Token t = list.get(i);
            depth += t.isSymbol("(") ? 1 : t.isSymbol(")") ? -1 : 0;
            if (depth == 0 && t.isSymbol(",")) {
                parts.add(new Tokens(list.subList(start, i)));
                start = i + 1;
            }
        }
        parts.add(new Tokens(list.subList(start, list.size())));
        return parts.stream().filter(p -> !p.isEmpty()).toList();
    }

    /** The index of the token closing the parenthesis opened at {@code open}, or the last index. */
    public int closing(int open) {
        int depth = 0;
        for (int i = open; i < list.size(); i++) {
            depth += list.get(i).isSymbol("(") ? 1 : list.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return list.size() - 1;
    }

    /** The source text of tokens {@code [from, to)} joined by single spaces, lower case words. */
    public String text(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < Math.min(to, list.size()); i++) {
            Token t = list.get(i);
            boolean glue = t.kind() == Token.Kind.SYMBOL && !t.text().equals("=")
                    || b.length() > 0 && (b.charAt(b.length() - 1) == '(' || b.charAt(b.length() - 1) == ',');
            if (b.length() > 0 && !glue) {
                b.append(' ');
            }
            b.append(t.kind() == Token.Kind.WORD ? t.name() : t.text());
        }
        return b.toString();
    }
}
