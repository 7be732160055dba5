package dev.keelson.migrate;

/**
 * One reason {@code validate} fails.
 *
 * @param state   the state that makes it a problem: {@code CHANGED}, {@code MISSING_FILE}, {@code FAILED}, ...
 * @param version the version, {@code null} for repeatable migrations
 * @param script  the file name (or the recorded one when the file is missing)
 * @param message what is wrong and how to fix it
 */
public record ValidationProblem(MigrationState state, Version version, String script, String message) {}
