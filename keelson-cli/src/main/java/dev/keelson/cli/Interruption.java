package dev.keelson.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a call of {@code action} while a run lasts, instead of the JVM's exit
 * (which loses the report and leaves the progress line open); {@link #close} puts the previous handlers back.
 * {@code sun.misc.Signal} is the JDK's supported way (module jdk.unsupported) for a command line to do this.
 */
public final class Interruption implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    public Interruption(Runnable action) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                previous.add(Signal.handle(signal, s -> action.run()));
                signals.add(signal);
            } catch (IllegalArgumentException unavailable) {
                // not on this platform, or the JVM runs with -Xrs: the default handling stays
            }
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) Signal.handle(signals.get(i), previous.get(i));
    }
}
