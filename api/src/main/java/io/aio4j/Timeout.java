package io.aio4j;

import io.aio4j.internal.TimeoutImpl;

/**
 * A deadline on a block of code in the current task: what {@link Aio#timeout} and
 * {@link Aio#timeoutAt} give their body.
 *
 * {@snippet :
 * String page = Aio.timeout(Duration.ofSeconds(10), t -> {
 *     String first = fetch(a);
 *     t.reschedule(Aio.getRunningLoop().time() + 5);  // 5 more seconds for the rest
 *     return first + fetch(b);
 * });
 * }
 *
 * <p>When the deadline passes, the task is cancelled; the scope turns that cancellation into a
 * {@link TimeoutError} (its cause is the {@link CancelledError}) as it exits. Only the scope whose
 * own deadline fired does that, and only if no other cancellation is pending: a cancellation from
 * elsewhere stays a {@link CancelledError}, and of nested expired scopes only the outermost one
 * raises {@code TimeoutError}. A cancellation requested before the scope was entered but not yet
 * delivered counts as one from elsewhere (asyncio 3.13 would turn it into {@code TimeoutError} and
 * leave it counted but undelivered; under {@code Config.parallel(n)} it is another thread's
 * {@code cancel()} of the running task, which must not be lost).
 *
 * <p>States, as asyncio's: created, active (entered), expiring (deadline fired, body still running),
 * expired, finished (exited before the deadline).
 *
 * @apiNote asyncio: {@code asyncio.Timeout}, from {@code async with asyncio.timeout(delay) as t:}
 */
public sealed interface Timeout permits TimeoutImpl {

    /**
     * The deadline on the loop's clock ({@link EventLoop#time()}, seconds), or
     * {@link Double#POSITIVE_INFINITY} for none.
     *
     * @apiNote asyncio: {@code timeout.when()} ({@code None} is {@code POSITIVE_INFINITY})
     */
    double when();

    /**
     * Moves the deadline to {@code when} (loop time, seconds); {@link Double#POSITIVE_INFINITY}
     * removes it. A deadline already in the past fires on the next loop turn.
     *
     * @apiNote asyncio: {@code timeout.reschedule(when)}
     * @throws IllegalStateException if the scope is not active: "Timeout has not been entered",
     *     "Cannot change state of expiring Timeout", "... expired Timeout", "... finished Timeout"
     * @throws IllegalArgumentException if {@code when} is NaN
     */
    void reschedule(double when);

    /**
     * Whether the deadline fired (the scope is expiring or expired).
     *
     * @apiNote asyncio: {@code timeout.expired()}
     */
    boolean expired();

    /** A body that uses its {@link Timeout}, e.g. to reschedule it. */
    @FunctionalInterface
    interface Body<T> {
        /**
         * Runs inside the scope, in the calling task.
         *
         * @apiNote asyncio: the block of {@code async with asyncio.timeout(...) as t:}
         */
        T apply(Timeout timeout) throws Exception;
    }
}
