package io.aio4j.bridge.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The fibers of a loop whose bodies have not finished, in creation order: an intrusive doubly linked
 * list through the fibers themselves, so adding and removing one allocates and hashes nothing
 * (asyncio keeps a WeakSet of tasks). Synchronized on itself, uncontended but for a task dump from
 * another thread (the JMX bean).
 */
final class LiveFibers {
    private Fiber head;
    private Fiber tail;

    synchronized void add(Fiber f) {
        f.livePrev = tail;
        if (tail == null) {
            head = f;
        } else {
            tail.liveNext = f;
        }
        tail = f;
        f.isLive = true;
    }

    /** Removes {@code f}; nothing happens if it is not in the list. */
    synchronized void remove(Fiber f) {
        if (!f.isLive) {
            return;
        }
        f.isLive = false;
        if (f.livePrev == null) {
            head = f.liveNext;
        } else {
            f.livePrev.liveNext = f.liveNext;
        }
        if (f.liveNext == null) {
            tail = f.livePrev;
        } else {
            f.liveNext.livePrev = f.livePrev;
        }
        f.livePrev = null;
        f.liveNext = null;
    }

    synchronized List<Fiber> snapshot() {
        List<Fiber> all = new ArrayList<>();
        for (Fiber f = head; f != null; f = f.liveNext) {
            all.add(f);
        }
        return all;
    }
}
