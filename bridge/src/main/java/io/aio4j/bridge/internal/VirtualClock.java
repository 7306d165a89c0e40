package io.aio4j.bridge.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Virtual time for tests: when every task waits, the clock jumps to the next timer instead of the
 * loop sleeping (Trio's {@code autojump_clock}, kotlinx-coroutines-test's virtual time). While real
 * work is outstanding (a socket the loop watches, or a wait that another thread will end: a Kotlin
 * call, a future, a pipe), the clock jumps only after the loop stayed idle for a short real-time
 * threshold, so that a timeout never fires on data still in flight.
 */
public final class VirtualClock implements Clock {
    private final long thresholdNanos;
    private volatile long now = 1_000_000_000L;
    private volatile Loop loop;

    /** @param thresholdNanos how long the loop must idle, in real time, with real work outstanding */
    public VirtualClock(long thresholdNanos) {
        if (thresholdNanos < 0) {
            throw new IllegalArgumentException("the autojump threshold must be >= 0 ns: " + thresholdNanos);
        }
        this.thresholdNanos = thresholdNanos;
    }

    /** Binds the clock to the loop it drives (its selector and foreign waits decide when to jump). */
    public void attach(Loop loop) {
        this.loop = loop;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Moves the clock forward by {@code nanos} (the loop runs what became due on its next turn). */
    public void advance(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("time cannot go back: advance(" + nanos + " ns)");
        }
        now += nanos;
        Loop l = loop;
        if (l != null) {
            l.selector().wakeup();
        }
    }

    @Override
    public void idle(Selector selector, long timeoutNanos) throws IOException {
        if (!realWorkOutstanding(selector)) {
            selector.selectNow(); // clears a pending wakeup
            if (timeoutNanos >= 0) {
                now += timeoutNanos; // nothing else can happen first: jump to the next timer
            } else {
                selector.select(); // nothing is scheduled: only another thread can wake us
            }
            return;
        }
        long start = System.nanoTime();
        long wait = timeoutNanos < 0 ? thresholdNanos : Math.min(thresholdNanos, Long.MAX_VALUE);
        selector.select(Math.max(1, wait / 1_000_000));
        boolean happened = !selector.selectedKeys().isEmpty() || System.nanoTime() - start < wait;
        if (!happened && timeoutNanos >= 0) {
            now += timeoutNanos; // idle for the whole threshold: the in-flight work is not coming soon
        }
    }

    private boolean realWorkOutstanding(Selector selector) {
        Loop l = loop;
        if (l != null && l.foreignWaits() > 0) {
            return true;
        }
        for (SelectionKey k : selector.keys()) {
            if (k.isValid() && k.interestOps() != 0) {
                return true;
            }
        }
        return false;
    }
}
