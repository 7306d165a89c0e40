package io.aio4j;

import io.aio4j.internal.HandleImpl;

/**
 * A callback scheduled for a point of the loop's clock by {@link EventLoop#callLater} or
 * {@link EventLoop#callAt}.
 *
 * @apiNote asyncio: {@code asyncio.TimerHandle}
 */
public sealed interface TimerHandle extends Handle permits HandleImpl.Timed {
    /**
     * The loop time ({@link EventLoop#time()}, seconds) at which the callback is due.
     *
     * @apiNote asyncio: {@code timer_handle.when()}
     */
    double when();
}
