-- Idempotency-Key records: the first response to a mutating request, replayed for a retry with the same key.
-- A record is inserted, executed and completed in ONE transaction with the request's own changes, so it exists
-- exactly when those changes committed; a concurrent retry waits on the unique index until then.
-- key_hash is SHA-256 of scope and key; the response is AES-GCM sealed with a key derived from the client's
-- Idempotency-Key, which is never stored, so this table does not reveal tokens or personal data.
CREATE TABLE idempotency_keys (
    id           uuid        PRIMARY KEY,
    scope        text        NOT NULL,
    key_hash     bytea       NOT NULL,
    request_hash bytea       NOT NULL,
    status       smallint,
    response     bytea,
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX idempotency_keys_key_uq ON idempotency_keys (scope, key_hash);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);
