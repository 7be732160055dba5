-- keelson:no-transaction
-- The purge deletes refresh tokens by expiry. refresh_tokens is live and grows with every sign-in, so the index is
-- built CONCURRENTLY (sign-ins go on while it builds), which PostgreSQL allows only outside a transaction. A build
-- that failed halfway leaves an invalid index behind: the DROP clears it, so running the file again finishes the job.
DROP INDEX CONCURRENTLY IF EXISTS refresh_tokens_expires_idx;
CREATE INDEX CONCURRENTLY refresh_tokens_expires_idx ON refresh_tokens (expires_at);
