package io.aio4j.sync;

import io.aio4j.bridge.lowlevel.Waiter;
import io.aio4j.bridge.lowlevel.ParkingLot;

/**
 * A flag tasks can wait for: asyncio's {@code Event}.
 *
 * {@snippet :
 * Event ready = new Event();
 * Aio.createTask(() -> { ready.await(); System.out.println("go"); });
 * ready.set();
 * }
 *
 * <p>{@link #set()} wakes every waiter, even if {@link #clear()} follows at once.
 *
 * @apiNote asyncio: {@code asyncio.Event}
 */
public final class Event {
    private final ParkingLot waiters = new ParkingLot();
    private boolean value;

    /** A clear event. */
    public Event() {
    }

    /**
     * Returns at once if the flag is set, otherwise waits until {@link #set()} is called.
     *
     * <p><b>Cancellation:</b> the wait ends with {@code CancelledError} and leaves the wait list.
     *
     * @apiNote asyncio: {@code await event.wait()}
     */
    public void await() {
        Waiter w;
        synchronized (this) {
            if (value) {
                return;
            }
            w = waiters.join();
        }
        try {
            w.await("Event.await");
        } finally {
            synchronized (this) {
                waiters.leave(w);
            }
        }
    }

    /**
     * Sets the flag and wakes every waiting task.
     *
     * @apiNote asyncio: {@code event.set()}
     */
    public synchronized void set() {
        if (!value) {
            value = true;
            waiters.wakeAllInPlace();
        }
    }

    /**
     * Clears the flag; tasks already woken stay woken.
     *
     * @apiNote asyncio: {@code event.clear()}
     */
    public synchronized void clear() {
        value = false;
    }

    /**
     * Whether the flag is set.
     *
     * @apiNote asyncio: {@code event.is_set()}
     */
    public synchronized boolean isSet() {
        return value;
    }

    /**
     * @apiNote asyncio: none; what asyncio's repr shows
     */
    public synchronized Statistics statistics() {
        return new Statistics(value, waiters.size());
    }

    @Override
    public synchronized String toString() {
        return "<Event [" + (value ? "set" : "unset") + (waiters.isEmpty() ? "" : ", waiters:" + waiters.size()) + "]>";
    }

    /**
     * A snapshot of the event.
     *
     * @param set whether the flag is set
     * @param waiters the tasks waiting for it
     */
    public record Statistics(boolean set, int waiters) {
    }
}
