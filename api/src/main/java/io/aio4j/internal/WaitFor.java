package io.aio4j.internal;

import io.aio4j.AsyncCallable;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import io.aio4j.TimeoutError;

/**
 * asyncio 3.12+'s {@code wait_for}: a timeout scope around awaiting a task, so that on timeout the
 * task is cancelled, waited for, and {@link TimeoutError} raised.
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
            ((TaskImpl<T>) task).waitDone(label);
            try {
                return task.result(); // a task that swallowed the cancellation returns its value
            } catch (CancelledError e) {
                throw new TimeoutError(label + " expired", e);
            }
        }
        return TimeoutImpl.run(TimeoutImpl.deadlineIn(timeoutNanos), label, t -> task.await());
    }

    public static <T> T body(AsyncCallable<T> body, long timeoutNanos, String label) {
        return task(TaskImpl.create(EventLoopImpl.current(label), null, body), timeoutNanos, label);
    }
}
