package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.ConnectionTrap;
import dev.keelson.reference.testing.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** OWASP API10:2023 for tokens: keys come from configuration, never from a URL a token names. */
class Api10TokenKeysAttackIT extends ServiceTest {
    @Autowired
    private ApplicationContext context;

    @Test
    void aTokenNamingAKeyUrlIsRefusedWithoutTheServiceFetchingIt() {
        try (ConnectionTrap keys = new ConnectionTrap()) {
            String url = keys.url("/keys.json");
            for (String header : List.of(
                    "{\"alg\":\"ES256\",\"jku\":\"" + url + "\",\"kid\":\"k\"}",
                    "{\"alg\":\"RS256\",\"x5u\":\"" + url + "\"}",
                    "{\"alg\":\"ES256\",\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\","
                            + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                            + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}}")) {
                String claims = "{\"sub\":\"x\",\"roles\":[\"ADMIN\"],\"exp\":4102444800}";
                String token = part(header) + "." + part(claims) + "." + part("signature");
                Reply reply = api.get("/api/v1/orders").token(token).send();

                assertThat(reply.status()).as(header).isEqualTo(401);
            }
            assertThat(keys.connectionsAfterASecond())
                    .as("connections to the key URL the token named")
                    .isZero();
        }
    }

    private static String part(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
