/**
 * Sign-up, sign-in and tokens: Argon2id password hashes, short-lived ES256 access tokens (JWT with a key id, so
 * keys rotate), and opaque refresh tokens that rotate on every use and revoke their whole family when a used one
 * comes back.
 */
package dev.keelson.reference.auth;
