package io.aio4j.testkit;

import io.aio4j.Aio;
import io.aio4j.EventLoop;
import io.aio4j.bridge.lowlevel.VirtualClock;
import io.aio4j.bridge.lowlevel.LoopCore;
import java.time.Duration;
import java.util.Objects;

/**
 * The test's handle on its loop and virtual clock, injected into {@link AioTest} methods.
 *
 * @apiNote asyncio: none; Trio's {@code MockClock} and kotlinx-coroutines-test's {@code TestScope}
 */
public final class AioTestContext {
    private volatile VirtualClock clock;
    private volatile EventLoop loop;
    private volatile LoopCore core;
    private volatile long seed = AioTest.NO_SEED;

    AioTestContext() {
    }

    void bind(VirtualClock clock, EventLoop loop, LoopCore core, long seed) {
        this.clock = clock;
        this.loop = loop;
        this.core = core;
        this.seed = seed;
    }

    /** The virtual time in seconds since the test started. */
    public double time() {
        return loop.time() - START;
    }

    static final double START = VirtualClock.START_NANOS / 1e9; // the virtual clock starts at 1 s

    /**
     * Moves the virtual clock forward by {@code d}, then runs what became due ({@link #runUntilIdle()}).
     *
     * @throws IllegalArgumentException if {@code d} is negative
     */
    public void advance(Duration d) {
        Objects.requireNonNull(d, "duration");
        clock.advance(d.toNanos());
        runUntilIdle();
    }

    /**
     * Lets every other task run until none is ready, without moving the clock.
     *
     * <p><b>Cancellation:</b> as {@code Aio.sleep(0)}.
     */
    public void runUntilIdle() {
        int quiet = 0;
        while (quiet < 2) { // twice empty: due timers were collected at the boundary in between
            quiet = core.nothingReady() ? quiet + 1 : 0;
            Aio.sleep(0);
        }
    }

    /** The seed of this run's schedule, or {@link AioTest#NO_SEED} for asyncio's FIFO order. */
    public long seed() {
        return seed;
    }

    /** The test's event loop. */
    public EventLoop loop() {
        return loop;
    }
}
