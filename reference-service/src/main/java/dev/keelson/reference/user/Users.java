package dev.keelson.reference.user;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. Soft-deleted accounts are invisible to every method. Emails are kept lower-cased. */
@Repository
public class Users {
    private static final String COLUMNS = "id, email, password_hash, display_name, roles, created_at, updated_at";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new account with role {@code USER}; empty when the email is already registered. */
    public Optional<User> insert(UUID id, String email, String passwordHash, String displayName) {
        try {
            return Optional.of(jdbc.sql("INSERT INTO users (id, email, password_hash, display_name) "
                            + "VALUES (?, ?, ?, ?) RETURNING " + COLUMNS)
                    .params(id, normalize(email), passwordHash, displayName)
                    .query(Users::map)
                    .single());
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ? AND deleted_at IS NULL")
                .param(normalize(email))
                .query(Users::map)
                .optional();
    }

    public Optional<User> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ? AND deleted_at IS NULL")
                .param(id)
                .query(Users::map)
                .optional();
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        return new User(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("password_hash"),
                rs.getString("display_name"),
                List.of((String[]) roles.getArray()),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
