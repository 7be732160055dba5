package dev.keelson.reference.auth;

import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.user.User;
import dev.keelson.reference.user.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Email verification and password reset. Tokens go out only by email, through the outbox, written in the same
 * transaction as the token. A reset request answers the same whether or not the email has an account.
 *
 * <p>No email holds text a user chose: anyone can register with any address, so the display name (or anything else
 * a registrant types) would be content an attacker sends to a stranger from this service's address. Subjects and
 * bodies are fixed text plus the code; the recipient is an address that passed {@code @Email} (no line breaks), and
 * the mail library refuses line breaks in headers besides. Emails carry no links: a link would need a base URL from
 * configuration, never from the request's {@code Host} header, which the caller controls.
 */
@Service
class AccountEmails {
    static final Duration VERIFY_TTL = Duration.ofHours(24);
    static final Duration RESET_TTL = Duration.ofHours(1);

    private final Users users;
    private final EmailTokens tokens;
    private final RefreshTokens refreshTokens;
    private final Outbox outbox;
    private final PasswordEncoder passwords;
    private final PasswordPolicy policy;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AccountEmails(
            Users users,
            EmailTokens tokens,
            RefreshTokens refreshTokens,
            Outbox outbox,
            PasswordEncoder passwords,
            PasswordPolicy policy,
            TransactionTemplate transactions,
            Clock clock) {
        this.policy = policy;
        this.users = users;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Queues the verification email of a new account (call in the registration's transaction). */
    void sendVerification(User user) {
        String token = tokens.issue(
                user.id(), EmailTokens.Purpose.VERIFY_EMAIL, clock.instant().plus(VERIFY_TTL));
        outbox.enqueue(user.email(), "Confirm your email address", """
                Hello,

                an account was created with this email address. To confirm the address, send this code within
                24 hours:

                %s

                POST /api/v1/auth/verify-email {"token": "<the code>"}
                If you did not create an account, ignore this email: without the code, the address stays unconfirmed.
                """.formatted(token));
    }

    void verify(String token) {
        transactions.executeWithoutResult(tx -> users.markEmailVerified(tokens.consume(
                        token, EmailTokens.Purpose.VERIFY_EMAIL, clock.instant())
                .orElseThrow(() -> invalid("The verification code is not valid, was used already or has expired"))));
    }

    /** Queues a reset email when the address has an account; says nothing either way. */
    void requestReset(String email) {
        transactions.executeWithoutResult(tx -> users.findByEmail(email).ifPresent(user -> {
            String token = tokens.issue(
                    user.id(),
                    EmailTokens.Purpose.RESET_PASSWORD,
                    clock.instant().plus(RESET_TTL));
            outbox.enqueue(user.email(), "Reset your password", """
                    Hello,

                    to choose a new password, send this code within an hour:

                    %s

                    POST /api/v1/auth/password-reset/confirm {"token": "<the code>", "newPassword": "..."}
                    If you did not ask for this, ignore this email: your password stays as it is.
                    """.formatted(token));
        }));
    }

    /**
     * Sets the new password and ends every sign-in of the account: its refresh tokens are revoked, its access tokens
     * refused from now on, and every other code sent to it (reset or verification) is spent.
     */
    void confirmReset(String token, String newPassword) {
        policy.check(newPassword, null);
        String hash = passwords.encode(PasswordPolicy.normalize(newPassword));
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> {
            UUID userId = tokens.consume(token, EmailTokens.Purpose.RESET_PASSWORD, now)
                    .orElseThrow(() ->
                            invalid("The reset code is not valid, was used already or has expired: request a new one"));
            // the code stays unspent when this refuses: the exception rolls the transaction back
            users.findById(userId).ifPresent(user -> policy.check(newPassword, user.email()));
            users.updatePasswordHash(userId, hash);
            endEverySignIn(userId, now);
        });
    }

    /**
     * After a password change or reset (call in its transaction): every code sent to the account is spent and every
     * refresh-token family revoked. Its access tokens are refused already, by the version the new hash moved on.
     */
    void endEverySignIn(UUID userId, Instant now) {
        tokens.spendAllOf(userId, now);
        refreshTokens.revokeAllOf(userId, now);
    }

    private static ApiException invalid(String detail) {
        return new ApiException(AuthError.INVALID_EMAIL_TOKEN, detail);
    }
}
