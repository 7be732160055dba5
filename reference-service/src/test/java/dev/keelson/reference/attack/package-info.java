/**
 * The standing attack suite: one class per OWASP API Security Top 10 (2023) category ({@code Api1...AttackIT} to
 * {@code Api10...AttackIT}), each sending real attacks (other path spellings, body framings, forged tokens, other
 * users' ids, ...) to the running service and failing if any is accepted. Raw requests no HTTP client would send go
 * through {@link dev.keelson.reference.testing.RawHttp}.
 */
package dev.keelson.reference.attack;
