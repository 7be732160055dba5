/**
 * What every feature stands on: the database (embedded by default, migrated at start-up), RFC 9457 problem
 * documents for every error, request ids, security headers and limits.
 */
package dev.keelson.reference.platform;
