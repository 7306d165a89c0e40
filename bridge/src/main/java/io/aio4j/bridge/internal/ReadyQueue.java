package io.aio4j.bridge.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The loop's ready queue, taken in iterations as asyncio's {@code _run_once} takes {@code _ready}: an
 * iteration runs exactly the items present when it began; items added meanwhile wait for the next one.
 * With a seeded {@link Random} the items of each iteration run in a reproducible shuffled order
 * instead of FIFO (the test kit's schedules). Not thread-safe: the loop guards it.
 */
final class ReadyQueue {
    private final ArrayDeque<Ready> items = new ArrayDeque<>();
    /** Items of the current iteration not yet taken. */
    private int budget;
    private Random schedule;

    void add(Ready item) {
        items.addLast(item);
    }

    /** Where the selector and the timers add what became ready at the start of an iteration. */
    ArrayDeque<Ready> items() {
        return items;
    }

    /** Whether the current iteration has nothing left: the next {@link #next()} needs a new one. */
    boolean iterationOver() {
        return budget <= 0;
    }

    /** Ends the current iteration now (the loop waited: what the wait brought starts a new one). */
    void endIteration() {
        budget = 0;
    }

    /** Begins an iteration with what is queued now; false if nothing is. */
    boolean beginIteration() {
        budget = items.size();
        if (schedule != null && budget > 1) {
            List<Ready> now = new ArrayList<>(items);
            Collections.shuffle(now, schedule);
            items.clear();
            items.addAll(now);
        }
        return budget > 0;
    }

    /** The next item of the current iteration (call only while {@link #iterationOver()} is false). */
    Ready next() {
        budget--;
        return items.pollFirst();
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** A seeded schedule for the items of each iteration, or null for asyncio's FIFO. */
    void schedule(Random random) {
        schedule = random;
    }

    /** Empties the queue of a closing loop into {@code gone}. */
    void dropInto(List<? super Ready> gone) {
        gone.addAll(items);
        items.clear();
        budget = 0;
    }
}
