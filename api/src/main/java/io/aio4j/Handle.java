package io.aio4j;

import io.aio4j.internal.HandleImpl;

/**
 * A callback queued on the loop by {@link EventLoop#callSoon}; cancelling it before it runs means it
 * never runs.
 *
 * @apiNote asyncio: {@code asyncio.Handle}
 */
public sealed interface Handle permits HandleImpl, TimerHandle {
    /**
     * Prevents the callback from running; no effect once it ran.
     *
     * @apiNote asyncio: {@code handle.cancel()}
     */
    void cancel();

    /**
     * Whether {@link #cancel()} was called.
     *
     * @apiNote asyncio: {@code handle.cancelled()}
     */
    boolean cancelled();
}
