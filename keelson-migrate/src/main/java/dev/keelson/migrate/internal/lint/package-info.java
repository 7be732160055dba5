/**
 * The lint rule engine behind {@link dev.keelson.migrate.lint.Linter}. Files are cut into statements by the
 * migration engine's {@code StatementSplitter}; each statement is turned into {@link
 * dev.keelson.migrate.internal.lint.Token}s by a small {@link dev.keelson.migrate.internal.lint.Tokenizer}
 * (strings, quoted identifiers, dollar quotes and comments are single tokens or dropped, so nothing inside them
 * is mistaken for a keyword), classified into shapes ({@code CREATE INDEX}, {@code ALTER TABLE} actions, ...),
 * and checked by {@link dev.keelson.migrate.internal.lint.Rule}s. A {@link
 * dev.keelson.migrate.internal.lint.SchemaState} carried across files in version order knows which tables exist,
 * their column types and which NOT NULL checks were validated. The rules for every database live here
 * ({@link dev.keelson.migrate.internal.lint.Rules}); a rule for one database lives in that database's package
 * ({@code internal.database.postgresql}, {@code internal.database.mysql}), usually as an
 * {@link dev.keelson.migrate.internal.lint.ActionRule}, and is listed by its dialect's {@code lintRules()}.
 */
package dev.keelson.migrate.internal.lint;
