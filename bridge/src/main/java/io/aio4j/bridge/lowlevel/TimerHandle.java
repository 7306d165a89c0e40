package io.aio4j.bridge.lowlevel;

/** A callback due at a point of the loop's clock (asyncio's {@code TimerHandle}). */
public interface TimerHandle extends Handle {
    /** The loop time (nanoseconds) at which the callback is due. */
    long whenNanos();
}
