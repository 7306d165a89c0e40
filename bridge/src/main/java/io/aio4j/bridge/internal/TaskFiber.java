package io.aio4j.bridge.internal;

import io.aio4j.bridge.lowlevel.TaskCore;
import io.aio4j.bridge.lowlevel.Waiter;
import java.util.ArrayList;

/**
 * The one {@link TaskCore}: a task's future state over its fiber (asyncio's {@code Future} under the
 * {@code Task}). The outcome (a result, an exception or a cancellation), the done callbacks and the
 * awaiting tasks, and the cancellation requests the api's {@code Task} exposes; the body and the
 * error types come from the {@link TaskCore.Host}.
 *
 * <p>The outcome is written once, on the task's own strand; it is volatile, so {@code done()} and
 * reading a finished task's result take no lock. Callbacks may be added from any thread (a
 * {@code CompletableFuture} view, interop), so the callback list is guarded by this object's monitor,
 * which is held only for the list operation itself.
 */
public final class TaskFiber<T> extends Fiber implements TaskCore<T> {
    private final Host<T> host;
    private volatile int outcome = PENDING;
    private T value;
    /** The exception (EXCEPTION) or the cancellation error (CANCELLED). */
    private Throwable error;
    /** Waiters of awaiting tasks, and the api's done callbacks; guarded by this. */
    private ArrayList<Object> callbacks;

    TaskFiber(Loop loop, Host<T> host) {
        super(loop);
        this.host = host;
    }

    @Override
    public Host<T> host() {
        return host;
    }

    @Override
    public Loop loop() {
        return loop;
    }

    @Override
    public String name() {
        return host.name();
    }

    /** The task as its host shows it (the api's {@code <Task pending name='...'>}). */
    @Override
    public String toString() {
        return host.toString();
    }

    @Override
    protected Error newCancelledError(String message, Throwable cause) {
        return host.newCancelledError(message, cause);
    }

    @Override
    protected void runBody() {
        T v;
        try {
            v = host.call();
        } catch (Throwable e) {
            complete(host.isCancellation(e) ? CANCELLED : EXCEPTION, null, e);
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
    protected void completeCancelledBeforeStart(String message) {
        complete(CANCELLED, null, newCancelledError(message, null));
    }

    private void complete(int how, T v, Throwable e) {
        if (outcome != PENDING) {
            return;
        }
        host.beforeOutcome(how, e);
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
                    host.runDoneCallback(cb);
                }
            }
        }
        host.afterOutcome();
    }

    // ---- outcome ---------------------------------------------------------------------------------

    @Override
    public int outcome() {
        return outcome;
    }

    @Override
    public T value() {
        return value;
    }

    @Override
    public Throwable error() {
        return error;
    }

    @Override
    public boolean done() {
        return outcome != PENDING;
    }

    @Override
    public boolean cancelled() {
        return outcome == CANCELLED;
    }

    // ---- callbacks and awaiting tasks ------------------------------------------------------------

    @Override
    public boolean addDoneCallback(Object callback) {
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

    @Override
    public int removeDoneCallback(Object callback) {
        synchronized (this) {
            if (callbacks == null) {
                return 0;
            }
            int before = callbacks.size();
            callbacks.removeIf(cb -> cb.equals(callback));
            return before - callbacks.size();
        }
    }

    @Override
    public void awaitDone(String what, Waiter.OnCancel onCancel) {
        Fiber me = Suspensions.currentFiber(what);
        Waiter w = new Waiter();
        if (!addDoneCallback(w)) {
            return;
        }
        try {
            me.awaitWaiter(w, onCancel, false);
        } finally {
            if (!w.woken()) {
                removeDoneCallback(w);
            }
        }
    }

    // ---- cancellation ----------------------------------------------------------------------------

    @Override
    public boolean cancel(String message) {
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

    @Override
    public int cancelling() {
        loop.lock();
        try {
            return cancellingLocked();
        } finally {
            loop.unlock();
        }
    }

    @Override
    public int cancellingDelivered() {
        loop.lock();
        try {
            return cancellingDeliveredLocked();
        } finally {
            loop.unlock();
        }
    }

    @Override
    public int uncancel() {
        loop.lock();
        try {
            return uncancelLocked();
        } finally {
            loop.unlock();
        }
    }
}
