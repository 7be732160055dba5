package dev.keelson.migrate.internal.sql;

/** Which database's lexical rules the splitter follows. */
public enum SplitRules {
    POSTGRESQL,
    MYSQL,
    SQLITE,
    H2
}
