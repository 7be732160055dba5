/**
 * The lint rule engine behind {@link dev.keelson.migrate.lint.Linter}. Files are cut into statements by the
 * migration engine's {@code StatementSplitter}; each statement is turned into {@link
 * dev.keelson.migrate.internal.lint.Token}s by a small {@link dev.keelson.migrate.internal.lint.Tokenizer}
 * (strings, quoted identifiers, dollar quotes and comments are single tokens or dropped, so nothing inside them
 * is mistaken for a keyword), classified into shapes ({@code CREATE INDEX}, {@code ALTER TABLE} actions, ...),
 * and checked by {@link dev.keelson.migrate.internal.lint.Rule}s. A {@link
 * dev.keelson.migrate.internal.lint.SchemaState} carried across files in version order knows which tables exist,
 * their column types and which NOT NULL checks were validated.
 */
package dev.keelson.migrate.internal.lint;
