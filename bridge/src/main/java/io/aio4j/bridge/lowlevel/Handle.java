package io.aio4j.bridge.lowlevel;

/** A callback queued on a loop (asyncio's {@code Handle}): cancelling it before it runs means it never runs. */
public interface Handle {
    /** Prevents the callback from running; no effect once it ran. Thread-safe. */
    void cancel();

    boolean cancelled();
}
