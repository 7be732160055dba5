package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.lint.RuleInfo;

/**
 * One lint rule. Statement rules look at one statement at a time (before the statement is applied to the
 * {@link SchemaState}); file rules look at the file as a whole.
 */
public interface Rule {
    RuleInfo info();

    /** Why what the rule finds is dangerous. */
    String why();

    /** The safe alternative. */
    String fix();

    /** Checks one statement; reports through {@code sink}. */
    default void check(LintStatement statement, FileContext file, Sink sink) {}

    /** Checks the file as a whole, after its statements. */
    default void checkFile(FileContext file, Sink sink) {}

    /** Where a rule reports: the line and what was found. */
    @FunctionalInterface
    interface Sink {
        void report(int line, String message);
    }
}
