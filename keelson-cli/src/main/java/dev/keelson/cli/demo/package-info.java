/**
 * {@code keelson demo}: the whole loop on one machine — a generated service built, started on embedded PostgreSQL,
 * migrated with {@code keelson db}, loaded with {@code keelson load}, reported, and stopped.
 */
package dev.keelson.cli.demo;
