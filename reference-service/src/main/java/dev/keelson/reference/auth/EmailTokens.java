package dev.keelson.reference.auth;

import dev.keelson.reference.platform.IdGenerator;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code email_tokens} table: single-use, expiring tokens for one purpose, stored as SHA-256 hashes. */
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
                .params(ids.next(), userId, purpose.name(), RefreshTokens.hash(token), expiresAt.atOffset(ZoneOffset.UTC))
                .update();
        return token;
    }

    /**
     * Spends a token: the owner's id when it exists for {@code purpose}, is unused and unexpired; empty otherwise.
     * The row update is the check, so two concurrent uses cannot both succeed.
     */
    Optional<UUID> consume(String token, Purpose purpose, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return jdbc.sql("UPDATE email_tokens SET used_at = ?, updated_at = ? WHERE token_hash = ? AND purpose = ? "
                        + "AND used_at IS NULL AND expires_at > ? RETURNING user_id")
                .params(at, at, RefreshTokens.hash(token), purpose.name(), at)
                .query(UUID.class)
                .optional();
    }
}
