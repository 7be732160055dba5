package dev.keelson.reference.user;

import dev.keelson.reference.platform.cache.ReadThroughCache;
import dev.keelson.reference.platform.paging.Cursor;
import dev.keelson.reference.platform.paging.CursorCodec;
import dev.keelson.reference.platform.paging.Page;
import dev.keelson.reference.platform.paging.Sort;
import dev.keelson.reference.platform.paging.Sorts;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code users} table. Soft-deleted accounts are invisible to every method. Emails are kept lower-cased.
 * A change of password or roles, and deletion, also add one to the account's {@code token_version}, which revokes
 * every access token issued before ({@link User#tokenVersion()}).
 */
@Repository
public class Users {
    private static final String COLUMNS =
            "id, email, password_hash, display_name, roles, email_verified_at, created_at, updated_at, token_version";
    /** Admin lists are newest first, always. */
    private static final Sort<User> SORT =
            Sorts.of("users", User::id, User::createdAt).parse(null);

    private final JdbcClient jdbc;
    private final CursorCodec cursors;
    private final ReadThroughCache cache;

    Users(JdbcClient jdbc, CursorCodec cursors, ReadThroughCache cache) {
        this.jdbc = jdbc;
        this.cursors = cursors;
        this.cache = cache;
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

    /**
     * The account for showing it to its owner, from the cache when it is there, without its password hash (which is
     * never cached). Every write of this class drops the cached copy.
     */
    public Optional<User> findForDisplay(UUID id) {
        return cache.get(cacheKey(id), User.class, () -> findById(id).map(User::withoutPasswordHash));
    }

    /** What an admin list asks for: optional role and email prefix, position, size (newest first). */
    record Query(String role, String emailPrefix, Cursor after, int limit) {}

    /** Up to {@code query.limit()} live accounts, newest first, after the cursor. */
    List<User> list(Query q) {
        String prefix = q.emailPrefix() == null ? null : normalize(q.emailPrefix());
        Instant afterCreated =
                q.after() == null ? null : Instant.parse(q.after().value());
        UUID afterId = q.after() == null ? null : q.after().id();
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE deleted_at IS NULL"
                        + " AND (CAST(? AS text) IS NULL OR ? = ANY(roles))"
                        + " AND (CAST(? AS text) IS NULL OR starts_with(email, ?))"
                        + " AND (CAST(? AS timestamptz) IS NULL OR (created_at, id) < (?, ?))"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(q.role(), q.role(), prefix, prefix, utc(afterCreated), utc(afterCreated), afterId, q.limit())
                .query(Users::map)
                .list();
    }

    /**
     * One page of live accounts, newest first: optional role and email prefix, the {@code cursor} of the previous
     * page ({@code null} for the first) and the page size (1 to {@link Page#MAX_LIMIT}, checked by the API).
     */
    public Page<User> page(String role, String emailPrefix, String cursor, int limit) {
        Cursor after = SORT.after(cursor, cursors);
        List<User> fetched = list(new Query(role, emailPrefix, after, limit + 1));
        return Page.of(fetched, limit, SORT::position, cursors);
    }

    public Optional<User> updateDisplayName(UUID id, String displayName) {
        Optional<User> result = jdbc.sql("UPDATE users SET display_name = ?, updated_at = now() "
                        + "WHERE id = ? AND deleted_at IS NULL RETURNING " + COLUMNS)
                .params(displayName, id)
                .query(Users::map)
                .optional();
        cache.evict(cacheKey(id));
        return result;
    }

    public Optional<User> updateRoles(UUID id, List<String> roles) {
        Optional<User> result = jdbc.sql("UPDATE users SET roles = ?, token_version = token_version + 1, "
                        + "updated_at = now() WHERE id = ? AND deleted_at IS NULL "
                        + "RETURNING " + COLUMNS)
                .params(roles.toArray(String[]::new), id)
                .query(Users::map)
                .optional();
        cache.evict(cacheKey(id));
        return result;
    }

    public void markEmailVerified(UUID id) {
        jdbc.sql("UPDATE users SET email_verified_at = coalesce(email_verified_at, now()), updated_at = now() "
                        + "WHERE id = ? AND deleted_at IS NULL")
                .param(id)
                .update();
        cache.evict(cacheKey(id));
    }

    public void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = ?, token_version = token_version + 1, updated_at = now() "
                        + "WHERE id = ? AND deleted_at IS NULL")
                .params(passwordHash, id)
                .update();
        cache.evict(cacheKey(id));
    }

    /** Marks the account deleted; its email becomes free and its refresh tokens stop working. */
    public boolean softDelete(UUID id) {
        boolean result = jdbc.sql("UPDATE users SET deleted_at = now(), token_version = token_version + 1, "
                                + "updated_at = now() "
                                + "WHERE id = ? AND deleted_at IS NULL")
                        .param(id)
                        .update()
                == 1;
        cache.evict(cacheKey(id));
        return result;
    }

    /** Revokes every access token of the account issued until now (sign-out). */
    public void revokeAccessTokens(UUID id) {
        jdbc.sql("UPDATE users SET token_version = token_version + 1, updated_at = now() "
                        + "WHERE id = ? AND deleted_at IS NULL")
                .param(id)
                .update();
        cache.evict(cacheKey(id));
    }

    private static String cacheKey(UUID id) {
        return "user:" + id;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
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
                nullableInstant(rs, "email_verified_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getInt("token_version"));
    }

    private static Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
