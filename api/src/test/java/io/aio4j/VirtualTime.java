package io.aio4j;

import io.aio4j.bridge.lowlevel.VirtualClock;
import io.aio4j.internal.EventLoopImpl;
import io.aio4j.internal.RunnerImpl;

/**
 * {@link Aio#run} on a virtual clock, for the project's own timing tests: sleeps and timeouts take no
 * real time and their order never depends on how loaded the machine is. (The test kit's
 * {@code @AioTest} does the same for users; api cannot depend on the test kit, which depends on api.)
 */
public final class VirtualTime {
    private VirtualTime() {
    }

    public static <T> T run(AsyncCallable<T> body) {
        return run(Config.defaults(), body);
    }

    public static void run(AsyncRunnable body) {
        run(Config.defaults(), body);
    }

    public static <T> T run(Config config, AsyncCallable<T> body) {
        return withClock(config, clock -> body);
    }

    /** A body that needs the clock itself, e.g. to stand for a step that keeps the loop busy. */
    @FunctionalInterface
    public interface ClockBody<T> {
        AsyncCallable<T> with(VirtualClock clock);
    }

    public static <T> T withClock(Config config, ClockBody<T> body) {
        // jump at once when every task waits on a timer; wait a second of real idleness for threads
        VirtualClock clock = new VirtualClock(20_000_000L, 1_000_000_000L);
        try (Runner runner = new RunnerImpl(new EventLoopImpl(config, clock))) {
            return runner.run(body.with(clock));
        } catch (Exception e) {
            throw io.aio4j.bridge.lowlevel.Unchecked.rethrow(e); // as the body threw it
        }
    }

    public static void run(Config config, AsyncRunnable body) {
        run(config, () -> {
            body.run();
            return null;
        });
    }
}
