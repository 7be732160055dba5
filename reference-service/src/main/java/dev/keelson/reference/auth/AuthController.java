package dev.keelson.reference.auth;

import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.http.Envelope;
import dev.keelson.reference.platform.idempotency.NeverReplayed;
import dev.keelson.reference.user.DisplayName;
import dev.keelson.reference.user.User;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/auth}: the only endpoints callable without an access token (all but the password change). Their
 * requests carry passwords, codes and refresh tokens, so they are {@link NeverReplayed}: an {@code Idempotency-Key}
 * is ignored, every retry runs anew (a spent refresh token always trips reuse detection) and no body or response of
 * theirs is ever stored.
 */
@NeverReplayed
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {
    private final AuthService auth;
    private final AccountEmails emails;

    AuthController(AuthService auth, AccountEmails emails) {
        this.auth = auth;
        this.emails = emails;
    }

    /** {@code password}: see {@link PasswordPolicy} (checked by the service, which knows the email it goes with). */
    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password,
            @NotBlank @DisplayName String displayName) {}

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password) {}

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {}

    record TokenRequest(@NotBlank @Size(max = 100) String token) {}

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {}

    record ResetConfirmation(
            @NotBlank @Size(max = 100) String token,
            @NotBlank @Size(max = 1024) String newPassword) {}

    record PasswordChange(
            @NotBlank @Size(max = 1024) String currentPassword,
            @NotBlank @Size(max = 1024) String newPassword) {}

    record Registered(UUID id, String email, String displayName) {}

    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
        static TokenResponse of(AuthService.Tokens t) {
            return new TokenResponse(t.accessToken(), "Bearer", t.expiresIn(), t.refreshToken());
        }
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/register")
    ResponseEntity<Envelope<Registered>> register(@Valid @RequestBody RegisterRequest request) {
        User user = auth.register(request.email(), request.password(), request.displayName());
        return ResponseEntity.created(URI.create("/api/v1/users/me"))
                .body(Envelope.of(new Registered(user.id(), user.email(), user.displayName())));
    }

    @PostMapping("/login")
    Envelope<TokenResponse> login(@Valid @RequestBody LoginRequest request) {
        return Envelope.of(TokenResponse.of(auth.login(request.email(), request.password())));
    }

    @PostMapping("/refresh")
    Envelope<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return Envelope.of(TokenResponse.of(auth.refresh(request.refreshToken())));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/verify-email")
    ResponseEntity<Void> verifyEmail(@Valid @RequestBody TokenRequest request) {
        emails.verify(request.token());
        return ResponseEntity.noContent().build();
    }

    /** Always 202: whether the address has an account is not revealed. */
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/password-reset")
    ResponseEntity<Void> requestReset(@Valid @RequestBody ResetRequest request) {
        emails.requestReset(request.email());
        return ResponseEntity.accepted().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/password-reset/confirm")
    ResponseEntity<Void> confirmReset(@Valid @RequestBody ResetConfirmation request) {
        emails.confirmReset(request.token(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    /**
     * Needs the caller's access token, and counts against the sign-in rate limit like every call here (so a stolen
     * access token cannot guess the current password fast). 204: every sign-in of the account has ended.
     */
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PostMapping("/password-change")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PasswordChange request) {
        if (jwt == null) {
            throw new ApiException(
                    AuthError.UNAUTHENTICATED,
                    "Send your access token: Authorization: Bearer <token> (from POST /api/v1/auth/login)");
        }
        auth.changePassword(UUID.fromString(jwt.getSubject()), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        auth.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }
}
