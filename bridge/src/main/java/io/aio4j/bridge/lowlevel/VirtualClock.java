package io.aio4j.bridge.lowlevel;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;

/**
 * Virtual time for tests: when every task waits, the clock jumps to the next timer instead of the
 * loop sleeping (Trio's {@code autojump_clock}, kotlinx-coroutines-test's virtual time). While real
 * work is outstanding, the clock jumps only after the loop stayed idle for a real-time threshold, so
 * that a timeout never fires on work still in flight: a short one ({@code thresholdNanos}) while
 * sockets are watched or Kotlin suspend functions run, and a longer one ({@code foreignThresholdNanos})
 * while a task waits for work another thread surely does (toThread, a future, a pipe).
 */
public final class VirtualClock implements Clock {
    private final long thresholdNanos;
    private final long foreignThresholdNanos;
    /** Where every virtual clock starts: 1 s, so that no deadline is 0. */
    public static final long START_NANOS = 1_000_000_000L;
    private volatile long now = START_NANOS;
    private volatile Driven loop;

    /**
     * @param thresholdNanos how long the loop must idle, in real time, with sockets or Kotlin calls
     *     outstanding
     * @param foreignThresholdNanos how long with another thread's work outstanding
     */
    public VirtualClock(long thresholdNanos, long foreignThresholdNanos) {
        if (thresholdNanos < 0 || foreignThresholdNanos < 0) {
            throw new IllegalArgumentException("autojump thresholds must be >= 0 ns: " + thresholdNanos + ", "
                    + foreignThresholdNanos);
        }
        this.thresholdNanos = thresholdNanos;
        this.foreignThresholdNanos = foreignThresholdNanos;
    }

    /** Binds the clock to the loop it drives (its selector and foreign waits decide when to jump). */
    @Override
    public void attach(Driven loop) {
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
        Driven l = loop;
        if (l != null) {
            l.wakeup();
        }
    }

    @Override
    public void idle(Selector selector, long timeoutNanos) throws IOException {
        long threshold = threshold(selector);
        if (threshold < 0) {
            if (timeoutNanos >= 0) {
                selector.selectNow(); // clears a stale wakeup; the loop looks at its queue again anyway
                now += timeoutNanos; // nothing else can happen first: jump to the next timer
            } else {
                // nothing is scheduled: only another thread can wake us. No selectNow() first: it would
                // swallow a wakeup sent after the loop released its lock and before this select
                selector.select();
            }
            return;
        }
        long start = System.nanoTime();
        long wait = threshold;
        selector.select(Math.max(1, wait / 1_000_000));
        boolean happened = !selector.selectedKeys().isEmpty() || System.nanoTime() - start < wait;
        if (!happened && timeoutNanos >= 0) {
            now += timeoutNanos; // idle for the whole threshold: the in-flight work is not coming soon
        }
    }

    /** The real idleness to wait for before jumping, or -1 to jump at once. */
    private long threshold(Selector selector) {
        Driven l = loop;
        if (l != null && l.foreignWaits() > 0) {
            return foreignThresholdNanos;
        }
        if (l != null && l.externalWaits() > 0) {
            return thresholdNanos;
        }
        for (SelectionKey k : selector.keys()) {
            if (k.isValid() && k.interestOps() != 0) {
                return thresholdNanos;
            }
        }
        return -1;
    }
}
