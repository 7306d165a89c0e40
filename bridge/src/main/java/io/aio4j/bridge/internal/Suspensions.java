package io.aio4j.bridge.internal;

import io.aio4j.bridge.SuspendFunction;
import java.util.function.Consumer;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import kotlinx.coroutines.CancellableContinuation;
import kotlinx.coroutines.CancellableContinuationImpl;

/** Helpers for writing suspend functions in Java and for awaiting on the current fiber. */
public final class Suspensions {
    /** kotlinx's MODE_CANCELLABLE, the mode of {@code suspendCancellableCoroutine}. */
    private static final int MODE_CANCELLABLE = 1;

    private Suspensions() {
    }

    /**
     * Java's {@code suspendCancellableCoroutine}: {@code block} receives a cancellable continuation to
     * resume later (from any thread) or at once. What kotlinx's inline function compiles to.
     */
    @SuppressWarnings("unchecked")
    public static <T> Object suspendCancellable(Continuation<? super T> k, Consumer<CancellableContinuation<T>> block) {
        if (k instanceof Fiber f) { // aio4j's own wait: no Job handler; the fiber cancels it directly
            var c = new CancellableContinuationImpl<T>((Continuation<T>) (Continuation<?>) f.light, MODE_CANCELLABLE);
            c.initCancellability();
            f.setPending(c);
            block.accept(c);
            return c.getResult();
        }
        // a Kotlin continuation: intercepted, so that resuming it dispatches on its dispatcher instead of
        // running the caller's code inline (what suspendCancellableCoroutine does)
        var c = new CancellableContinuationImpl<T>(IntrinsicsKt.intercepted((Continuation<T>) k), MODE_CANCELLABLE);
        c.initCancellability();
        block.accept(c);
        return c.getResult();
    }

    /** Resumes {@code c} with Unit if it is still waiting (a cancelled continuation ignores it). */
    public static void resumeUnit(CancellableContinuation<? super Unit> c) {
        c.resumeWith(Unit.INSTANCE);
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

    /** Throws {@code t} without declaring it (Kotlin and aio4j bodies rethrow checked exceptions as is). */
    @SuppressWarnings("unchecked")
    public static <E extends Throwable> RuntimeException sneakyThrow(Throwable t) throws E {
        throw (E) t;
    }
}
