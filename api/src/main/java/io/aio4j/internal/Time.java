package io.aio4j.internal;

import io.aio4j.bridge.lowlevel.Forever;
import java.time.Duration;
import java.util.Objects;

/** Conversions between asyncio's seconds, {@link Duration}s and the loop's nanoseconds. */
public final class Time {
    /** The one "forever": see {@link Forever#NANOS}. */
    public static final long FOREVER_NANOS = Forever.NANOS;

    private Time() {
    }

    /** {@code d} in nanoseconds, saturated at {@link #FOREVER_NANOS}; negative stays negative. */
    public static long toNanos(Duration d) {
        Objects.requireNonNull(d, "duration");
        if (d.getSeconds() >= FOREVER_NANOS / 1_000_000_000L) {
            return FOREVER_NANOS;
        }
        if (d.getSeconds() <= -FOREVER_NANOS / 1_000_000_000L) {
            return -FOREVER_NANOS;
        }
        return d.toNanos();
    }

    /** {@code seconds} in nanoseconds, saturated; NaN is an error naming {@code what}. */
    public static long secondsToNanos(double seconds, String what) {
        if (Double.isNaN(seconds)) {
            throw new IllegalArgumentException(what + " must be a number of seconds, not NaN");
        }
        double nanos = seconds * 1e9;
        if (nanos >= FOREVER_NANOS) {
            return FOREVER_NANOS;
        }
        if (nanos <= -FOREVER_NANOS) {
            return -FOREVER_NANOS;
        }
        return (long) nanos;
    }
}
