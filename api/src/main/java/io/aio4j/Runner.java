package io.aio4j;

import io.aio4j.internal.RunnerImpl;

/**
 * One event loop reused for several top-level bodies, closed with try-with-resources.
 *
 * {@snippet :
 * try (Runner runner = Aio.runner(Config.defaults())) {
 *     runner.run(() -> setUp());
 *     String answer = runner.run(() -> ask());
 * }
 * }
 *
 * @apiNote asyncio: {@code asyncio.Runner}
 */
public sealed interface Runner extends AutoCloseable permits RunnerImpl {
    /**
     * Runs {@code body} as a task on this runner's loop until it completes, and returns its result or
     * throws its exception (unwrapped). Tasks it leaves pending stay on the loop for the next
     * {@code run} or for {@link #close()}.
     *
     * <p><b>Cancellation:</b> if the body's task is cancelled, this throws {@link CancelledError}.
     *
     * @apiNote asyncio: {@code Runner.run(coro)}
     * @throws IllegalStateException if called inside a running loop, or after {@link #close()}
     */
    <T, X extends Exception> T run(CheckedCallable<T, X> body) throws X;

    /**
     * {@link #run(CheckedCallable)} for a body without a result.
     *
     * @apiNote asyncio: {@code Runner.run(coro)}
     */
    <X extends Exception> void run(CheckedRunnable<X> body) throws X;

    /**
     * The runner's loop.
     *
     * @apiNote asyncio: {@code Runner.get_loop()}
     */
    EventLoop loop();

    /**
     * Cancels the tasks still pending and waits for them to finish, reports those that failed while
     * doing so, then closes the loop. Idempotent.
     *
     * @apiNote asyncio: {@code Runner.close()}
     */
    @Override
    void close();
}
