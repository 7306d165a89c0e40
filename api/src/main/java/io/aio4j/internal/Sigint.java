package io.aio4j.internal;

/**
 * asyncio's {@code Runner} SIGINT handling: while {@code Aio.run} runs on the JVM's main thread and
 * SIGINT is not ignored, the first Ctrl-C cancels the main task; a second one goes to the handler that
 * was there before (the JVM's: it exits, as Python's second Ctrl-C raises {@code KeyboardInterrupt}),
 * which is put back when {@code Aio.run} returns.
 * Through {@code sun.misc.Signal} when the JDK has it; elsewhere nothing is installed.
 */
final class Sigint {
    private Sigint() {
    }

    /** Installs the handler for {@code main}; returns what to {@link #restore}, or null if nothing was installed. */
    static Object install(TaskImpl<?> main) {
        if (!Thread.currentThread().getName().equals("main")) {
            return null; // asyncio: only in the main thread
        }
        try {
            sun.misc.Signal sig = new sun.misc.Signal("INT");
            sun.misc.SignalHandler[] previous = new sun.misc.SignalHandler[1];
            boolean[] once = {false};
            previous[0] = sun.misc.Signal.handle(sig, s -> {
                if (!once[0] && !main.done()) {
                    once[0] = true;
                    main.cancel("interrupted by SIGINT"); // thread-safe: posted to the loop
                } else if (previous[0] != null) {
                    previous[0].handle(s); // the second Ctrl-C: the default behaviour
                }
            });
            if (previous[0] == sun.misc.SignalHandler.SIG_IGN) { // asyncio: an ignored SIGINT stays ignored
                sun.misc.Signal.handle(sig, previous[0]);
                return null;
            }
            return previous[0];
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            return null; // no SIGINT here
        }
    }

    static void restore(Object previous) {
        if (previous instanceof sun.misc.SignalHandler h) {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), h);
        }
    }
}
