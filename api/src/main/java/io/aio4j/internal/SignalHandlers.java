package io.aio4j.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * asyncio's {@code loop.add_signal_handler} / {@code remove_signal_handler} for one loop: a signal's
 * arrival runs the callback on the loop ({@code callSoonThreadsafe}); removing it, or closing the loop,
 * puts back the handler that was there before. Through {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}).
 */
final class SignalHandlers {
    private final EventLoopImpl loop;
    /** Signal name -> the JVM handler that was there before this loop's first one; guarded by this. */
    private final Map<String, Object> previous = new HashMap<>();

    SignalHandlers(EventLoopImpl loop) {
        this.loop = loop;
    }

    /** "SIGTERM", "TERM" and "sigterm" name the same signal: its name without the prefix. */
    private static String name(String signal) {
        java.util.Objects.requireNonNull(signal, "signal");
        String s = signal.toUpperCase(Locale.ROOT);
        return s.startsWith("SIG") ? s.substring(3) : s;
    }

    synchronized void add(String signal, Runnable callback) {
        java.util.Objects.requireNonNull(callback, "callback");
        if (loop.isClosed()) {
            throw new IllegalStateException("Event loop is closed: cannot add a handler for " + signal);
        }
        String name = name(signal);
        try {
            sun.misc.Signal sig;
            try {
                sig = new sun.misc.Signal(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown signal: " + signal);
            }
            sun.misc.SignalHandler before;
            try {
                before = sun.misc.Signal.handle(sig, s -> {
                    try {
                        loop.callSoonThreadsafe(callback);
                    } catch (IllegalStateException closed) {
                        // the loop closed as the signal came: nobody to run it
                    }
                });
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("SIG" + name + " cannot be handled on this JVM (" + e.getMessage() + ")");
            }
            previous.putIfAbsent(name, before);
        } catch (LinkageError e) {
            throw new UnsupportedOperationException("signal handlers need the jdk.unsupported module (sun.misc.Signal)", e);
        }
    }

    synchronized boolean remove(String signal) {
        String name = name(signal);
        Object before = previous.remove(name);
        if (before == null) {
            return false;
        }
        sun.misc.Signal.handle(new sun.misc.Signal(name), (sun.misc.SignalHandler) before);
        return true;
    }

    /** The loop closes: every handler it added goes, as asyncio's {@code close()} removes them. */
    synchronized void removeAll() {
        for (String name : java.util.List.copyOf(previous.keySet())) {
            remove(name);
        }
    }
}
