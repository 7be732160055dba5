package dev.keelson.reference.auth;

import dev.keelson.reference.platform.database.IdGenerator;
import dev.keelson.reference.platform.scheduling.ExpiredRows;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code refresh_tokens} table. Tokens are 256 random bits, given to the client once and stored only as their
 * SHA-256 hash, so a copy of the table cannot be replayed.
 */
@Repository
class RefreshTokens implements ExpiredRows {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final IdGenerator ids;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(JdbcClient jdbc, IdGenerator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** A stored token: its id, family, owner and rotation state. */
    record Stored(UUID id, UUID familyId, UUID userId, RefreshTokenRotation.State state) {}

    /** Stores a new token of {@code familyId} and returns its plain value (the only time it exists). */
    String issue(UUID familyId, UUID userId, Instant expiresAt) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = BASE64URL.encodeToString(secret);
        jdbc.sql("INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(ids.next(), familyId, userId, hash(token), utc(expiresAt))
                .update();
        return token;
    }

    /** Finds a token by its plain value and locks its row until the transaction ends. */
    Optional<Stored> findForUpdate(String token) {
        return jdbc.sql("SELECT id, family_id, user_id, expires_at, used_at, revoked_at FROM refresh_tokens "
                        + "WHERE token_hash = ? FOR UPDATE")
                .param(hash(token))
                .query(RefreshTokens::map)
                .optional();
    }

    void markUsed(UUID id, Instant now) {
        jdbc.sql("UPDATE refresh_tokens SET used_at = ?, updated_at = ? WHERE id = ?")
                .params(utc(now), utc(now), id)
                .update();
    }

    /** Revokes every token of a family that is not revoked yet. */
    int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = ?, updated_at = ? "
                        + "WHERE family_id = ? AND revoked_at IS NULL")
                .params(utc(now), utc(now), familyId)
                .update();
    }

    /** Revokes every live token of a user: all their sign-ins end (after a password reset). */
    int revokeAllOf(UUID userId, Instant now) {
        return jdbc.sql(
                        "UPDATE refresh_tokens SET revoked_at = ?, updated_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(utc(now), utc(now), userId)
                .update();
    }

    @Override
    public String name() {
        return "refresh tokens";
    }

    /**
     * Deletes tokens of families that are over: every token of the family expired or revoked. A used token of a
     * family that is still alive is kept even after it expired, because presenting it must still be detected as
     * reuse and burn the family.
     */
    @Override
    public int purge(int limit) {
        return jdbc.sql("DELETE FROM refresh_tokens WHERE id IN (SELECT t.id FROM refresh_tokens t "
                        + "WHERE t.expires_at < now() AND NOT EXISTS (SELECT 1 FROM refresh_tokens live "
                        + "WHERE live.family_id = t.family_id AND live.expires_at >= now() AND live.revoked_at IS NULL) "
                        + "LIMIT ?)")
                .param(limit)
                .update();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        return new Stored(
                rs.getObject("id", UUID.class),
                rs.getObject("family_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                new RefreshTokenRotation.State(
                        instant(rs, "expires_at"), instant(rs, "used_at"), instant(rs, "revoked_at")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
