package io.aio4j.sync;

import io.aio4j.CancelledError;
import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.bridge.lowlevel.ParkingLot;

/**
 * A counter of permits for tasks: asyncio's {@code Semaphore}. {@link #acquire()} takes one (waiting
 * while there are none), {@link #release()} gives one back.
 *
 * {@snippet :
 * Semaphore limit = new Semaphore(10);
 * try (var permit = limit.acquire()) {    // async with semaphore:
 *     return fetch(url);
 * }
 * }
 *
 * <p><b>Fairness:</b> waiters are served in FIFO order; while tasks wait, a newcomer waits too even
 * if a permit is free. A release hands its permit to the first waiter; if that waiter is cancelled
 * before it runs, the permit goes to the next one.
 *
 * @apiNote asyncio: {@code asyncio.Semaphore}
 */
public sealed class Semaphore implements Acquired.Releasable permits BoundedSemaphore {
    private final ParkingLot waiters = new ParkingLot();
    private int value;

    /** A semaphore with one permit. */
    public Semaphore() {
        this(1);
    }

    /**
     * @param value the initial number of permits
     * @throws IllegalArgumentException if {@code value < 0}
     * @apiNote asyncio: {@code asyncio.Semaphore(value)}
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0: " + value);
        }
        this.value = value;
    }

    /**
     * Takes a permit, waiting in line while there is none, and returns a handle whose
     * {@link Acquired#close()} releases it.
     *
     * <p><b>Cancellation:</b> a cancelled wait leaves the line and takes nothing; a permit already
     * handed to it goes to the next waiter.
     *
     * @apiNote asyncio: {@code await sem.acquire()}, {@code async with sem:}
     */
    public final Acquired acquire() {
        Waiter w;
        synchronized (this) {
            if (!lockedLocked()) {
                value--; // FIFO: only when nobody waits
                return new Acquired(this);
            }
            w = waiters.join();
        }
        try {
            w.await("Semaphore.acquire");
        } catch (CancelledError e) {
            synchronized (this) {
                waiters.leave(w);
                if (w.woken()) {
                    value++; // the permit handed to us: give it back
                }
                wakeAsManyAsAllowedLocked();
            }
            throw e;
        }
        synchronized (this) {
            waiters.leave(w);
            wakeAsManyAsAllowedLocked();
        }
        return new Acquired(this);
    }

    /**
     * Runs {@code body} holding a permit: {@link #acquire()} first, the release when the body ends,
     * however it ends; its result is returned and its exception thrown as it is (a checked one
     * reaches the caller's {@code catch}: see {@link io.aio4j.CheckedCallable}). The same as the
     * try-with-resources form, without a handle to name.
     *
     * {@snippet :
     * int n = counterGuard.withPermit(() -> ++count);
     * }
     *
     * <p><b>Cancellation:</b> as {@link #acquire()}: a task cancelled while it waits runs nothing.
     *
     * @apiNote asyncio: {@code async with ...:}; kotlinx's {@code withPermit { }}
     */
    public final <T, X extends Exception> T withPermit(io.aio4j.CheckedCallable<T, X> body) throws X {
        java.util.Objects.requireNonNull(body, "body");
        return Acquired.around(acquire(), body);
    }

    /**
     * {@link #withPermit(io.aio4j.CheckedCallable)} for a body with no result.
     *
     * @apiNote asyncio: {@code async with ...:}
     */
    public final <X extends Exception> void withPermit(io.aio4j.CheckedRunnable<X> body) throws X {
        java.util.Objects.requireNonNull(body, "body");
        withPermit(() -> {
            body.run();
            return null;
        });
    }

    /**
     * Gives back a permit and hands it to the first waiter.
     *
     * @apiNote asyncio: {@code sem.release()}
     */
    public void release() {
        synchronized (this) {
            value++;
            wakeUpNextLocked();
        }
    }

    /**
     * Whether {@link #acquire()} would wait.
     *
     * @apiNote asyncio: {@code sem.locked()}
     */
    public final synchronized boolean locked() {
        return lockedLocked();
    }

    private boolean lockedLocked() {
        return value == 0 || waiters.anyLive();
    }

    private boolean wakeUpNextLocked() {
        if (waiters.wakeInPlace(1) == 1) {
            value--;
            return true;
        }
        return false;
    }

    private void wakeAsManyAsAllowedLocked() {
        while (value > 0 && wakeUpNextLocked()) {
            // newcomers that had to wait behind earlier waiters
        }
    }

    /** The number of free permits. */
    final synchronized int value() {
        return value;
    }

    /**
     * @apiNote asyncio: none; what asyncio's repr shows
     */
    public final synchronized Statistics statistics() {
        return new Statistics(value, waiters.size());
    }

    @Override
    public synchronized String toString() {
        return "<" + getClass().getSimpleName() + " [" + (lockedLocked() ? "locked" : "unlocked, value:" + value)
                + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]>";
    }

    /**
     * A snapshot of the semaphore.
     *
     * @param value the free permits
     * @param waiters the tasks waiting for one
     */
    public record Statistics(int value, int waiters) {
    }
}
