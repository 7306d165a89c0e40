package io.aio4j;

import io.aio4j.bridge.Suspend;
import java.util.Objects;
import kotlin.Unit;
import kotlinx.coroutines.Deferred;
import kotlinx.coroutines.Job;
import kotlinx.coroutines.sync.Mutex;
import kotlinx.coroutines.sync.Semaphore;

/**
 * kotlinx-coroutines types from Java, in aio4j's vocabulary: a {@code Deferred} or {@code Job} as a
 * {@link Task} (so {@code gather}, {@code wait}, {@code waitFor} and {@code asCompleted} take it), a
 * {@code Mutex} or {@code Semaphore} around a body. Channels: {@link io.aio4j.queue.ChannelQueue}.
 *
 * {@snippet :
 * Deferred<User> user = kotlinService.loadAsync(id);          // from a Kotlin library
 * List<Object> both = Aio.gather(Kotlinx.asTask(user), Aio.createTask(() -> fetchOrders(id)));
 * String s = Kotlinx.withLock(kotlinMutex, () -> readShared());
 * }
 *
 * @apiNote asyncio: {@code asyncio.wrap_future} for kotlinx's futures; kotlinx's own {@code withLock}
 *     and {@code withPermit}
 */
public final class Kotlinx {
    private Kotlinx() {
    }

    /**
     * A task that awaits {@code deferred}: its result, its exception, and cancelling the task cancels
     * the deferred (as cancelling an asyncio future that wraps a concurrent one cancels that one).
     *
     * @apiNote asyncio: {@code asyncio.wrap_future(fut)}
     */
    public static <T> Task<T> asTask(Deferred<T> deferred) {
        Objects.requireNonNull(deferred, "deferred");
        return Aio.createTask("Deferred " + deferred, () -> {
            try {
                return Suspend.call(deferred::await);
            } catch (CancelledError e) {
                if (!deferred.isCompleted()) {
                    deferred.cancel(null); // this task was cancelled: so is what it stands for
                }
                throw e;
            }
        });
    }

    /**
     * A task that waits for {@code job} to finish (its result is null); cancelling the task cancels
     * the job. A failed job's failure is not this task's: a job reports it to its own parent.
     *
     * @apiNote asyncio: {@code asyncio.wrap_future(fut)}; kotlinx's {@code job.join()}
     */
    public static Task<Void> asTask(Job job) {
        Objects.requireNonNull(job, "job");
        return Aio.createTask("Job " + job, () -> {
            try {
                Suspend.<Unit>call(job::join);
                return null;
            } catch (CancelledError e) {
                if (!job.isCompleted()) {
                    job.cancel(null);
                }
                throw e;
            }
        });
    }

    /**
     * Runs {@code body} holding {@code mutex}: it waits for the lock, and unlocks when the body ends,
     * however it ends.
     *
     * <p><b>Cancellation:</b> a task cancelled while it waits does not get the lock.
     *
     * @apiNote asyncio: {@code async with lock:}; kotlinx's {@code mutex.withLock { }}
     */
    public static <T, X extends Exception> T withLock(Mutex mutex, CheckedCallable<T, X> body) throws X {
        Suspend.<Unit>call(k -> mutex.lock(null, k));
        try {
            return body.call();
        } finally {
            mutex.unlock(null);
        }
    }

    /**
     * {@link #withLock(Mutex, CheckedCallable)} for a body with no result.
     *
     * @apiNote asyncio: {@code async with lock:}; kotlinx's {@code mutex.withLock { }}
     */
    public static <X extends Exception> void withLock(Mutex mutex, CheckedRunnable<X> body) throws X {
        java.util.Objects.requireNonNull(body, "body");
        withLock(mutex, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs {@code body} holding a permit of {@code semaphore}, released when the body ends.
     *
     * <p><b>Cancellation:</b> a task cancelled while it waits does not get a permit.
     *
     * @apiNote asyncio: {@code async with semaphore:}; kotlinx's {@code semaphore.withPermit { }}
     */
    public static <T, X extends Exception> T withPermit(Semaphore semaphore, CheckedCallable<T, X> body) throws X {
        Suspend.<Unit>call(semaphore::acquire);
        try {
            return body.call();
        } finally {
            semaphore.release();
        }
    }

    /**
     * {@link #withPermit(Semaphore, CheckedCallable)} for a body with no result.
     *
     * @apiNote asyncio: {@code async with semaphore:}; kotlinx's {@code semaphore.withPermit { }}
     */
    public static <X extends Exception> void withPermit(Semaphore semaphore, CheckedRunnable<X> body) throws X {
        java.util.Objects.requireNonNull(body, "body");
        withPermit(semaphore, () -> {
            body.run();
            return null;
        });
    }
}
