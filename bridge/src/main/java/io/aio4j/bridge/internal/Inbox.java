package io.aio4j.bridge.internal;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What other threads hand to an owned loop (the loop-thread carrier: the loop's state belongs to its
 * own thread): items for the ready queue and engine operations, in one lock-free queue that the loop
 * drains at each iteration boundary. asyncio's {@code call_soon_threadsafe} with its self-pipe; the
 * wake-up is the selector's.
 */
final class Inbox {
    /** What another thread posts: an item for the ready queue, or an {@link Op}. */
    sealed interface Posted permits Ready, Op {
    }

    /** An engine operation posted by another thread; it runs on the loop thread when drained. */
    @FunctionalInterface
    non-sealed interface Op extends Posted {
        void run();
    }

    private final ConcurrentLinkedQueue<Posted> queue = new ConcurrentLinkedQueue<>();

    void offer(Posted p) {
        queue.offer(p);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Runs the posted operations and schedules the posted items on {@code loop}, in posting order. */
    void drainInto(Loop loop) {
        Posted p;
        while ((p = queue.poll()) != null) {
            switch (p) {
                case Op op -> op.run();
                case Ready r -> loop.scheduleLocked(r);
            }
        }
    }

    /** Empties the inbox of a closing loop; what was posted is dropped, its submissions told so. */
    void dropInto(List<Posted> dropped) {
        Posted p;
        while ((p = queue.poll()) != null) {
            dropped.add(p);
        }
    }
}
