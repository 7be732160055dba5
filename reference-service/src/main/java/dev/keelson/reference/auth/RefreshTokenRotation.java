package dev.keelson.reference.auth;

import java.time.Instant;

/**
 * The rules of refresh-token rotation, free of storage: what presenting a stored token at {@code now} means.
 * The order matters: a revoked family stays revoked, and a used token is reuse even after it expired (a thief
 * replaying an old token must still burn the family).
 */
final class RefreshTokenRotation {
    private RefreshTokenRotation() {}

    /** What to do with a presented token. */
    enum Decision {
        /** Valid: mark it used and issue the next token of the family. */
        ROTATE,
        /** Already used: someone holds a copy. Revoke the whole family. */
        REUSED,
        /** Its family was revoked (logout or earlier reuse). */
        REVOKED,
        /** Past its expiry. */
        EXPIRED
    }

    /** The stored state of one token. {@code usedAt} and {@code revokedAt} are null when not set. */
    record State(Instant expiresAt, Instant usedAt, Instant revokedAt) {}

    static Decision decide(State token, Instant now) {
        if (token.revokedAt() != null) {
            return Decision.REVOKED;
        }
        if (token.usedAt() != null) {
            return Decision.REUSED;
        }
        if (!now.isBefore(token.expiresAt())) {
            return Decision.EXPIRED;
        }
        return Decision.ROTATE;
    }
}
