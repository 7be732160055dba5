package dev.keelson.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest, so it is never written twice. */
final class KeelsonVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Keelson.class.getPackage().getImplementationVersion();
        return new String[] {
            "keelson " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
