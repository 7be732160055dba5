/**
 * How the service behaves while PostgreSQL is away: requests fail fast with 503 instead of each waiting for the
 * pool's connection timeout, readiness says {@code db: DOWN}, and everything resumes by itself once it answers.
 */
package dev.keelson.reference.platform.database;
