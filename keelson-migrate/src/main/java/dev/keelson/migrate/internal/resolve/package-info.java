/**
 * Finding migration scripts: locations ({@code filesystem:} and {@code classpath:}, from directories and jars),
 * file-name rules ({@code V}, {@code U}, {@code R}), versioned checksums and {@code ${name}} placeholders.
 */
package dev.keelson.migrate.internal.resolve;
