package dev.keelson.reference.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.ServiceTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * GraphiQL switched on by its property: the page opens without a token, the endpoint still needs one. The context is
 * its own (and closed afterwards, so its connection pool does not stay open beside the shared one).
 */
@TestPropertySource(properties = "spring.graphql.graphiql.enabled=true")
@DirtiesContext
class GraphiQlIT extends ServiceTest {

    @Test
    void thePageOpensWithoutATokenUnderItsOwnContentSecurityPolicy() {
        Reply reply = api.get("/graphiql?path=/graphql").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        assertThat(reply.body()).contains("<title>GraphiQL</title>", "https://esm.sh/graphiql");
        assertThat(reply.header("Content-Security-Policy")).isEqualTo(GraphiQlSecurity.CSP);
    }

    @Test
    void theQueriesItSendsStillNeedAnAccessToken() {
        Reply reply =
                api.post("/graphql").json(Map.of("query", "{ me { id } }")).send();

        assertThat(reply.status()).isEqualTo(401);
    }
}
