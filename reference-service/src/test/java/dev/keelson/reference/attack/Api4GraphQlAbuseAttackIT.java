package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OWASP API4:2023 through GraphQL: one request must not buy unbounded work with aliases, fragments spread many times
 * or huge selections; each is refused before it runs, with a validation error.
 */
class Api4GraphQlAbuseAttackIT extends ServiceTest {
    @Test
    void aThousandAliasesOfACheapFieldAreRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 1_000; i++) {
            query.append(" a").append(i).append(": me { id }");
        }
        assertRefused(graphql(query.append(" }").toString()), "aliases");
    }

    @Test
    void aFragmentBombIsRefusedWithoutBeingExpanded() {
        StringBuilder query = new StringBuilder("{ me { ...f0 } }");
        for (int i = 0; i < 30; i++) {
            query.append(" fragment f")
                    .append(i)
                    .append(" on User { ...f")
                    .append(i + 1)
                    .append(" ...f")
                    .append(i + 1)
                    .append(" }");
        }
        query.append(" fragment f30 on User { id displayName }");

        assertRefused(graphql(query.toString()), "fields");
    }

    @Test
    void aQueryWithinTheLimitsRuns() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 10; i++) {
            query.append(" a").append(i).append(": me { id }");
        }
        Reply reply = graphql(query.append(" }").toString());

        assertThat(reply.json().has("errors")).as(reply.body()).isFalse();
    }

    private Reply graphql(String query) {
        Session user = api.newUser();
        return api.post("/graphql")
                .token(user.accessToken())
                .json(Map.of("query", query))
                .send();
    }

    private static void assertRefused(Reply reply, String limit) {
        assertThat(reply.status()).isLessThan(500);
        assertThat(reply.json().has("data") && !reply.json().get("data").isNull())
                .as(reply.body())
                .isFalse();
        assertThat(reply.json().at("/errors/0/extensions/type").asString())
                .as(reply.body())
                .endsWith("/validation");
        assertThat(reply.json().at("/errors/0/message").asString()).contains(limit);
    }
}
