package io.aio4j.bridge;

import io.aio4j.bridge.internal.BlockingContinuation;
import io.aio4j.bridge.internal.Fiber;
import io.aio4j.bridge.internal.Loop;
import java.util.function.Consumer;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlinx.coroutines.CancellableContinuation;
import kotlinx.coroutines.CancellableContinuationKt;

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

    /**
     * Writes a Kotlin {@code suspend} function in Java: Kotlin's {@code suspendCancellableCoroutine}.
     * {@code block} receives the cancellable continuation and arranges for it to be resumed later,
     * from any thread; the return value is what the Java method implementing the suspend function
     * returns to its Kotlin caller {@code k}.
     *
     * {@snippet :
     * // implements: suspend fun emit(value: T)   (kotlinx.coroutines.flow.FlowCollector)
     * public Object emit(T value, Continuation<? super Unit> k) {
     *     return Suspend.suspendCancellable(k, c -> handOver(value, () -> c.resumeWith(Unit.INSTANCE)));
     * }
     * }
     *
     * @apiNote asyncio: none (kotlinx interop). aio4j's own waits park on a
     *     {@link io.aio4j.bridge.lowlevel.Waiter} instead.
     * @return {@code COROUTINE_SUSPENDED}, or the value if {@code block} resumed at once
     */
    public static <T> Object suspendCancellable(Continuation<? super T> k, Consumer<CancellableContinuation<? super T>> block) {
        return CancellableContinuationKt.suspendCancellableCoroutine(c -> {
            block.accept(c);
            return Unit.INSTANCE;
        }, k);
    }
}
