package dev.keelson.migrate.lint;

import dev.keelson.migrate.internal.database.Databases;
import dev.keelson.migrate.internal.database.Dialect;
import java.util.Optional;

/** Which database the migration files are written for. */
public enum LintDialect {
    POSTGRESQL,
    /** MySQL and MariaDB. */
    MYSQL;

    /** The dialect a JDBC URL names: {@code jdbc:postgresql:} or {@code jdbc:mysql:}/{@code jdbc:mariadb:}. */
    public static Optional<LintDialect> fromUrl(String url) {
        return Databases.findDialect(url).flatMap(Dialect::lintDialect);
    }
}
