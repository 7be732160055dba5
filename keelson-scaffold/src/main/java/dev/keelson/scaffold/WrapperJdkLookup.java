package dev.keelson.scaffold;

/**
 * The lines {@code keelson new} adds to the top of a project's {@code mvnw}: when {@code JAVA_HOME} does not name a
 * JDK of the project's release or newer, they look for one the way the {@code keelson} launcher does (the
 * {@code java} on the {@code PATH}, then {@code /usr/lib/jvm} and macOS's JavaVirtualMachines) and use it, or stop
 * with one message saying what to install or set. Without them a machine whose {@code PATH} has an older JDK failed
 * deep in the build with the enforcer's version range.
 */
final class WrapperJdkLookup {
    private static final String LINES = """
            # ---- added by keelson new: use a JDK {{release}}+ when JAVA_HOME does not name one ----------------------
            keelson_jdk_release() { # the feature release (17, 21, 25...) of the JDK at $1, or nothing
              [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
              if [ -f "$1/release" ]; then
                sed -n 's/^JAVA_VERSION="\\([0-9]*\\).*/\\1/p' "$1/release"
              else
                "$1/bin/java" -version 2>&1 | sed -n 's/.* version "\\([0-9]*\\).*/\\1/p' | head -n 1
              fi
            }
            keelson_jdk_ok() { keelson_v=$(keelson_jdk_release "$1"); [ -n "$keelson_v" ] && [ "$keelson_v" -ge {{release}} ]; }
            if [ -z "${JAVA_HOME:-}" ] || ! keelson_jdk_ok "$JAVA_HOME"; then
              keelson_path_java=$(command -v java 2>/dev/null || true)
              [ -n "$keelson_path_java" ] && keelson_path_java=$(dirname "$(dirname "$(readlink -f "$keelson_path_java" 2>/dev/null || echo "$keelson_path_java")")")
              keelson_found=
              for keelson_c in $keelson_path_java /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
                if keelson_jdk_ok "$keelson_c"; then keelson_found=$keelson_c; break; fi
              done
              if [ -z "$keelson_found" ]; then
                echo "This project needs a JDK {{release}} or newer and found none (JAVA_HOME=${JAVA_HOME:-unset}, java on the PATH, /usr/lib/jvm)." >&2
                echo "Install one (for example: sudo apt-get install openjdk-{{release}}-jdk) or set JAVA_HOME to a JDK {{release}}+." >&2
                exit 1
              fi
              JAVA_HOME=$keelson_found
              export JAVA_HOME
            fi
            # ---- end of keelson new's lines; the Apache Maven Wrapper script follows unchanged ------------------------
            """;

    private WrapperJdkLookup() {}

    /** {@code mvnw} with the lookup right after its {@code #!} line. */
    static String addTo(String mvnw, String release) {
        int firstLineEnd = mvnw.indexOf('\n') + 1;
        return mvnw.substring(0, firstLineEnd) + LINES.replace("{{release}}", release) + mvnw.substring(firstLineEnd);
    }
}
