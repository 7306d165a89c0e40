package io.aio4j.bridge.lowlevel;

import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.util.function.IntConsumer;

/**
 * What a transport, a server or a primitive may do with a loop: its clock, callbacks, timers, the
 * selector, error reports and resource tracking. The engine's loop implements it; other modules see
 * the loop only through this.
 */
public interface LoopHandle {
    /** The loop's clock, in nanoseconds. */
    long nanoTime();

    /** Queues {@code action} to run on a later turn of the loop; thread-safe. */
    Handle callSoon(Runnable action);

    /** Queues {@code item} itself; it hears about it if the loop closes first. Thread-safe. */
    void callSoon(Droppable item);

    /** Runs {@code action} after {@code delayNanos} (saturated at {@link Forever#NANOS}); thread-safe. */
    TimerHandle callLater(long delayNanos, Runnable action);

    /**
     * Runs {@code action} once the loop's clock reaches {@code whenNanos} (a deadline past
     * {@link Forever#NANOS} from now, or {@link Forever#NEVER}, never fires); thread-safe.
     */
    TimerHandle callAt(long whenNanos, Runnable action);

    /**
     * Registers {@code channel} (non-blocking) on the loop's selector; {@code handler} runs as a loop
     * callback with the ready ops each time watched ops become ready.
     */
    Readiness register(SelectableChannel channel, IntConsumer handler) throws ClosedChannelException;

    /** Reports an error nobody else can receive (asyncio's exception handler). */
    void report(String message, Throwable error);

    /**
     * Marks work outside the loop that will surely end a wait here — an HTTP request sent, its answer
     * due — as a wait for another thread is: on a virtual clock, time jumps only after the longer
     * (foreign) idle threshold while any is held. Returns the release, which may be run more than once.
     */
    Runnable holdClock();

    /** Records an open resource and where it was opened, for leak reports (while tracking is on). */
    void track(Object resource, String description);

    /** The resource was closed. */
    void untrack(Object resource);

    // ---- test support (the test kit) ----------------------------------------------------------------

    /** Whether open resources are being recorded ({@link #trackResources}). */
    boolean tracksResources();

    /** Turns recording of open resources (for leak reports) on or off. */
    void trackResources(boolean on);

    /** The resources recorded and not closed, each as the Throwable that says where it was opened. */
    java.util.List<Throwable> openResources();

    /** A seeded random order for the items ready at the same moment (a reproducible schedule), or null for FIFO. */
    void schedule(java.util.Random random);

    /** Whether nothing is ready to run now (timers and I/O aside); asked from the loop's own tasks. */
    boolean nothingReady();
}
