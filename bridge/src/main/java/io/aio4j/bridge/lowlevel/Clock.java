package io.aio4j.bridge.lowlevel;

import java.nio.channels.Selector;
import java.io.IOException;

/**
 * The loop's notion of time, in nanoseconds, and how the loop waits for it to pass.
 *
 * <p>The real clock is {@link System#nanoTime()} and waits in the selector; the test kit plugs in
 * a virtual clock that jumps to the next timer instead of waiting.
 */
public interface Clock {
    /**
     * Runs {@code body} with every loop that this thread creates meanwhile (by {@code Aio.run}, a
     * {@code Runner}) taking a clock from {@code clocks} unless its {@code Config} names one: how the
     * test kit runs a whole program on virtual time. The previous setting is restored afterwards.
     */
    static <T> T withNewLoopClocks(java.util.function.Supplier<? extends Clock> clocks,
            java.util.concurrent.Callable<T> body) throws Exception {
        return NewLoopClocks.with(clocks, body);
    }

    /** The clock for a loop created now on this thread: what {@link #withNewLoopClocks} set, else {@link #SYSTEM}. */
    static Clock forNewLoop() {
        return NewLoopClocks.current();
    }

    /** Monotonic time in nanoseconds. */
    long nanoTime();

    /**
     * Waits in {@code selector} until I/O is ready, the selector is woken up, or {@code timeoutNanos}
     * pass ({@code < 0}: no timer pending, wait until woken). Called by the loop's driver only, without
     * the loop's lock.
     */
    default void idle(Selector selector, long timeoutNanos) throws IOException {
        if (timeoutNanos < 0) {
            selector.select();
        } else if (timeoutNanos == 0) {
            selector.selectNow();
        } else {
            // select() takes milliseconds; round up so that a timer is never run early
            selector.select(Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
        }
    }

    /** Called once by the loop this clock drives (a virtual clock watches its outstanding waits). */
    default void attach(Driven loop) {
    }

    /** What a clock may ask of the loop it drives. */
    interface Driven {
        /** Tasks parked in a wait that another thread ends (a thread's work, a future, a pipe). */
        int foreignWaits();

        /** Tasks parked in a Kotlin suspend function (which may end on another thread or a timer). */
        int externalWaits();

        /** Makes the loop's selector return if it waits (the clock moved). */
        void wakeup();
    }

    /** The monotonic system clock. */
    Clock SYSTEM = System::nanoTime;
}
