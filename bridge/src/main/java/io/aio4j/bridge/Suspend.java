package io.aio4j.bridge;

import io.aio4j.bridge.internal.BlockingContinuation;
import io.aio4j.bridge.internal.Fiber;
import io.aio4j.bridge.internal.Loop;

/**
 * Calling Kotlin {@code suspend} functions from Java.
 *
 * {@snippet :
 * // suspend fun fetchUser(id: String): User   (Kotlin)
 * User user = Suspend.call(k -> repository.fetchUser(id, k));
 * }
 *
 * <p>Inside an aio4j task this is an await like any other: if the function returns without
 * suspending, its result comes back at once; otherwise the task parks, the loop runs other tasks,
 * and the task continues when the function resumes. The function runs with the task's loop as its
 * {@code CoroutineDispatcher} (so {@code delay}, {@code withTimeout}, channels and mutexes all run
 * on the loop) and with a {@code Job} that aio4j cancels when the task is cancelled.
 *
 * <p>Outside a task (any other thread) the call blocks that thread until the function completes,
 * like {@code runBlocking}; the function then runs with no dispatcher of aio4j's.
 */
public final class Suspend {
    private Suspend() {
    }

    /**
     * Calls a Kotlin suspend function and returns its result.
     *
     * <p><b>Cancellation:</b> inside a task, cancelling the task cancels the pending call (its
     * {@code CancellableContinuation}s see a {@code CancellationException}) and this method throws
     * {@code io.aio4j.CancelledError}; a {@code CancellationException} the function itself throws
     * becomes a {@code CancelledError} too. Outside a task, interrupting the blocked thread cancels the
     * call and this method throws the resulting {@code CancellationException} with the interrupt flag
     * set again.
     *
     * @apiNote asyncio: none (this is kotlinx interop); it is what {@code await coro()} is for
     *     Kotlin code.
     * @return what the function returned; any exception it threw is rethrown as is (Kotlin has no
     *     checked exceptions, so neither does this method's signature)
     */
    public static <T> T call(SuspendFunction<T> fn) {
        Fiber fiber = Loop.currentFiber();
        if (fiber != null) {
            return fiber.await(fn);
        }
        return BlockingContinuation.call(fn);
    }
}
