package dev.keelson.cli.db;

import dev.keelson.migrate.Version;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a migration version such as {@code 3} or {@code 1.2}; a bad one is a usage error naming the text. */
final class VersionConverter implements ITypeConverter<Version> {
    @Override
    public Version convert(String text) {
        try {
            return Version.parse(text);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
