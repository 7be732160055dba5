package dev.keelson.cli.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The {@code Main-Class} of {@code keelson.jar}, compiled for Java 8 so that any JVM can load it: on Java 21+ it
 * calls {@code dev.keelson.cli.Keelson.main}; on an older Java it prints what to install and exits with 2 (bad
 * configuration), instead of the {@code UnsupportedClassVersionError} the CLI's own classes would raise there.
 *
 * <p>The CLI is reached by reflection so that nothing in this class links to a class file newer than Java 8.
 */
public final class Launcher {
    static final int MINIMUM = 21;

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        int feature = feature(System.getProperty("java.specification.version", ""));
        if (feature < MINIMUM) {
            System.err.println(tooOld(feature, System.getProperty("java.home", "?")));
            System.exit(2);
        }
        Method main = Class.forName("dev.keelson.cli.Keelson").getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The feature release of a {@code java.specification.version}: "1.8" is 8, "17" is 17; unreadable is 0. */
    static int feature(String specificationVersion) {
        String number = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < number.length() && Character.isDigit(number.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(number.substring(0, end));
    }

    static String tooOld(int feature, String javaHome) {
        return "keelson needs Java " + MINIMUM + " or newer, but this is Java " + (feature == 0 ? "(unknown)" : feature)
                + " (" + javaHome + ").\n"
                + "Install a JDK " + MINIMUM + "+ (for example: sudo apt-get install openjdk-21-jdk, or Temurin from"
                + " https://adoptium.net) and run keelson with it (JAVA_HOME or PATH),\n"
                + "or use the keelson-<version>-linux-x64.tar.gz archive, which brings its own Java runtime.";
    }
}
