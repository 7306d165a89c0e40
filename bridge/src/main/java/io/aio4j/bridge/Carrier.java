package io.aio4j.bridge;

/**
 * What a fiber runs on: the service-provider interface behind every task body.
 *
 * <p>A task's body is plain sequential Java; when it awaits something that is not ready, its fiber
 * parks and hands the loop's baton to the next ready fiber. A carrier supplies the two things that
 * needs: a {@link Strand} that can be started and unparked, and a way for the current strand to park.
 * Two are built in: {@link #loopThread()} runs every fiber on the loop's own thread, switched in place
 * (a {@code jdk.internal.vm.Continuation}; it needs {@code --add-exports java.base/jdk.internal.vm=...}),
 * and {@link #virtualThreads()} makes each fiber a virtual thread, with public JDK API only.
 * {@link #byDefault()} picks one: the {@code aio4j.carrier} system property ({@code loop-thread} or
 * {@code virtual-threads}), else the loop-thread carrier where the JVM grants it, else virtual threads.
 *
 * <p><b>Thread identity.</b> On the loop-thread carrier {@code Thread.currentThread()} inside a task is
 * the loop's thread for every task, and a {@code ThreadLocal} is shared by all of them (use
 * {@code TaskLocal}); a blocking JDK call in a body blocks the whole loop, as in asyncio. On virtual
 * threads each task is its own {@code Thread}.
 *
 * <p>Implementations must tolerate {@link Strand#unpark()} arriving before {@link #park()} (the park
 * then returns at once), and {@link #park()} may return spuriously: the loop re-checks its own flag.
 *
 * @apiNote asyncio: none; asyncio's coroutines are their own carrier. Cancellation does not reach a
 *     carrier: the loop delivers it at the fiber's await.
 */
public interface Carrier {

    /** A fiber's execution vehicle. */
    interface Strand {
        /**
         * Starts running the body given to {@link #newStrand}; called once, when the task takes its
         * first step. {@code name} is the task's (a carrier with a thread per strand names it so).
         */
        void start(String name);

        /** Makes a parked strand runnable again (or lets its next park return at once). */
        void unpark();

        /** The strand's stack as it is now (where it is parked), or an empty array if unknown. */
        StackTraceElement[] stackTrace();
    }

    /** Creates a strand that runs {@code body} once started. */
    Strand newStrand(Runnable body);

    /**
     * Parks the current strand until it is unparked; may return spuriously. A carrier that cannot
     * switch where it is called (the loop-thread carrier inside a native frame or a class
     * initializer) throws {@code IllegalStateException} naming the frame; the run then fails.
     */
    void park();

    /**
     * Fails with a message that says how to fix it if a loop with {@code permits} bodies at once cannot
     * run on this carrier in this JVM; called when the loop is created ({@code Aio.run}).
     */
    default void checkUsable(int permits) {
    }

    /**
     * Whether strands run on the thread that starts or unparks them (the loop's own thread), one at a
     * time: then a fiber never spins waiting for its turn.
     */
    default boolean inPlace() {
        return false;
    }

    /** Each fiber is a virtual thread ({@code Thread.ofVirtual()}); public JDK API only. */
    static Carrier virtualThreads() {
        return VirtualThreads.INSTANCE;
    }

    /**
     * Every fiber runs on the loop's own thread, switched in place (aio4j's uvloop). Needs the JVM option
     * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} (on the class path; on the module path
     * {@code =io.aio4j.bridge}); without it {@code Aio.run} fails naming that option. Runs one body at a
     * time: {@code Config.parallel(n)} needs {@link #virtualThreads()}.
     */
    static Carrier loopThread() {
        return LoopThread.INSTANCE;
    }

    /**
     * The carrier a loop gets when none is chosen: {@code -Daio4j.carrier=loop-thread} or
     * {@code virtual-threads} if set (any other value is an error naming the two), else the loop-thread
     * carrier if the JVM grants it, else virtual threads.
     */
    static Carrier byDefault() {
        String p = System.getProperty("aio4j.carrier");
        if (p == null || p.isEmpty()) {
            return LoopThread.available() ? loopThread() : virtualThreads();
        }
        return switch (p) {
            case "loop-thread" -> loopThread();
            case "virtual-threads" -> virtualThreads();
            default -> throw new IllegalArgumentException(
                    "-Daio4j.carrier must be loop-thread or virtual-threads: \"" + p + "\"");
        };
    }
}
