package io.aio4j.bridge.lowlevel;

import java.util.ArrayDeque;

/**
 * A FIFO of tasks waiting for one condition (Trio's {@code ParkingLot}; the {@code _waiters} deque of
 * asyncio's Lock, Semaphore, Event, Condition and Queue): the primitive decides when to wait and whom
 * to wake; the lot keeps the order and skips waiters whose wait was cancelled.
 *
 * <p>Not thread-safe: the owning primitive guards it with its own monitor, and calls
 * {@link Waiter#await(String)} on the waiter it got from {@link #join()} after releasing that monitor.
 *
 * <pre>{@code
 * Waiter w;
 * synchronized (this) {
 *     if (available()) return take();
 *     w = lot.join();
 * }
 * try {
 *     w.await("Thing.acquire");
 * } catch (Throwable e) {
 *     synchronized (this) {
 *         lot.leave(w);
 *         if (w.woken()) lot.wakeOne(); // it was handed the turn and does not take it
 *     }
 *     throw e;
 * }
 * }</pre>
 */
public final class ParkingLot {
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>(2);

    /** A new waiter at the back of the lot, for the current task to await. */
    public Waiter join() {
        Waiter w = new Waiter();
        waiters.addLast(w);
        return w;
    }

    /** Takes {@code w} out of the lot (a cancelled or finished wait); false if it was not in it. */
    public boolean leave(Waiter w) {
        return waiters.remove(w);
    }

    /**
     * asyncio's {@code _wake_up_first}/{@code _wakeup_next}: wakes the first waiter whose wait is not
     * over, taking it out of the lot; returns it, or null if none waits.
     */
    public Waiter wakeOne() {
        return wakeOne(null);
    }

    /** {@link #wakeOne()} handing {@code value} to the woken task. */
    public Waiter wakeOne(Object value) {
        Waiter w;
        while ((w = waiters.pollFirst()) != null) {
            if (w.wake(value)) {
                return w;
            }
        }
        return null;
    }

    /**
     * asyncio Lock's {@code _wake_up_first}: the first waiter whose wait was not cancelled gets the turn
     * (woken, if it is not already), staying in the lot until it runs. Returns it, or null if none.
     */
    public Waiter wakeFirst() {
        for (Waiter w : waiters) {
            if (!w.cancelled()) {
                w.wake(null);
                return w;
            }
        }
        return null;
    }

    /**
     * Wakes up to {@code n} waiters that are still waiting, in order, leaving them in the lot (each
     * leaves once it ran: asyncio's Semaphore and Condition); returns how many were woken.
     */
    public int wakeInPlace(int n) {
        int woken = 0;
        for (Waiter w : waiters) {
            if (woken >= n) {
                break;
            }
            if (w.wake(null)) {
                woken++;
            }
        }
        return woken;
    }

    /** Whether a waiter in the lot was not cancelled (it waits, or it was woken and has not run yet). */
    public boolean anyLive() {
        for (Waiter w : waiters) {
            if (!w.cancelled()) {
                return true;
            }
        }
        return false;
    }

    /** Wakes every waiter and empties the lot; returns how many were woken. */
    public int wakeAll() {
        int n = 0;
        Waiter w;
        while ((w = waiters.pollFirst()) != null) {
            if (w.wake(null)) {
                n++;
            }
        }
        return n;
    }

    /** Wakes every waiter but leaves them in the lot (each leaves once it ran); returns how many. */
    public int wakeAllInPlace() {
        return wakeInPlace(Integer.MAX_VALUE);
    }

    /** Waiters in the lot, woken or not (asyncio's {@code len(self._waiters)}). */
    public int size() {
        return waiters.size();
    }

    public boolean isEmpty() {
        return waiters.isEmpty();
    }

    @Override
    public String toString() {
        return "ParkingLot[waiters=" + waiters.size() + "]";
    }
}
