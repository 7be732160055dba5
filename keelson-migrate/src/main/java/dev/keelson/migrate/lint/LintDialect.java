package dev.keelson.migrate.lint;

import dev.keelson.migrate.internal.database.Databases;
import dev.keelson.migrate.internal.database.Dialect;
import dev.keelson.migrate.internal.database.mongodb.MongoDb;
import java.util.Optional;

/** Which database the migration files are written for. */
public enum LintDialect {
    POSTGRESQL,
    /** MySQL and MariaDB. */
    MYSQL,
    /** MongoDB's JSON files of database commands ({@code V1__x.json}). */
    MONGODB;

    /**
     * The dialect a URL names: {@code jdbc:postgresql:}, {@code jdbc:mysql:}/{@code jdbc:mariadb:} or
     * {@code mongodb://}.
     */
    public static Optional<LintDialect> fromUrl(String url) {
        if (Databases.find(url).orElse(null) instanceof MongoDb) {
            return Optional.of(MONGODB);
        }
        return Databases.findDialect(url).flatMap(Dialect::lintDialect);
    }
}
