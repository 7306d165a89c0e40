package io.aio4j.sync;

import io.aio4j.CancelledError;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.bridge.lowlevel.ParkingLot;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A condition variable for tasks: asyncio's {@code Condition}. Tasks wait for a notification while
 * holding its {@link Lock}; waiting releases the lock and re-acquires it before returning.
 *
 * {@snippet :
 * try (var held = cond.acquire()) {
 *     cond.awaitFor(() -> !items.isEmpty());
 *     take(items);
 * }
 * }
 *
 * <p>Names follow java.util.concurrent where {@code java.lang.Object}'s final methods collide with
 * asyncio's: {@code wait} is {@link #await()}, {@code notify} is {@link #signal(int)}.
 *
 * @apiNote asyncio: {@code asyncio.Condition}
 */
public final class Condition {
    private final Lock lock;
    private final ParkingLot waiters = new ParkingLot();

    /** A condition with a lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /**
     * A condition on {@code lock}, which other code may also use.
     *
     * @apiNote asyncio: {@code asyncio.Condition(lock)}
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Acquires the underlying lock.
     *
     * <p><b>Cancellation:</b> as {@link Lock#acquire()}.
     *
     * @apiNote asyncio: {@code await cond.acquire()}, {@code async with cond:}
     */
    public Acquired acquire() {
        return lock.acquire();
    }

    /**
     * Releases the underlying lock.
     *
     * @apiNote asyncio: {@code cond.release()}
     */
    public void release() {
        lock.release();
    }

    /**
     * Whether the underlying lock is held.
     *
     * @apiNote asyncio: {@code cond.locked()}
     */
    public boolean locked() {
        return lock.locked();
    }

    /**
     * Releases the lock, waits until notified, and re-acquires the lock before returning.
     *
     * <p><b>Cancellation:</b> the lock is re-acquired before {@code CancelledError} is thrown, so the
     * caller's try-with-resources still releases a held lock. A waiter cancelled after it was notified
     * passes the notification on to another waiter.
     *
     * @apiNote asyncio: {@code await cond.wait()}
     * @throws IllegalStateException if the lock is not held ("cannot wait on un-acquired lock")
     */
    public void await() {
        if (!lock.locked()) {
            throw new IllegalStateException("cannot wait on un-acquired lock: acquire the condition first "
                    + "(try (var held = cond.acquire()) { cond.await(); })");
        }
        Waiter w;
        synchronized (this) {
            w = waiters.join(); // before the lock is released: a signal right after the release must find it
        }
        lock.release();
        CancelledError err = null;
        try {
            w.await("Condition.await");
        } catch (CancelledError e) {
            err = e;
        } finally {
            synchronized (this) {
                waiters.leave(w);
                if (err != null && w.woken()) {
                    notifyLocked(1); // the notification was ours: pass it on
                }
            }
            for (;;) { // the lock must be re-acquired, even when cancelled
                try {
                    lock.acquire();
                    break;
                } catch (CancelledError e) {
                    err = e;
                }
            }
        }
        if (err != null) {
            throw err;
        }
    }

    /**
     * Waits until {@code predicate} returns a true value, and returns that value. The predicate is
     * checked first, and again after every notification, with the lock held. Null,
     * {@code Boolean.FALSE} and an empty {@code Optional} count as false.
     *
     * <p><b>Cancellation:</b> as {@link #await()}.
     *
     * @apiNote asyncio: {@code await cond.wait_for(predicate)}
     */
    public <T> T awaitFor(Supplier<T> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        T result = predicate.get();
        while (!truthy(result)) {
            await();
            result = predicate.get();
        }
        return result;
    }

    private static boolean truthy(Object v) {
        return v != null && !Boolean.FALSE.equals(v) && !Optional.empty().equals(v);
    }

    /**
     * Wakes up to {@code n} waiting tasks.
     *
     * @apiNote asyncio: {@code cond.notify(n)}
     * @throws IllegalStateException if the lock is not held ("cannot notify on un-acquired lock")
     */
    public void signal(int n) {
        if (!lock.locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock: acquire the condition first "
                    + "(try (var held = cond.acquire()) { cond.signal(" + n + "); })");
        }
        synchronized (this) {
            notifyLocked(n);
        }
    }

    /**
     * Wakes one waiting task.
     *
     * @apiNote asyncio: {@code cond.notify()}
     */
    public void signal() {
        signal(1);
    }

    /**
     * Wakes every waiting task.
     *
     * @apiNote asyncio: {@code cond.notify_all()}
     */
    public void signalAll() {
        int n;
        synchronized (this) {
            n = waiters.size();
        }
        signal(n);
    }

    private void notifyLocked(int n) {
        waiters.wakeInPlace(n);
    }

    /**
     * @apiNote asyncio: none; what asyncio's repr shows
     */
    public synchronized Statistics statistics() {
        return new Statistics(lock.locked(), waiters.size());
    }

    @Override
    public synchronized String toString() {
        return "<Condition [" + (lock.locked() ? "locked" : "unlocked")
                + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]>";
    }

    /**
     * A snapshot of the condition.
     *
     * @param locked whether its lock is held
     * @param waiters the tasks waiting for a notification
     */
    public record Statistics(boolean locked, int waiters) {
    }
}
