package dev.keelson.reference.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {
    private static final byte[] SERVER = "a server secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8);
    private final StoredResponse response = new StoredResponse(
            201,
            Map.of("Content-Type", "application/json", "Location", "/api/v1/orders/1"),
            "{\"data\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8));

    @Test
    void aSealedResponseOpensWithTheSameKeyAndScope() {
        IdempotencyKey key = IdempotencyKey.of(SERVER, "user:42", "5f0c…retry");

        StoredResponse back = StoredResponse.decode(
                IdempotencyKey.of(SERVER, "user:42", "5f0c…retry").open(key.seal(response.encode())));

        assertThat(back.status()).isEqualTo(201);
        assertThat(back.headers()).isEqualTo(response.headers());
        assertThat(back.body()).isEqualTo(response.body());
    }

    @Test
    void theSealedBytesDoNotContainTheBody() {
        byte[] sealed = IdempotencyKey.of(SERVER, "anonymous", "k1").seal(response.encode());

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("orders", "data");
    }

    @Test
    void anotherKeyOrScopeCannotOpenIt() {
        byte[] sealed = IdempotencyKey.of(SERVER, "user:42", "k1").seal(response.encode());

        assertThatThrownBy(() -> IdempotencyKey.of(SERVER, "user:43", "k1").open(sealed))
                .hasMessageContaining("opened");
        assertThatThrownBy(() -> IdempotencyKey.of(SERVER, "user:42", "k2").open(sealed))
                .hasMessageContaining("opened");
    }

    @Test
    void theLookupHashDependsOnScopeAndKeyButNeverContainsTheKey() {
        IdempotencyKey key = IdempotencyKey.of(SERVER, "user:42", "abcdef");

        assertThat(key.lookup())
                .isEqualTo(IdempotencyKey.of(SERVER, "user:42", "abcdef").lookup());
        assertThat(key.lookup())
                .isNotEqualTo(IdempotencyKey.of(SERVER, "user:41", "abcdef").lookup());
        assertThat(key.lookup()).isNotEqualTo(key.sealingKey());
    }

    @Test
    void withoutTheServerSecretAGuessedKeyNeitherFindsNorOpensARecord() {
        byte[] otherServer = "another server's secret, 32 bytes".getBytes(StandardCharsets.UTF_8);
        IdempotencyKey stored = IdempotencyKey.of(SERVER, "anonymous", "1");
        byte[] sealed = stored.seal(response.encode());

        IdempotencyKey guessed = IdempotencyKey.of(otherServer, "anonymous", "1");

        assertThat(guessed.lookup()).isNotEqualTo(stored.lookup());
        assertThatThrownBy(() -> guessed.open(sealed)).hasMessageContaining("opened");
    }

    @Test
    void keysAreOneTo255VisibleAsciiCharacters() {
        assertThat(IdempotencyKey.valid("0b7f3c2e-5b9d-4c1a-9f6e-3d2a1b0c9e8f")).isTrue();
        assertThat(IdempotencyKey.valid("x".repeat(255))).isTrue();
        assertThat(IdempotencyKey.valid("x".repeat(256))).isFalse();
        assertThat(IdempotencyKey.valid("")).isFalse();
        assertThat(IdempotencyKey.valid("two words")).isFalse();
        assertThat(IdempotencyKey.valid("naïve")).isFalse();
    }
}
