package dev.keelson.reference.graphql;

import dev.keelson.reference.auth.JwtCallers;
import dev.keelson.reference.platform.caller.Caller;
import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.platform.paging.Page;
import dev.keelson.reference.user.Users;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;

/**
 * Accounts in GraphQL: {@code me}, {@code user} (a public profile), {@code users} (admins only, FORBIDDEN for
 * anyone else, as in REST), and the field rule: a user's {@code email}, {@code emailVerified} and {@code roles} are
 * visible only to that user and to admins, wherever the user appears (an order's owner included).
 */
@Controller
class UserGraph {
    private final Users users;

    UserGraph(Users users) {
        this.users = users;
    }

    @QueryMapping
    Account me(@AuthenticationPrincipal Jwt jwt) {
        return users.findById(UUID.fromString(jwt.getSubject()))
                .map(Account::of)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "Your account no longer exists"));
    }

    @QueryMapping
    Account user(@Argument UUID id) {
        return users.findById(id)
                .map(Account::of)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "There is no user " + id));
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    Connection<Account> users(
            @Argument @Min(1) @Max(Page.MAX_LIMIT) int first,
            @Argument @Size(max = 200) String after,
            @Argument String role,
            @Argument @Size(min = 1, max = 254) String emailPrefix) {
        return Connection.of(users.page(role, emailPrefix, after, first).map(Account::of));
    }

    @SchemaMapping(typeName = "User")
    String email(Account account, @AuthenticationPrincipal Jwt jwt, DataFetchingEnvironment env) {
        return privateTo(account, jwt, env).email();
    }

    @SchemaMapping(typeName = "User")
    boolean emailVerified(Account account, @AuthenticationPrincipal Jwt jwt, DataFetchingEnvironment env) {
        return privateTo(account, jwt, env).emailVerified();
    }

    @SchemaMapping(typeName = "User")
    List<String> roles(Account account, @AuthenticationPrincipal Jwt jwt, DataFetchingEnvironment env) {
        return privateTo(account, jwt, env).roles();
    }

    /** {@code account} when the caller is that account or an admin; FORBIDDEN naming the field otherwise. */
    private static Account privateTo(Account account, Jwt jwt, DataFetchingEnvironment env) {
        Caller caller = JwtCallers.of(jwt);
        if (caller.admin() || caller.userId().equals(account.id())) {
            return account;
        }
        throw new ApiException(
                ErrorCode.FORBIDDEN,
                "User." + env.getField().getName() + " is visible only to the account itself and to admins");
    }
}
