package io.aio4j.testkit;

import io.aio4j.bridge.lowlevel.Unchecked;
import io.aio4j.Aio;
import io.aio4j.Config;
import io.aio4j.Runner;
import io.aio4j.bridge.lowlevel.CallSite;
import io.aio4j.bridge.lowlevel.Clock;
import io.aio4j.bridge.lowlevel.LoopCore;
import io.aio4j.bridge.lowlevel.TaskCore;
import io.aio4j.bridge.lowlevel.VirtualClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What {@link AioTest} does, callable without JUnit: runs a body on a loop with a virtual clock, an
 * optional seeded schedule, and leak checks.
 */
public final class AioTesting {
    private AioTesting() {
    }

    /**
     * How a test body runs.
     *
     * @param seed the schedule's seed, or {@link AioTest#NO_SEED} for FIFO
     * @param autojumpThresholdMillis real idleness before jumping while real I/O is outstanding
     * @param checkLeaks whether leaks fail the run
     * @param parallelism task bodies at once
     */
    public record Settings(long seed, long autojumpThresholdMillis, boolean checkLeaks, int parallelism) {
        /** FIFO, a 20 ms threshold, leak checks on, one body at a time. */
        public static Settings defaults() {
            return new Settings(AioTest.NO_SEED, 20, true, 1);
        }

        public Settings withSeed(long s) {
            return new Settings(s, autojumpThresholdMillis, checkLeaks, parallelism);
        }
    }

    /** A test body. */
    @FunctionalInterface
    public interface Body {
        void run(AioTestContext ctx) throws Throwable;
    }

    /** Real idleness before the clock jumps while another thread's work (toThread, a future) is outstanding. */
    static final long FOREIGN_THRESHOLD_MILLIS = 1000;

    /** A program that calls {@code Aio.run} itself: a {@code main}, a command-line tool. */
    @FunctionalInterface
    public interface Program {
        void run() throws Exception;
    }

    /**
     * Runs {@code program} with every loop it creates on this thread ({@code Aio.run}, a Runner) on its
     * own virtual clock, as in an {@link AioTest}: a {@code main} that sleeps for minutes returns at
     * once, with the same output. Real I/O is waited for as {@link AioTest} does, the clock jumping
     * only after {@code autojumpThresholdMillis} of real idleness while sockets or Kotlin calls are
     * outstanding. No leak checks or schedules: the program owns its loops.
     *
     * {@snippet :
     * AioTesting.withVirtualTime(500, () -> MyProgram.main(new String[0]));
     * }
     *
     * @return the virtual time that passed, in seconds, summed over the loops the program ran
     */
    public static double withVirtualTime(long autojumpThresholdMillis, Program program) throws Exception {
        return withVirtualTime(autojumpThresholdMillis, Math.max(autojumpThresholdMillis, FOREIGN_THRESHOLD_MILLIS), program);
    }

    /**
     * {@link #withVirtualTime(long, Program)} with the real idleness to wait for, before jumping, while
     * a task waits for work that surely ends elsewhere ({@code toThread}, a future, a pipe, an HTTP
     * response in flight): a program whose local servers take seconds to answer sets it above that.
     *
     * @throws IllegalArgumentException if a threshold is negative
     */
    public static double withVirtualTime(long autojumpThresholdMillis, long foreignThresholdMillis, Program program)
            throws Exception {
        if (autojumpThresholdMillis < 0 || foreignThresholdMillis < 0) {
            throw new IllegalArgumentException("autojump thresholds must be >= 0 ms: " + autojumpThresholdMillis
                    + ", " + foreignThresholdMillis);
        }
        List<VirtualClock> clocks = Collections.synchronizedList(new ArrayList<>());
        Clock.withNewLoopClocks(() -> {
            VirtualClock c = new VirtualClock(autojumpThresholdMillis * 1_000_000, foreignThresholdMillis * 1_000_000);
            clocks.add(c);
            return c;
        }, () -> {
            program.run();
            return null;
        });
        double seconds = 0;
        synchronized (clocks) {
            for (VirtualClock c : clocks) {
                seconds += (c.nanoTime() - VirtualClock.START_NANOS) / 1e9;
            }
        }
        return seconds;
    }

