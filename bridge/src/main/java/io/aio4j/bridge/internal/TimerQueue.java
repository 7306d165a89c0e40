package io.aio4j.bridge.internal;

import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The loop's timers: asyncio's {@code _scheduled} heap. Ordered by deadline, then by creation;
 * deadlines are compared by difference, as {@code System.nanoTime()} values must be. Cancelled
 * timers stay in the heap until they surface or until they are more than half of it (then they are
 * purged at once), as asyncio does. Not thread-safe: the loop guards it.
 */
final class TimerQueue {
    /** Fewer cancelled timers than this are never purged early: a purge costs a pass over the heap. */
    private static final int MIN_PURGE = 256;

    private final PriorityQueue<Timer> heap = new PriorityQueue<>();
    private long seq;
    private int cancelled;

    /** Adds {@code t} after the timers already due at the same time. */
    void add(Timer t) {
        t.seq = seq++;
        heap.add(t);
    }

    /** Whether {@code t} is the earliest timer (a waiting loop must wake for it). */
    boolean isFirst(Timer t) {
        return heap.peek() == t;
    }

    boolean isEmpty() {
        return heap.isEmpty();
    }

    /** Timers in the heap, live or cancelled. */
    int size() {
        return heap.size();
    }

    /** A timer in the heap was cancelled. */
    void cancelledOne() {
        if (++cancelled > MIN_PURGE && cancelled * 2 > heap.size()) {
            heap.removeIf(Callback::cancelled);
            cancelled = 0;
        }
    }

    /** Moves every live timer due at {@code now} to {@code ready}, in deadline order. */
    void collectDue(long now, ArrayDeque<Ready> ready) {
        Timer t;
        while ((t = heap.peek()) != null && t.whenNanos - now <= 0) {
            heap.poll();
            if (t.cancelled()) {
                cancelled = Math.max(0, cancelled - 1);
            } else {
                ready.addLast(t);
            }
        }
    }

    /** Nanoseconds from {@code now} until the next live timer, 0 if one is due, -1 if there is none. */
    long nextDelay(long now) {
        Timer t;
        while ((t = heap.peek()) != null && t.cancelled()) {
            heap.poll();
            cancelled = Math.max(0, cancelled - 1);
        }
        return t == null ? -1 : Math.max(0, t.whenNanos - now);
    }

    void clear() {
        heap.clear();
        cancelled = 0;
    }
}
