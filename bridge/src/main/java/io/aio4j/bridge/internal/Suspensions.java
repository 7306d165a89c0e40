package io.aio4j.bridge.internal;

import io.aio4j.bridge.SuspendFunction;
import java.util.function.Consumer;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlinx.coroutines.CancellableContinuation;
import kotlinx.coroutines.CancellableContinuationKt;

/** Helpers for writing suspend functions in Java and for awaiting on the current fiber. */
public final class Suspensions {
    private Suspensions() {
    }

    /**
     * Java's {@code suspendCancellableCoroutine} for a real Kotlin continuation (a Flow's emit, a
     * Kotlin caller): {@code block} receives the cancellable continuation to resume later, from any
     * thread. aio4j's own waits do not come here: they park on a {@code Waiter}.
     */
    public static <T> Object suspendKotlin(Continuation<? super T> k, Consumer<CancellableContinuation<? super T>> block) {
        return CancellableContinuationKt.suspendCancellableCoroutine(c -> {
            block.accept(c);
            return Unit.INSTANCE;
        }, k);
    }

    /**
     * Awaits {@code fn} on the current task's fiber.
     *
     * @throws IllegalStateException outside a task of a running loop, saying to use Aio.run
     */
    public static <T> T await(SuspendFunction<T> fn) {
        return currentFiber("await").await(fn);
    }

    /** The current task's fiber, or an error explaining that {@code what} needs one. */
    public static Fiber currentFiber(String what) {
        Fiber f = Loop.currentFiber();
        if (f == null) {
            throw notInTask(what);
        }
        return f;
    }

    public static IllegalStateException notInTask(String what) {
        String where = Loop.currentLoop() != null
                ? "in an event loop callback, which cannot wait; start a task with Aio.createTask(...) for it"
                : "on thread \"" + Thread.currentThread().getName() + "\", which runs no event loop; "
                        + "wrap the code in Aio.run(() -> ...)";
        return new IllegalStateException(what + " must be called inside an aio4j task, but it was called " + where);
    }

    /** Throws {@code t} without declaring it: {@link io.aio4j.bridge.lowlevel.Unchecked#rethrow}. */
    public static RuntimeException sneakyThrow(Throwable t) {
        return io.aio4j.bridge.lowlevel.Unchecked.rethrow(t);
    }
}
