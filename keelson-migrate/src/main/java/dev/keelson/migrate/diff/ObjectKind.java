package dev.keelson.migrate.diff;

import java.util.Locale;

/** The kinds of schema objects compared, in the order differences are listed. */
public enum ObjectKind {
    ENUM,
    SEQUENCE,
    TABLE,
    COLUMN,
    PRIMARY_KEY,
    UNIQUE,
    CHECK,
    FOREIGN_KEY,
    INDEX,
    VIEW,
    FUNCTION,
    PROCEDURE;

    /** Lower case with spaces: {@code primary key}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
