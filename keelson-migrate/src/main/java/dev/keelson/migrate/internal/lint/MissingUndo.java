package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;

/** A versioned file without its {@code U<version>__*.sql}. */
final class MissingUndo implements Rule {
    @Override
    public RuleInfo info() {
        return new RuleInfo("missing-undo", Severity.WARNING, "all", "a versioned file without an undo file");
    }

    @Override
    public String why() {
        return "keelson db rollback cannot go below this version: a bad deploy can only be fixed forward";
    }

    @Override
    public String fix() {
        return "write U<version>__<description>.sql that reverts it (keelson db new writes both files)";
    }

    @Override
    public void checkFile(FileContext file, Sink sink) {
        if (file.name() != null
                && file.name().type() == MigrationType.VERSIONED
                && !file.undoVersions().contains(file.name().version().toString())) {
            sink.report(
                    1,
                    "no undo file U" + file.name().version() + "__*.sql for "
                            + file.file().fileName());
        }
    }
}
