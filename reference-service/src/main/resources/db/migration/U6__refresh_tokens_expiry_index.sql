-- keelson:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS refresh_tokens_expires_idx;
