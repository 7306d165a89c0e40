package io.aio4j.net.internal;

import io.aio4j.bridge.lowlevel.Waiter;
import java.io.IOException;
import java.net.SocketException;
import java.util.ArrayDeque;

/**
 * Tasks waiting for something another party makes true — a write buffer drained, a connection or a
 * server closed, a TLS handshake done — guarded by the owner's lock: the condition is checked under
 * the lock, a task that must wait parks, and the owner wakes every waiter whenever the condition may
 * have changed.
 */
final class WaitList {
    /** A condition checked under the owner's lock; throwing ends the wait with that error. */
    @FunctionalInterface
    interface Condition<E extends Exception> {
        boolean holds() throws E;
    }

    private final Object lock;
    private final boolean foreign;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

    /** Waiters woken by the loop's own callbacks. */
    WaitList(Object lock) {
        this(lock, false);
    }

    /** {@code foreign}: woken by another thread (a pipe's pump), which virtual time must wait for. */
    WaitList(Object lock, boolean foreign) {
        this.lock = lock;
        this.foreign = foreign;
    }

    /**
     * Returns once {@code done} holds, checking it under the lock before waiting and after each
     * wake-up.
     *
     * <p><b>Cancellation:</b> the task leaves the list and the wait raises {@code CancelledError}.
     */
    <E extends Exception> void awaitUntil(Condition<E> done, String what) throws E {
        for (;;) {
            Waiter w;
            synchronized (lock) {
                if (done.holds()) {
                    return;
                }
                w = new Waiter();
                waiters.add(w);
            }
            try {
                if (foreign) {
                    w.awaitForeign(what);
                } else {
                    w.await(what);
                }
            } finally {
                synchronized (lock) {
                    waiters.remove(w);
                }
            }
        }
    }

    /** Under the lock: wakes every waiter to check its condition again. */
    void wakeAllLocked() {
        for (Waiter w : waiters) {
            if (!w.done()) {
                w.wake();
            }
        }
    }

    /** The error a write or drain on a lost connection raises: {@code cause} itself if it is an I/O error. */
    static IOException connectionLost(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        SocketException e = new SocketException("Connection lost");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
