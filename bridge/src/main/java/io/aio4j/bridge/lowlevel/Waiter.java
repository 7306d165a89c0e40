package io.aio4j.bridge.lowlevel;

import io.aio4j.bridge.internal.Fiber;
import io.aio4j.bridge.internal.Suspensions;
import io.aio4j.bridge.internal.WaiterAccess;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One task's one-shot wait: asyncio's waiter future, aio4j's own await primitive. A task creates a
 * waiter, makes it reachable to whoever will wake it (a {@link ParkingLot}, a field, a timer), and
 * calls {@link #await(String)}; {@link #wake(Object)} ends the wait from any thread, once.
 *
 * <p>A waiter already woken when its task awaits it returns at once: no switch, no lock, no allocation.
 * A cancellation of the waiting task ends the wait with the task's {@code CancelledError} (asyncio:
 * the waiter future is cancelled); if a wake-up raced with it, {@link #woken()} is true and the caller
 * must pass on what it was handed (a queue's item, a lock's ownership), as asyncio's primitives do.
 *
 * <p>Thread-safe: the state is one atomic word. A waiter is awaited at most once, by the task that made
 * it.
 */
public final class Waiter implements Runnable {
    private static final int NEW = 0, PARKED = 1, WAKING = 2, WOKEN = 3, CANCELLED = 4;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Waiter.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        WaiterAccess.set(new WaiterAccess() {
            @Override
            public boolean park(Waiter w, Fiber f) {
                return w.park(f);
            }

            @Override
            public boolean cancel(Waiter w) {
                return w.cancel();
            }
        });
    }

    @SuppressWarnings("unused") // through STATE
    private volatile int state;
    /** The task parked on this waiter; written before the CAS that publishes PARKED. */
    private Fiber fiber;
    /** What the wake-up handed over; written in WAKING, read after WOKEN. */
    private Object value;

    /** A waiter for the current task to await. */
    public Waiter() {
    }

    /**
     * asyncio's {@code fut.set_result(value)} on a waiter that is not done: ends the wait, handing
     * {@code value} over. Returns false, doing nothing, if the waiter was already woken or its wait was
     * cancelled. Thread-safe.
     */
    public boolean wake(Object value) {
        for (;;) {
            int s = (int) STATE.getVolatile(this);
            if (s != NEW && s != PARKED) {
                return false;
            }
            if (STATE.compareAndSet(this, s, WAKING)) {
                this.value = value;
                STATE.setVolatile(this, WOKEN);
                if (s == PARKED) {
                    fiber.resumeFromWaiter();
                }
                return true;
            }
        }
    }

    /** {@link #wake(Object)} with no value. */
    public boolean wake() {
        return wake(null);
    }

    /** Wakes the waiter: lets a timer or a loop callback be the waiter itself. */
    @Override
    public void run() {
        wake(null);
    }

    /** asyncio's {@code fut.done()}: woken, or its wait was cancelled. */
    public boolean done() {
        return (int) STATE.getVolatile(this) >= WAKING;
    }

    /** Whether a wake-up reached this waiter (possibly just before its wait was cancelled). */
    public boolean woken() {
        int s = (int) STATE.getVolatile(this);
        return s == WAKING || s == WOKEN;
    }

    /** Whether the wait was ended by a cancellation (no wake-up reached it). */
    public boolean cancelled() {
        return (int) STATE.getVolatile(this) == CANCELLED;
    }

    /** What {@link #wake(Object)} handed over, or null. */
    public Object value() {
        while ((int) STATE.getVolatile(this) == WAKING) {
            Thread.onSpinWait(); // the waker is between its CAS and its write of the value
        }
        return value;
    }

    /**
     * Parks the current task until {@link #wake(Object)} (which may already have happened).
     *
     * <p><b>Cancellation:</b> a cancellation of the task ends the wait with its {@code CancelledError};
     * {@link #woken()} then tells whether a wake-up was consumed and must be passed on.
     *
     * @param what the operation waiting, for the error raised outside a task ("Queue.get")
     * @throws IllegalStateException outside a task, or if this waiter was already awaited
     */
    public void await(String what) {
        Suspensions.currentFiber(what).awaitWaiter(this, null, false);
    }

    /**
     * {@link #await(String)} for a wait that another thread ends (a pipe's pump thread, a
     * {@code CompletableFuture}): virtual time does not jump past it.
     */
    public void awaitForeign(String what) {
        Suspensions.currentFiber(what).awaitWaiter(this, null, true);
    }

    /**
     * {@link #await(String)} for a wait that a cancellation ends by asking something else to stop
     * (asyncio: awaiting a task cancels that task): a cancellation while parked goes to {@code onCancel}
     * instead of ending the wait; if it declines, the request stays pending and is raised once the wait
     * ends by a wake-up.
     */
    public void await(String what, OnCancel onCancel) {
        Suspensions.currentFiber(what).awaitWaiter(this, onCancel, false);
    }

    /** What a cancellation does to a wait: see {@link #await(String, OnCancel)}. */
    @FunctionalInterface
    public interface OnCancel {
        /** Returns true if the wait will end because of this request (asyncio: the cancel took). */
        boolean cancel(String message);
    }

    // ---- the fiber's side, reached through WaiterAccess ---------------------------------------------

    /** Publishes the awaiting fiber as the one to resume; false if the waiter is already woken. */
    private boolean park(Fiber f) {
        fiber = f;
        if (STATE.compareAndSet(this, NEW, PARKED)) {
            return true;
        }
        int s = (int) STATE.getVolatile(this);
        if (s == PARKED) {
            throw new IllegalStateException("a waiter is awaited once, by one task: " + this);
        }
        return false;
    }

    /** The fiber's cancellation ends the wait; false if a wake-up came first. */
    private boolean cancel() {
        return STATE.compareAndSet(this, PARKED, CANCELLED);
    }

    @Override
    public String toString() {
        return "<Waiter " + switch ((int) STATE.getVolatile(this)) {
            case NEW -> "new";
            case PARKED -> "waiting";
            case CANCELLED -> "cancelled";
            default -> "woken";
        } + ">";
    }
}
