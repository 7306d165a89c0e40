package io.aio4j.bridge.internal;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Debug mode's slow-step detector (asyncio's {@code slow_callback_duration}): each step (a fiber
 * holding the baton from one await to the next, or a callback) is timed in real time; a watchdog
 * thread captures the stack of a step that passes the threshold while it still runs, and the step's
 * end logs how long it took with that stack. Exists only while debug mode is on.
 */
final class SlowSteps {
    private static final System.Logger LOG = System.getLogger("io.aio4j");

    private record Step(Object owner, Thread thread, long start, StackTraceElement[][] stack) {
    }

    /** The stack a slow step had when it passed the threshold. */
    static final class SlowStepStack extends Throwable {
        private static final long serialVersionUID = 1L;

        SlowStepStack(String message, StackTraceElement[] stack) {
            super(message, null, false, true);
            setStackTrace(stack);
        }
    }

    private final Loop loop;
    private final ConcurrentHashMap<Thread, Step> steps = new ConcurrentHashMap<>();
    volatile long thresholdNanos;
    private volatile boolean stopped;

    SlowSteps(Loop loop, long thresholdNanos) {
        this.loop = loop;
        this.thresholdNanos = thresholdNanos;
        Thread.ofPlatform().daemon().name("aio4j-debug-watchdog").start(this::watch);
    }

    void begin(Object owner) {
        Thread t = Thread.currentThread();
        steps.put(t, new Step(owner, t, System.nanoTime(), new StackTraceElement[1][]));
    }

    void end() {
        Step s = steps.remove(Thread.currentThread());
        if (s == null) {
            return;
        }
        long took = System.nanoTime() - s.start;
        long threshold = thresholdNanos;
        if (took < threshold) {
            return;
        }
        String message = String.format("Executing %s took %.3f seconds", describe(s.owner), took / 1e9);
        StackTraceElement[] stack;
        synchronized (s.stack) {
            stack = s.stack[0];
        }
        if (stack != null && stack.length > 0) {
            LOG.log(System.Logger.Level.WARNING, message, new SlowStepStack(String.format(
                    "where it was when it passed slowCallbackDuration (%.3f s)", threshold / 1e9), stack));
        } else {
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    private static String describe(Object owner) {
        return owner instanceof Fiber ? owner.toString() : "callback " + owner;
    }

    void stop() {
        stopped = true;
    }

    private void watch() {
        while (!stopped && !loop.isClosed()) {
            long threshold = thresholdNanos;
            try {
                Thread.sleep(Math.max(1, threshold / 4_000_000));
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Step s : steps.values()) {
                if (now - s.start >= threshold) {
                    synchronized (s.stack) {
                        if (s.stack[0] == null && steps.get(s.thread) == s) {
                            s.stack[0] = s.thread.getStackTrace();
                        }
                    }
                }
            }
        }
    }
}
