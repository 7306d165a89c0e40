package io.aio4j.bridge.internal;

import io.aio4j.bridge.lowlevel.TimerHandle;

/** A callback due at a point of the loop's clock: asyncio's {@code TimerHandle}. */
public final class Timer extends Callback implements Comparable<Timer>, TimerHandle {
    final long whenNanos;
    /** The order among timers due at the same time: set when the timer enters the loop's heap. */
    long seq;
    private final Loop loop;

    Timer(Loop loop, long whenNanos, Runnable action) {
        super(action);
        this.loop = loop;
        this.whenNanos = whenNanos;
    }

    /** The loop time (nanoseconds) at which the callback is due. */
    @Override
    public long whenNanos() {
        return whenNanos;
    }

    @Override
    public void cancel() {
        if (!cancelled()) {
            super.cancel();
            loop.timerCancelled();
        }
    }

    @Override
    public int compareTo(Timer o) {
        int c = Long.compare(whenNanos - o.whenNanos, 0);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
