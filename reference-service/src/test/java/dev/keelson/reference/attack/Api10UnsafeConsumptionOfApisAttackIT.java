package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * OWASP API10:2023, unsafe consumption of APIs. The service consumes no third-party API: what it reads from outside
 * is PostgreSQL (its own schema, bind parameters only), Redis when configured (rate-limit buckets and cached JSON it
 * wrote itself; a Redis that is down degrades to in-memory, see RedisDownIT), and the SMTP server's replies (a failed
 * send is retried, then dead-lettered). This class proves that no HTTP client exists in the context.
 * Token keys come from configuration and never from a URL: a token that names a key URL ({@code jku},
 * {@code x5u}) or embeds its own key ({@code jwk}) is refused without the service connecting anywhere.
 */
class Api10UnsafeConsumptionOfApisAttackIT extends ServiceTest {
    @Autowired
    private ApplicationContext context;

    @Test
    @SuppressWarnings("removal") // RestTemplate (deprecated for removal in Spring Framework 7.1) is still looked for
    void theServiceHoldsNoClientOfAnotherApi() {
        assertThat(context.getBeansOfType(RestTemplate.class)).isEmpty();
        assertThat(context.getBeansOfType(RestClient.class)).isEmpty();
        assertThat(context.getBeansOfType(java.net.http.HttpClient.class)).isEmpty();
    }
}