    /** Runs {@code body} as {@link AioTest} would; throws its failure or an {@link AssertionError} for leaks. */
    public static void run(Settings settings, Body body) throws Throwable {
        run(settings, new AioTestContext(), body);
    }

    static void run(Settings s, AioTestContext ctx, Body body) throws Throwable {
        VirtualClock clock = new VirtualClock(s.autojumpThresholdMillis() * 1_000_000,
                Math.max(s.autojumpThresholdMillis(), FOREIGN_THRESHOLD_MILLIS) * 1_000_000);
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        Config config = Config.parallel(s.parallelism()).withClock(clock).withExceptionHandler((message, error) ->
                reported.add(message + (error != null ? ": " + error : "")));
        List<String> leaks = new ArrayList<>();
        Throwable failure = null;
        Runner runner = Aio.runner(config);
        try {
            runner.run(() -> {
                // the main task is the loop's first: what the test kit sets up here is in place before
                // anything the body starts
                LoopCore loop = LoopCore.current();
                loop.trackResources(s.checkLeaks());
                if (s.seed() != AioTest.NO_SEED) {
                    loop.schedule(new Random(s.seed()));
                }
                ctx.bind(clock, runner.loop(), loop, s.seed());
                TaskCore<?> main = TaskCore.current();
                try {
                    body.run(ctx);
                } catch (Throwable t) {
                    throw Unchecked.rethrow(t); // unchanged, whatever it is
                }
                if (s.checkLeaks()) {
                    leaks.addAll(settledLeaks(loop, main));
                }
                return null;
            });
        } catch (Throwable t) {
            failure = t;
        } finally {
            runner.close();
        }
        if (failure == null && s.checkLeaks()) {
            for (String r : reported) {
                leaks.add("the loop reported: " + r);
            }
        }
        if (failure == null && !leaks.isEmpty()) {
            failure = new AssertionError("the test leaked:\n  - " + String.join("\n  - ", leaks));
        }
        if (failure != null) {
            if (s.seed() != AioTest.NO_SEED) {
                AssertionError withSeed = new AssertionError("failed under the schedule of seed " + s.seed()
                        + " (replay it with @AioTest(seed = " + s.seed() + "L)): " + failure.getMessage(), failure);
                throw withSeed;
            }
            throw Unchecked.rethrow(failure);
        }
    }

    /**
     * What is still pending or open once the loop had a chance to finish what the body started: a
     * connection closed without waiting completes its close within a few loop turns, and a Kotlin-side
     * close within a few milliseconds of real time; neither is a leak. Waits at most about half a second
     * of real time, and never advances the virtual clock (a sleeping task stays a leak).
     */
    private static List<String> settledLeaks(LoopCore loop, TaskCore<?> main) throws Exception {
        List<String> leaks = leaks(loop, main);
        for (int round = 0; round < 60 && !leaks.isEmpty(); round++) {
            if (round < 10) {
                Aio.sleep(0);
            } else {
                Aio.toThread(() -> {
                    Thread.sleep(10); // real time, during which the virtual clock holds still
                    return null;
                });
            }
            leaks = leaks(loop, main);
        }
        return leaks;
    }

    private static List<String> leaks(LoopCore loop, TaskCore<?> main) {
        List<String> leaks = new ArrayList<>();
        for (TaskCore<?> t : loop.liveTasks()) {
            if (t != main && !t.done()) {
                leaks.add("task " + t.host().name() + " is still pending" + where(t.host().createdAt()));
            }
        }
        for (Throwable r : loop.openResources()) {
            leaks.add(r.getMessage().replace(" was created here", "") + " is still open" + where(r));
        }
        return leaks;
    }

    /** " (created at Class.method(File:line))": the first frame outside aio4j's machinery. */
    static String where(Throwable createdAt) {
        return CallSite.createdAt(createdAt);
    }
}
