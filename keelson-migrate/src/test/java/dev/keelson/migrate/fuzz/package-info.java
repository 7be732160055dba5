/**
 * Coverage-guided fuzz tests (Jazzer): each feeds a parser inputs no person would write and asserts it either
 * answers or refuses with a {@link dev.keelson.migrate.MigrationException} naming the problem, never any other
 * exception. Plain test runs replay the kept inputs under {@code src/test/resources/dev/keelson/migrate/fuzz/
 * <Class>Inputs/<method>}; the {@code fuzz} Maven profile (on in CI) fuzzes each for a bounded time.
 */
package dev.keelson.migrate.fuzz;
