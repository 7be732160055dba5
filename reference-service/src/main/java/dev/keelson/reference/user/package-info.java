/** Accounts: the {@code users} table and {@code /api/v1/users}. */
package dev.keelson.reference.user;
