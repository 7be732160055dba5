/** The {@code keelson} command: picocli commands over the migrate, load and scaffold libraries. */
package dev.keelson.cli;
