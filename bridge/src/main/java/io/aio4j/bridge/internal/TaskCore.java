package io.aio4j.bridge.internal;

import io.aio4j.bridge.lowlevel.Waiter;
import java.util.ArrayList;

/**
 * A task's future state over its fiber: asyncio's {@code Future} under the {@code Task}. The outcome
 * (a result, an exception or a cancellation), the done callbacks and the awaiting tasks, and the
 * cancellation requests the api's {@code Task} exposes.
 *
 * <p>The outcome is written once, on the task's own strand; it is volatile, so {@code done()} and
 * reading a finished task's result take no lock. Callbacks may be added from any thread (a
 * {@code CompletableFuture} view, interop), so the callback list is guarded by this object's monitor,
 * which is held only for the list operation itself.
 */
public abstract class TaskCore<T> extends Fiber {
    protected static final int PENDING = 0, RESULT = 1, EXCEPTION = 2, CANCELLED = 3;

    private volatile int outcome = PENDING;
    private T value;
    /** The exception (EXCEPTION) or the cancellation error (CANCELLED). */
    private Throwable error;
    /** Waiters of awaiting tasks, and the api's done callbacks; guarded by this. */
    private ArrayList<Object> callbacks;

    protected TaskCore(Loop loop) {
        super(loop);
    }

    /** The task's body. */
    protected abstract T call() throws Exception;

    /** Whether {@code t} is the api's cancellation error (the body ends cancelled, not failed). */
    protected abstract boolean isCancellation(Throwable t);

    /** Called on the task's strand just before the outcome is published (to track an exception). */
    protected void beforeOutcome(int how, Throwable error) {
    }

    /** Called once the outcome is published, for each done callback that is not a waiter. */
    protected abstract void runDoneCallback(Object callback);

    /** Called once the outcome is published and the callbacks were run or scheduled. */
    protected void afterOutcome() {
    }

    @Override
    protected final void runBody() {
        T v;
        try {
            v = call();
        } catch (Throwable e) {
            complete(isCancellation(e) ? CANCELLED : EXCEPTION, null, e);
            return;
        }
        String message = null;
        boolean cancel;
        loop.lock();
        try {
            cancel = takeMustCancelLocked();
            if (cancel) {
                message = cancelMessageLocked();
            }
        } finally {
            loop.unlock();
        }
        if (cancel) { // cancelled right before the body returned: asyncio ends it cancelled
            complete(CANCELLED, null, newCancelledError(message, null));
        } else {
            complete(RESULT, v, null);
        }
    }

    @Override
    protected final void completeCancelledBeforeStart(String message) {
        complete(CANCELLED, null, newCancelledError(message, null));
    }

    private void complete(int how, T v, Throwable e) {
        if (outcome != PENDING) {
            return;
        }
        beforeOutcome(how, e);
        ArrayList<Object> cbs;
        synchronized (this) {
            value = v;
            error = e;
            outcome = how;
            cbs = callbacks;
            callbacks = null;
        }
        if (cbs != null) {
            for (Object cb : cbs) {
                if (cb instanceof Waiter w) {
                    w.wake();
                } else {
                    runDoneCallback(cb);
                }
            }
        }
        afterOutcome();
    }

    // ---- outcome ---------------------------------------------------------------------------------

    /** PENDING, RESULT, EXCEPTION or CANCELLED. */
    protected final int outcome() {
        return outcome;
    }

    /** The result; meaningful once the outcome is RESULT. */
    protected final T value() {
        return value;
    }

    /** The exception (EXCEPTION) or the cancellation error (CANCELLED); null otherwise. */
    protected final Throwable error() {
        return error;
    }

    public final boolean done() {
        return outcome != PENDING;
    }

    public final boolean cancelled() {
        return outcome == CANCELLED;
    }

    // ---- callbacks and awaiting tasks ------------------------------------------------------------

    /** Adds {@code callback} to run when the task is done; false (nothing added) if it already is. */
    protected final boolean addDoneCallbackObject(Object callback) {
        synchronized (this) {
            if (outcome != PENDING) {
                return false;
            }
            if (callbacks == null) {
                callbacks = new ArrayList<>(2);
            }
            callbacks.add(callback);
            return true;
        }
    }

    /** Removes every callback equal to {@code callback}; returns how many. */
    protected final int removeDoneCallbackObject(Object callback) {
        synchronized (this) {
            if (callbacks == null) {
                return 0;
            }
            int before = callbacks.size();
            callbacks.removeIf(cb -> cb.equals(callback));
            return before - callbacks.size();
        }
    }

    /**
     * Parks {@code me} (the current task) until this task is done; a cancellation of {@code me} goes to
     * {@code onCancel} as {@link Waiter#await(String, Waiter.OnCancel)} says, or ends the wait if null.
     */
    protected final void awaitDone(Fiber me, Waiter.OnCancel onCancel) {
        Waiter w = new Waiter();
        if (!addDoneCallbackObject(w)) {
            return;
        }
        try {
            me.awaitWaiter(w, onCancel, false);
        } finally {
            if (!w.woken()) {
                removeDoneCallbackObject(w);
            }
        }
    }

    // ---- cancellation ----------------------------------------------------------------------------

    /**
     * asyncio's {@code Task.cancel(msg)}: records a request, delivered at the task's next await that
     * suspends (at once if it is parked). False if the task is done. From another thread than an owned
     * loop's own, the request is posted to the loop (asyncio: {@code call_soon_threadsafe(task.cancel)}).
     */
    public final boolean cancel(String message) {
        if (outcome != PENDING) {
            return false;
        }
        if (loop.foreign()) {
            loop.post(() -> cancel(message));
            return true;
        }
        Object target;
        loop.lock();
        try {
            if (outcome != PENDING) {
                return false;
            }
            target = requestCancelLocked(message);
        } finally {
            loop.unlock();
        }
        deliverCancel(target, message);
        return true;
    }

    /** asyncio's {@code Task.cancelling()}: requests not yet taken back. */
    public final int cancelling() {
        loop.lock();
        try {
            return cancellingLocked();
        } finally {
            loop.unlock();
        }
    }

    /** Where a timeout scope counts its own request from: see {@code Fiber.cancellingDeliveredLocked}. */
    public final int cancellingDelivered() {
        loop.lock();
        try {
            return cancellingDeliveredLocked();
        } finally {
            loop.unlock();
        }
    }

    /** asyncio 3.13's {@code Task.uncancel()}. */
    public final int uncancel() {
        loop.lock();
        try {
            return uncancelLocked();
        } finally {
            loop.unlock();
        }
    }
}
