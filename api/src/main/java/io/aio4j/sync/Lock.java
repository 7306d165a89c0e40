package io.aio4j.sync;

import io.aio4j.CancelledError;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.bridge.lowlevel.ParkingLot;

/**
 * A mutual-exclusion lock for tasks: asyncio's {@code Lock}. Not reentrant, not owned by a task.
 *
 * {@snippet :
 * try (var held = lock.acquire()) {     // async with lock:
 *     balance = balance + amount;
 * }
 * }
 *
 * <p><b>Fairness:</b> waiters acquire in FIFO order. A release wakes the first waiter and the lock is
 * free until it runs, but a newcomer cannot barge in front of a woken waiter. A woken waiter that is
 * cancelled before it runs passes the wakeup on to the next one.
 *
 * @apiNote asyncio: {@code asyncio.Lock}
 */
public final class Lock implements Acquired.Releasable {
    private final ParkingLot waiters = new ParkingLot();
    private boolean locked;

    /** An unlocked lock; it may be created outside a loop and used by the tasks of any one loop. */
    public Lock() {
    }

    /**
     * Acquires the lock, waiting while another task holds it, and returns a handle whose
     * {@link Acquired#close()} releases it, for try-with-resources.
     *
     * <p><b>Cancellation:</b> a cancelled wait leaves the wait list and does not acquire; if the lock
     * was already passed to this waiter, it is passed on.
     *
     * @apiNote asyncio: {@code await lock.acquire()}, {@code async with lock:}
     */
    public Acquired acquire() {
        Waiter w;
        synchronized (this) {
            if (!locked && !waiters.anyLive()) {
                locked = true;
                return new Acquired(this);
            }
            w = waiters.join();
        }
        try {
            w.await("Lock.acquire");
        } catch (CancelledError e) {
            synchronized (this) {
                waiters.leave(w);
                if (!locked) {
                    wakeUpFirstLocked(); // keep the invariant: a free lock with waiters wakes the first
                }
            }
            throw e;
        }
        synchronized (this) {
            waiters.leave(w);
            locked = true;
        }
        return new Acquired(this);
    }

    /**
     * Runs {@code body} holding the lock: {@link #acquire()} first, the release when the body ends,
     * however it ends; its result is returned and its exception thrown as it is (a checked one
     * reaches the caller's {@code catch}: see {@link io.aio4j.CheckedCallable}). The same as the
     * try-with-resources form, without a handle to name.
     *
     * {@snippet :
     * int n = counterGuard.withLock(() -> ++count);
     * }
     *
     * <p><b>Cancellation:</b> as {@link #acquire()}: a task cancelled while it waits runs nothing.
     *
     * @apiNote asyncio: {@code async with ...:}; kotlinx's {@code withLock { }}
     */
    public <T, X extends Exception> T withLock(io.aio4j.CheckedCallable<T, X> body) throws X {
        java.util.Objects.requireNonNull(body, "body");
        return Acquired.around(acquire(), body);
    }

    /**
     * {@link #withLock(io.aio4j.CheckedCallable)} for a body with no result.
     *
     * @apiNote asyncio: {@code async with ...:}
     */
    public <X extends Exception> void withLock(io.aio4j.CheckedRunnable<X> body) throws X {
        java.util.Objects.requireNonNull(body, "body");
        withLock(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Releases the lock and wakes the first waiter.
     *
     * @apiNote asyncio: {@code lock.release()}
     * @throws IllegalStateException if the lock is not locked ("Lock is not acquired.")
     */
    public synchronized void release() {
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired.");
        }
        locked = false;
        wakeUpFirstLocked();
    }

    private void wakeUpFirstLocked() {
        waiters.wakeFirst();
    }

    /**
     * Whether the lock is held.
     *
     * @apiNote asyncio: {@code lock.locked()}
     */
    public synchronized boolean locked() {
        return locked;
    }

    /**
     * @apiNote asyncio: none; what asyncio's repr shows
     */
    public synchronized Statistics statistics() {
        return new Statistics(locked, waiters.size());
    }

    @Override
    public synchronized String toString() {
        return "<Lock [" + (locked ? "locked" : "unlocked") + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]>";
    }

    /**
     * A snapshot of the lock.
     *
     * @param locked whether it is held
     * @param waiters the tasks waiting to acquire it
     */
    public record Statistics(boolean locked, int waiters) {
    }
}
