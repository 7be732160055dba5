/**
 * Orders, the example resource: exact-decimal totals computed on the server, keyset pagination with tamper-evident
 * cursors, optimistic concurrency through ETag / If-Match, a state rule (only a placed order can be cancelled) and
 * ownership (a user sees only their own orders, and another user's order looks exactly like a missing one).
 */
package dev.keelson.reference.order;
