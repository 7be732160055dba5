package dev.keelson.reference.auth;

import dev.keelson.reference.platform.database.IdGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code email_tokens} table: single-use, expiring tokens for one purpose. A token is 256 random bits, so its
 * plain SHA-256 hash is safe to store (nothing can be guessed from it); a short, guessable code would need a keyed
 * hash and attempt limits instead. Using one token spends every other outstanding token of its owner and purpose,
 * and a password change spends them all ({@link #spendAllOf}).
 */
@Repository
class EmailTokens {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    private final JdbcClient jdbc;
    private final IdGenerator ids;
    private final SecureRandom random = new SecureRandom();

    EmailTokens(JdbcClient jdbc, IdGenerator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** Stores a new token and returns its plain value, which only the email will carry. */
    String issue(UUID userId, Purpose purpose, Instant expiresAt) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = BASE64URL.encodeToString(secret);
        jdbc.sql("INSERT INTO email_tokens (id, user_id, purpose, token_hash, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                        ids.next(),
                        userId,
                        purpose.name(),
                        RefreshTokens.hash(token),
                        expiresAt.atOffset(ZoneOffset.UTC))
                .update();
        return token;
    }

    /**
     * Spends a token: the owner's id when it exists for {@code purpose}, is unused and unexpired; empty otherwise.
     * The row update is the check, so two concurrent uses cannot both succeed.
     */
    Optional<UUID> consume(String token, Purpose purpose, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        Optional<UUID> owner = jdbc.sql("UPDATE email_tokens SET used_at = ?, updated_at = ? WHERE token_hash = ? "
                        + "AND purpose = ? AND used_at IS NULL AND expires_at > ? RETURNING user_id")
                .params(at, at, RefreshTokens.hash(token), purpose.name(), at)
                .query(UUID.class)
                .optional();
        owner.ifPresent(userId -> spend(userId, List.of(purpose), at));
        return owner;
    }

    /** Spends every outstanding token of {@code userId}, whatever its purpose (the password changed). */
    void spendAllOf(UUID userId, Instant now) {
        spend(userId, List.of(Purpose.values()), now.atOffset(ZoneOffset.UTC));
    }

    private void spend(UUID userId, List<Purpose> purposes, OffsetDateTime at) {
        jdbc.sql("UPDATE email_tokens SET used_at = ?, updated_at = ? WHERE user_id = ? AND used_at IS NULL "
                        + "AND purpose = ANY(CAST(? AS text[]))")
                .params(at, at, userId, purposes.stream().map(Purpose::name).toArray(String[]::new))
                .update();
    }
}
