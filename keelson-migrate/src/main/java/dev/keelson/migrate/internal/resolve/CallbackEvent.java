package dev.keelson.migrate.internal.resolve;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's callback events, spelled as Flyway spells them: a SQL file named {@code <event>.sql} or
 * {@code <event>__<description>.sql} in a migration location runs at that event (several for one event in the
 * order of their descriptions). Keelson runs the events of {@code migrate} and of {@code rollback} (Flyway's
 * undo events); a file for any other Flyway event (clean, info, validate, baseline, repair, connect, statement
 * events) is recognised, so a Flyway folder loads, but not run: {@link #runs()} is false and the engine says so.
 */
public enum CallbackEvent {
    BEFORE_MIGRATE("beforeMigrate", true),
    BEFORE_REPEATABLES("beforeRepeatables", true),
    BEFORE_EACH_MIGRATE("beforeEachMigrate", true),
    AFTER_EACH_MIGRATE("afterEachMigrate", true),
    AFTER_EACH_MIGRATE_ERROR("afterEachMigrateError", true),
    AFTER_VERSIONED("afterVersioned", true),
    AFTER_MIGRATE("afterMigrate", true),
    AFTER_MIGRATE_APPLIED("afterMigrateApplied", true),
    AFTER_MIGRATE_ERROR("afterMigrateError", true),
    BEFORE_UNDO("beforeUndo", true),
    BEFORE_EACH_UNDO("beforeEachUndo", true),
    AFTER_EACH_UNDO("afterEachUndo", true),
    AFTER_EACH_UNDO_ERROR("afterEachUndoError", true),
    AFTER_UNDO("afterUndo", true),
    AFTER_UNDO_ERROR("afterUndoError", true),
    BEFORE_EACH_MIGRATE_STATEMENT("beforeEachMigrateStatement", false),
    AFTER_EACH_MIGRATE_STATEMENT("afterEachMigrateStatement", false),
    AFTER_EACH_MIGRATE_STATEMENT_ERROR("afterEachMigrateStatementError", false),
    BEFORE_CLEAN("beforeClean", false),
    AFTER_CLEAN("afterClean", false),
    AFTER_CLEAN_ERROR("afterCleanError", false),
    BEFORE_INFO("beforeInfo", false),
    AFTER_INFO("afterInfo", false),
    AFTER_INFO_ERROR("afterInfoError", false),
    BEFORE_VALIDATE("beforeValidate", false),
    AFTER_VALIDATE("afterValidate", false),
    AFTER_VALIDATE_ERROR("afterValidateError", false),
    BEFORE_BASELINE("beforeBaseline", false),
    AFTER_BASELINE("afterBaseline", false),
    AFTER_BASELINE_ERROR("afterBaselineError", false),
    BEFORE_REPAIR("beforeRepair", false),
    AFTER_REPAIR("afterRepair", false),
    AFTER_REPAIR_ERROR("afterRepairError", false),
    BEFORE_CONNECT("beforeConnect", false),
    AFTER_CONNECT("afterConnect", false),
    CREATE_SCHEMA("createSchema", false);

    private static final Pattern FILE = Pattern.compile("([A-Za-z]+)(?:__(.*))?\\.sql");

    private final String flywayName;
    private final boolean runs;

    CallbackEvent(String flywayName, boolean runs) {
        this.flywayName = flywayName;
        this.runs = runs;
    }

    /** The name Flyway gives the event, and the file name's stem. */
    public String flywayName() {
        return flywayName;
    }

    /** Whether keelson runs callbacks of this event. */
    public boolean runs() {
        return runs;
    }

    /** The event a callback file is named after; empty when the name is no Flyway callback's. */
    public static Optional<CallbackEvent> ofFileName(String fileName) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(e -> e.flywayName.equals(m.group(1)))
                .findFirst();
    }

    /** The description part of a callback file name ({@code afterMigrate__grants.sql} → {@code grants}), or "". */
    public static String description(String fileName) {
        Matcher m = FILE.matcher(fileName);
        return m.matches() && m.group(2) != null ? m.group(2) : "";
    }
}
