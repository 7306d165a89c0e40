package io.aio4j.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A task exception that nobody has retrieved yet: reported when the task is garbage-collected or its
 * loop closes, whichever comes first (asyncio's "Task exception was never retrieved"). Holds no
 * reference to the task, so that the task can be collected.
 */
final class Unretrieved implements Runnable {
    private final EventLoopImpl loop;
    private final String taskName;
    private final Throwable error;
    private final Throwable createdAt;
    private final AtomicBoolean settled = new AtomicBoolean();

    Unretrieved(EventLoopImpl loop, String taskName, Throwable error, Throwable createdAt) {
        this.loop = loop;
        this.taskName = taskName;
        this.error = error;
        this.createdAt = createdAt;
    }

    /** The exception was looked at: nothing to report. */
    void retrieved() {
        if (settled.compareAndSet(false, true)) {
            loop.untrack(this);
        }
    }

    /** Reports the exception unless it was retrieved; run by the Cleaner or at loop close. */
    @Override
    public void run() {
        if (settled.compareAndSet(false, true)) {
            loop.untrack(this);
            loop.loop.report("Task exception was never retrieved: task " + taskName + io.aio4j.bridge.lowlevel.CallSite.createdAt(createdAt), error);
        }
    }
}
