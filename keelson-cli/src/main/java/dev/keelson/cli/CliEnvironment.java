package dev.keelson.cli;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world, injected so tests run commands in-process and assert the
 * exact output.
 *
 * @param out         standard output
 * @param err         standard error
 * @param env         environment variables
 * @param workingDir  the directory relative paths and {@code keelson.properties} are resolved against
 * @param interactive true when output goes to a terminal (progress may redraw one line, colours may be used)
 */
public record CliEnvironment(
        PrintWriter out, PrintWriter err, Map<String, String> env, Path workingDir, boolean interactive) {

    /**
     * The process's streams, written in UTF-8 whatever the locale: under {@code env -i} (no {@code LANG}) the JVM's
     * own streams would encode in ASCII and print {@code ·}, {@code →} and {@code µ} as {@code ?}, while the terminal
     * (and any file or pipe reader) almost always reads UTF-8 anyway.
     */
    public static CliEnvironment system() {
        return new CliEnvironment(
                utf8(new FileOutputStream(FileDescriptor.out)),
                utf8(new FileOutputStream(FileDescriptor.err)),
                System.getenv(),
                Path.of("").toAbsolutePath(),
                terminal());
    }

    /** A writer that encodes in UTF-8 and flushes at each line. */
    static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** Resolves a user-given path against the working directory. */
    public Path resolve(String path) {
        return workingDir.resolve(path).normalize();
    }

    /** Colours when the output is a terminal and the environment does not ask for none (NO_COLOR, TERM=dumb). */
    public Colours colours() {
        String noColor = env.get("NO_COLOR");
        boolean refused = (noColor != null && !noColor.isEmpty()) || "dumb".equals(env.get("TERM"));
        return interactive && !refused ? new Colours(true) : Colours.NONE;
    }

    /**
     * Whether standard input and output are a terminal. From JDK 22, {@link System#console()} also answers when they
     * are redirected, and {@code Console.isTerminal()} (22+, so called by reflection at our release level) tells.
     */
    private static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException before22) {
            return true;
        }
    }
}
