package io.aio4j.internal;

import io.aio4j.AsyncCallable;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import io.aio4j.TimeoutError;

/**
 * asyncio 3.12+'s {@code wait_for}: a timeout scope around awaiting a task (or running a body), so
 * that on timeout the task is cancelled, waited for, and {@link TimeoutError} raised.
 */
public final class WaitFor {
    private WaitFor() {
    }

    public static <T> T task(Task<T> task, long timeoutNanos, String label) {
        TaskImpl.current(label);
        if (timeoutNanos <= 0) {
            if (task.done()) {
                return task.result();
            }
            task.cancel();
            TaskImpl.of(task).waitDone(label);
            try {
                return task.result(); // a task that swallowed the cancellation returns its value
            } catch (CancelledError e) {
                throw new TimeoutError(label + " expired", e);
            }
        }
        return TimeoutImpl.run(TimeoutImpl.deadlineIn(timeoutNanos), label, t -> task.await());
    }

    /**
     * asyncio 3.12+'s {@code wait_for(coro, t)}: the body runs in the calling task under a timeout
     * scope, so a body that completed always wins over a timeout that fired after it (nothing it took
     * or put is lost), and {@code currentTask()} inside it is the caller. A timeout of zero or less
     * behaves as asyncio's: the body becomes a task that is cancelled before its first step.
     */
    public static <T> T body(AsyncCallable<T> body, long timeoutNanos, String label) {
        if (timeoutNanos <= 0) {
            return task(TaskImpl.create(EventLoopImpl.current(label), null, body), timeoutNanos, label);
        }
        return TimeoutImpl.run(TimeoutImpl.deadlineIn(timeoutNanos), label, t -> body.call());
    }
}
