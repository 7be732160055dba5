-- Users and their refresh tokens. Ids are UUIDv7 made by the service (time-ordered, index-friendly).
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    password_hash text        NOT NULL,
    display_name  text        NOT NULL,
    roles         text[]      NOT NULL DEFAULT ARRAY['USER'],
    email_verified_at timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz
);
-- emails are stored lower-cased; one live account per email
CREATE UNIQUE INDEX users_email_live_uq ON users (email) WHERE deleted_at IS NULL;

-- Opaque refresh tokens, stored as SHA-256 hashes. A family is one login; every refresh rotates the token
-- (used_at set, a new row in the same family). Presenting a used token again revokes the whole family.
CREATE TABLE refresh_tokens (
    id          uuid        PRIMARY KEY,
    family_id   uuid        NOT NULL,
    user_id     uuid        NOT NULL REFERENCES users (id),
    token_hash  bytea       NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX refresh_tokens_hash_uq ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
