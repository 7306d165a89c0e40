package io.aio4j.bridge;

/**
 * What a fiber runs on: the service-provider interface behind every task body.
 *
 * <p>A task's body is plain sequential Java; when it awaits something that is not ready, its fiber
 * parks and hands the loop's baton to the next ready fiber. A carrier supplies the two things that
 * needs: a {@link Strand} that can be started and unparked, and a way for the current strand to park.
 * The default, {@link #virtualThreads()}, makes each fiber a virtual thread and uses only public JDK
 * API.
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
        /** Starts running the body given to {@link #newStrand}; called once. */
        void start();

        /** Makes a parked strand runnable again (or lets its next park return at once). */
        void unpark();
    }

    /** Creates a strand that runs {@code body} once started. */
    Strand newStrand(String name, Runnable body);

    /** Parks the current strand until it is unparked; may return spuriously. */
    void park();

    /** The default carrier: each fiber is a virtual thread ({@code Thread.ofVirtual()}). */
    static Carrier virtualThreads() {
        return VirtualThreads.INSTANCE;
    }
}
