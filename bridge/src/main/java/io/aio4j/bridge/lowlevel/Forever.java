package io.aio4j.bridge.lowlevel;

/**
 * The loop's one "forever" (asyncio's {@code None} for a timeout): every delay, timeout and deadline
 * in aio4j saturates here, so "no timeout" is one value and clock arithmetic never wraps round.
 */
public final class Forever {
    /**
     * A delay this long is no timeout at all: far enough to mean "never", yet safe to add to any clock
     * reading (deadlines are compared by difference, as {@code System.nanoTime()}'s are).
     */
    public static final long NANOS = Long.MAX_VALUE / 4;

    /** The deadline of a delay of {@link #NANOS}: a deadline that never comes. */
    public static final long NEVER = Long.MAX_VALUE;

    private Forever() {
    }

    /** Whether {@code delayNanos} means "no timeout". */
    public static boolean is(long delayNanos) {
        return delayNanos >= NANOS;
    }

    /** {@code delayNanos} (negative: 0) from {@code nowNanos}, or {@link #NEVER} for a delay of forever. */
    public static long deadline(long nowNanos, long delayNanos) {
        return is(delayNanos) ? NEVER : nowNanos + Math.max(0, delayNanos);
    }
}
