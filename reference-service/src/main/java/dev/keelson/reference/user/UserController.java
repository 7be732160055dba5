package dev.keelson.reference.user;

import dev.keelson.reference.platform.cache.ListEndpoint;
import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.http.Envelope;
import dev.keelson.reference.platform.paging.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/users}: the caller's own account ({@code /me}), and for admins the list of accounts, their roles and
 * their (soft) deletion. A non-admin gets 403 on the admin routes: they are documented, so hiding them gains nothing.
 */
@RestController
@RequestMapping("/api/v1/users")
@Validated
class UserController {
    /** Clients may keep what they read but must revalidate it (with its ETag) before using it again. */
    private static final CacheControl NO_STORE = CacheControl.noStore().cachePrivate();

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    /** The list's pages get hash ETags. */
    @Bean
    static ListEndpoint userList() {
        return new ListEndpoint("/api/v1/users");
    }

    /** What the API shows of an account: never the password hash. */
    record UserView(
            UUID id, String email, boolean emailVerified, String displayName, List<String> roles, Instant createdAt) {
        static UserView of(User u) {
            return new UserView(
                    u.id(), u.email(), u.emailVerifiedAt() != null, u.displayName(), u.roles(), u.createdAt());
        }
    }

    record MePatch(@NotBlank @DisplayName String displayName) {}

    record RolesPatch(
            @NotEmpty @Size(max = 2)
            List<@Pattern(regexp = "USER|ADMIN", message = "must be USER or ADMIN") String> roles) {}

    /** With an {@code ETag} from the last change and {@code Cache-Control: no-store, private}; 304 when unchanged. */
    @GetMapping("/me")
    ResponseEntity<Envelope<UserView>> me(@AuthenticationPrincipal Jwt jwt) {
        User user = users.findForDisplay(id(jwt)).orElseThrow(UserController::gone);
        return ResponseEntity.ok().eTag(etag(user)).cacheControl(NO_STORE).body(Envelope.of(UserView.of(user)));
    }

    @PatchMapping("/me")
    Envelope<UserView> patchMe(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody MePatch patch) {
        return Envelope.of(
                UserView.of(users.updateDisplayName(id(jwt), DisplayName.Check.normalize(patch.displayName()))
                        .orElseThrow(UserController::gone)));
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Envelope<List<UserView>>> list(
            @RequestParam(required = false) @Pattern(regexp = "USER|ADMIN") String role,
            @RequestParam(required = false) @Size(min = 1, max = 254) String emailPrefix,
            @RequestParam(defaultValue = "20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(required = false) @Size(max = 200) String cursor) {
        return ResponseEntity.ok()
                .cacheControl(NO_STORE)
                .body(Envelope.page(users.page(role, emailPrefix, cursor, limit).map(UserView::of)));
    }

    @PatchMapping("/{id}/roles")
    @PreAuthorize("hasRole('ADMIN')")
    Envelope<UserView> roles(@PathVariable UUID id, @Valid @RequestBody RolesPatch patch) {
        List<String> roles = patch.roles().stream().distinct().sorted().toList();
        return Envelope.of(UserView.of(users.updateRoles(id, roles).orElseThrow(() -> notFound(id))));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!users.softDelete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    /** Every change of an account sets {@code updated_at} (to the microsecond), so it versions the account. */
    private static String etag(User user) {
        Instant changed = user.updatedAt();
        return "\"" + Long.toString(changed.getEpochSecond(), 36) + "." + Long.toString(changed.getNano(), 36) + "\"";
    }

    private static UUID id(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }

    private static ApiException gone() {
        return new ApiException(ErrorCode.NOT_FOUND, "Your account no longer exists");
    }

    private static ApiException notFound(UUID id) {
        return new ApiException(ErrorCode.NOT_FOUND, "There is no user " + id);
    }
}
