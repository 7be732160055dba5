/**
 * Linting migration files before they reach production: {@link dev.keelson.migrate.lint.Linter} checks SQL
 * files statement by statement against rules (locks on busy tables, rolling-deploy breakage, missing undo files,
 * data changes without {@code WHERE}, MySQL/MariaDB operations that copy the table) and returns
 * {@link dev.keelson.migrate.lint.Finding}s with file, line, rule id, the danger and the safe alternative.
 * No database is needed; the server version for MySQL/MariaDB rules comes from the configuration.
 */
package dev.keelson.migrate.lint;
