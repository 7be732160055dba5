/**
 * {@code Idempotency-Key} on every mutating request ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under
 * {@code /api/}): the first successful response is stored for 24 hours, in PostgreSQL and in the same transaction
 * as the request's changes, and replayed for a retry with the same key and the same request; the same key with a
 * different request is 422; a retry that arrives while the first is still running waits for it (then replays) or,
 * after {@code reference.idempotency.wait-for-first}, gets 409. A request never executes twice.
 */
package dev.keelson.reference.platform.idempotency;
