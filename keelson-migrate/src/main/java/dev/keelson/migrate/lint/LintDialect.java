package dev.keelson.migrate.lint;

import java.util.Locale;
import java.util.Optional;

/** Which database the migration files are written for. */
public enum LintDialect {
    POSTGRESQL,
    /** MySQL and MariaDB. */
    MYSQL;

    /** The dialect a JDBC URL names: {@code jdbc:postgresql:} or {@code jdbc:mysql:}/{@code jdbc:mariadb:}. */
    public static Optional<LintDialect> fromUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        if (lower.startsWith("jdbc:mysql:") || lower.startsWith("jdbc:mariadb:")) {
            return Optional.of(MYSQL);
        }
        return Optional.empty();
    }
}
