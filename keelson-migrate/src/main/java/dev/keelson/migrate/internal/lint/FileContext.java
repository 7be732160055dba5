package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.internal.resolve.ScriptName;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.LintFile;
import java.util.HashSet;
import java.util.Set;

/**
 * What rules know about the file being checked.
 *
 * @param file          the file
 * @param name          its parsed name, null when it does not follow the V/U/R naming
 * @param dialect       the files' database
 * @param server        the MySQL/MariaDB server whose online DDL rules apply
 * @param schema        the schema as the files before this statement left it
 * @param undoVersions  file names of every undo file of the folder, for pairing
 * @param settings      session settings seen in this file, e.g. {@code foreign_key_checks=0}
 */
public record FileContext(
        LintFile file,
        ScriptName name,
        LintDialect dialect,
        ServerVersion server,
        SchemaState schema,
        Set<String> undoVersions,
        Set<String> settings) {

    static FileContext of(
            LintFile file,
            ScriptName name,
            LintDialect dialect,
            ServerVersion server,
            SchemaState schema,
            Set<String> undoVersions) {
        return new FileContext(file, name, dialect, server, schema, undoVersions, new HashSet<>());
    }

    /**
     * True when {@code table} is new and empty: created earlier in this file, or (when the checked files are applied
     * together, as {@code migrate} does) by an earlier file of the same run.
     */
    public boolean isNew(String table) {
        return schema.isNew(table);
    }

    public boolean isUndo() {
        return name != null && name.type() == MigrationType.UNDO;
    }

    /** True unless the file opts out of the transaction with {@code -- keelson:no-transaction}. */
    public boolean transactional() {
        return !file.content().contains("keelson:no-transaction")
                || !file.content().lines().anyMatch(l -> l.strip().matches("--\\s*keelson:no-transaction"));
    }
}
