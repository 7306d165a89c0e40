package io.aio4j.internal;

import io.aio4j.bridge.internal.Suspensions;
import kotlin.Unit;
import kotlinx.coroutines.CancellableContinuation;

/**
 * One task waiting on a primitive: asyncio's waiter future. Its state is guarded by the owning
 * primitive's monitor, which is also the {@code owner} passed to {@link #await}. Resuming a
 * continuation under that monitor is safe: it only queues the fiber on its loop.
 */
public final class Waiter {
    private CancellableContinuation<Unit> cont;
    private boolean woken;
    /** A value handed over with the wakeup, for primitives that need one. */
    public Object value;

    /** asyncio's {@code fut.done()}: woken, or its wait was cancelled. */
    public boolean done() {
        return woken || (cont != null && cont.isCancelled());
    }

    /** asyncio's {@code fut.set_result(...)} on a waiter that is not done; call holding the owner's monitor. */
    public void wake() {
        woken = true;
        if (cont != null) {
            Suspensions.resumeUnit(cont);
        }
    }

    /** Whether a wakeup reached this waiter (possibly just before its wait was cancelled). */
    public boolean woken() {
        return woken;
    }

    /**
     * Parks the current task until {@link #wake()} (which may already have happened). Throws
     * {@code CancelledError} if the task is cancelled; {@link #woken()} then tells whether a wakeup was
     * consumed and must be passed on. Call without holding {@code owner}'s monitor.
     */
    public void await(Object owner, String what) {
        await(owner, what, false);
    }

    /**
     * {@link #await(Object, String)} for a wakeup that another thread delivers (a pipe's pump thread):
     * virtual time does not jump past it.
     */
    public void awaitForeign(Object owner, String what) {
        await(owner, what, true);
    }

    private void await(Object owner, String what, boolean foreign) {
        TaskImpl<?> me = TaskImpl.current(what);
        if (foreign) {
            me.markForeign();
        }
        me.<Unit>await(k -> Suspensions.suspendCancellable(k, (CancellableContinuation<Unit> c) -> {
            boolean now;
            synchronized (owner) {
                now = woken;
                if (!now) {
                    cont = c;
                }
            }
            if (now) {
                Suspensions.resumeUnit(c);
            }
        }));
    }
}
