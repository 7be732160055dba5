package dev.keelson.reference.user;

import dev.keelson.reference.platform.ApiException;
import dev.keelson.reference.platform.Envelope;
import dev.keelson.reference.platform.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: the caller's own account. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {
    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    @GetMapping("/me")
    Envelope<UserView> me(@AuthenticationPrincipal Jwt jwt) {
        User user = users.findById(UUID.fromString(jwt.getSubject()))
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Your account no longer exists"));
        return Envelope.of(UserView.of(user));
    }

    /** What the API shows of an account: never the password hash. */
    record UserView(UUID id, String email, String displayName, List<String> roles, Instant createdAt) {
        static UserView of(User u) {
            return new UserView(u.id(), u.email(), u.displayName(), u.roles(), u.createdAt());
        }
    }
}
