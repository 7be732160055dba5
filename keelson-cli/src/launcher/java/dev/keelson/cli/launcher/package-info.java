/**
 * The entry point of {@code keelson.jar}, compiled for Java 8: it checks the Java version before any class of the
 * CLI (Java 21 class files) is loaded.
 */
package dev.keelson.cli.launcher;
