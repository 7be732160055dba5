package dev.keelson.reference.auth;

import dev.keelson.reference.platform.database.IdGenerator;
import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.user.DisplayName;
import dev.keelson.reference.user.User;
import dev.keelson.reference.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/** Registration, sign-in, refresh-token rotation and sign-out. */
@Service
class AuthService {
    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final Users users;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final AccountEmails emails;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final AuthProperties properties;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;
    private final Clock clock;
    /**
     * Checked against when the email is unknown, so a wrong email costs as much time as a wrong password. Hashed once
     * the service is ready ({@link #hashDecoy}), or by the first sign-in that needs it if that comes first: an Argon2id
     * hash is slow by design (0.1 to 0.3 s of CPU here), and start-up need not pay for it.
     */
    private final SingletonSupplier<String> decoyHash;

    AuthService(
            Users users,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            AccountEmails emails,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            AuthProperties properties,
            TransactionTemplate transactions,
            IdGenerator ids,
            Clock clock) {
        this.emails = emails;
        this.policy = policy;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.passwords = passwords;
        this.properties = properties;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.decoyHash =
                SingletonSupplier.of(() -> passwords.encode(UUID.randomUUID().toString()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void hashDecoy() {
        Thread.ofVirtual().name("decoy-hash").start(decoyHash::get);
    }

    /** A new access token and the next refresh token of a family. */
    record Tokens(String accessToken, long expiresIn, String refreshToken) {}

    /**
     * Creates the account and queues its verification email, in one transaction. An email that has an account
     * already is 409: see docs/reference-service.md, "Security", for why this is not hidden.
     */
    User register(String email, String password, String displayName) {
        policy.check(password, email);
        String hash = passwords.encode(PasswordPolicy.normalize(password));
        return transactions.execute(tx -> {
            User user = users.insert(ids.next(), email, hash, DisplayName.Check.normalize(displayName))
                    .orElseThrow(() -> new ApiException(
                            AuthError.EMAIL_TAKEN,
                            "An account with this email exists: sign in, or reset its password"));
            emails.sendVerification(user);
            return user;
        });
    }

    /** Starts a new token family. Says the same thing for an unknown email and a wrong password. */
    Tokens login(String email, String password) {
        Optional<User> user = users.findByEmail(email);
        boolean matches = matches(password, user.map(User::passwordHash).orElseGet(decoyHash));
        if (user.isEmpty() || !matches) {
            throw new ApiException(AuthError.BAD_CREDENTIALS, "Email or password is wrong");
        }
        Instant now = clock.instant();
        String refresh = transactions.execute(
                tx -> refreshTokens.issue(ids.next(), user.get().id(), now.plus(properties.refreshTokenTtl())));
        return new Tokens(accessTokens.issue(user.get()), accessTokens.ttlSeconds(), refresh);
    }

    /**
     * Sets a new password for the signed-in account once its current one is given, and ends every sign-in of the
     * account (this one too: the caller signs in again), as a reset does.
     */
    void changePassword(UUID userId, String currentPassword, String newPassword) {
        User user = users.findById(userId)
                .orElseThrow(() -> new ApiException(
                        AuthError.UNAUTHENTICATED, "The account of this access token no longer exists"));
        if (!matches(currentPassword, user.passwordHash())) {
            throw new ApiException(AuthError.BAD_CREDENTIALS, "The current password is wrong");
        }
        policy.check(newPassword, user.email());
        String hash = passwords.encode(PasswordPolicy.normalize(newPassword));
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            users.updatePasswordHash(userId, hash);
            emails.endEverySignIn(userId, now);
        });
    }

    /**
     * Whether {@code password} is the one hashed: its normalised form (as hashed since the password policy), or as
     * typed for a hash made before. The second try costs only passwords that normalisation changes.
     */
    private boolean matches(String password, String hash) {
        String normalized = PasswordPolicy.normalize(password);
        return passwords.matches(normalized, hash)
                || (!normalized.equals(password) && passwords.matches(password, hash));
    }

    /**
     * Rotates: the presented token is spent and the next one of its family comes back. A token presented twice
     * revokes its family (committed before the 401 goes out), so both the thief and the victim must sign in again.
     */
    Tokens refresh(String token) {
        Instant now = clock.instant();
        Rotated rotated = transactions.execute(tx -> rotate(token, now));
        return switch (rotated.decision()) {
            case ROTATE ->
                new Tokens(accessTokens.issue(rotated.user()), accessTokens.ttlSeconds(), rotated.nextToken());
            case REUSED ->
                throw new ApiException(
                        AuthError.REFRESH_TOKEN_REUSED,
                        "This refresh token was already used; every session of this sign-in is now ended. Sign in again");
            case REVOKED, EXPIRED ->
                throw new ApiException(
                        AuthError.INVALID_REFRESH_TOKEN, "The refresh token has expired or was revoked: sign in again");
        };
    }

    /**
     * Ends the sign-in the token belongs to: its refresh-token family is revoked, and every access token of the
     * account issued until now is refused from the next request on (the account's other sign-ins refresh theirs:
     * their refresh tokens still work). Unknown tokens are ignored: logout always succeeds.
     */
    void logout(String token) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> refreshTokens
                .findForUpdate(token)
                .ifPresent(stored -> {
                    refreshTokens.revokeFamily(stored.familyId(), now);
                    users.revokeAccessTokens(stored.userId());
                }));
    }

    private record Rotated(RefreshTokenRotation.Decision decision, User user, String nextToken) {}

    private Rotated rotate(String token, Instant now) {
        RefreshTokens.Stored stored = refreshTokens
                .findForUpdate(token)
                .orElseThrow(() -> new ApiException(
                        AuthError.INVALID_REFRESH_TOKEN, "The refresh token is unknown: sign in again"));
        RefreshTokenRotation.Decision decision = RefreshTokenRotation.decide(stored.state(), now);
        return switch (decision) {
            case ROTATE -> {
                User user = users.findById(stored.userId())
                        .orElseThrow(() -> new ApiException(
                                AuthError.INVALID_REFRESH_TOKEN, "The account of this refresh token no longer exists"));
                refreshTokens.markUsed(stored.id(), now);
                String next = refreshTokens.issue(stored.familyId(), user.id(), now.plus(properties.refreshTokenTtl()));
                yield new Rotated(decision, user, next);
            }
            case REUSED -> {
                int revoked = refreshTokens.revokeFamily(stored.familyId(), now);
                log.warn(
                        "Refresh token reuse in family {} of user {}: revoked {} token(s)",
                        stored.familyId(),
                        stored.userId(),
                        revoked);
                yield new Rotated(decision, null, null);
            }
            case REVOKED, EXPIRED -> new Rotated(decision, null, null);
        };
    }
}
