-- Revocation of access tokens: every access token carries its account's token_version (claim "ver") and is refused
-- once the version moved on. Sign-out, a password reset, a change of roles and deletion each add one. A constant
-- default makes this a catalog-only change in PostgreSQL 11+ (no table rewrite).
ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0;
