package io.aio4j;

import io.aio4j.internal.TaskImpl;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A body running concurrently on an event loop: asyncio's {@code Task}. Created with
 * {@link Aio#createTask(AsyncCallable)}; it starts on a later turn of the loop, in creation order.
 *
 * {@snippet :
 * Task<String> t = Aio.createTask("fetch", () -> fetch(url));
 * doOtherWork();
 * String page = t.await();          // parks this task until t is done
 * }
 *
 * <p>A task ends in one of three ways: with a result, with an exception (whatever its body threw),
 * or cancelled. {@link #await()} and {@link #result()} give back the result, rethrow the exception
 * unwrapped, or throw {@link CancelledError}.
 *
 * <p>{@code Task} is also a {@link Future}, for code outside the loop: {@link #get()} blocks the
 * calling thread (and refuses to on the task's own loop), {@link #cancel(boolean)} is
 * {@link #cancel()}.
 *
 * @param <T> the result type
 * @apiNote asyncio: {@code asyncio.Task}
 */
public sealed interface Task<T> extends Future<T> permits TaskImpl, Promise {

    /**
     * Waits until the task is done and returns its result, or rethrows its exception, or throws
     * {@link CancelledError} if it was cancelled. Returns at once, without yielding, if it is done.
     *
     * <p><b>Cancellation:</b> cancelling the <em>awaiting</em> task cancels this task too and goes on
     * waiting for it to finish, as asyncio does: the awaiting task then gets this task's outcome, which
     * is normally a {@link CancelledError} (but is the result if this task caught the error and
     * returned). If this task was already done, the awaiting task gets its {@link CancelledError}
     * instead.
     *
     * @apiNote asyncio: {@code await task}
     * @throws IllegalStateException outside a task, or when a task awaits itself
     */
    T await();

    /**
     * The result of a done task; rethrows its exception; throws {@link CancelledError} if cancelled.
     *
     * @apiNote asyncio: {@code task.result()}
     * @throws InvalidStateError if the task is not done ("Result is not set.")
     */
    T result();

    /**
     * The exception of a done task, or null if it returned normally.
     *
     * @apiNote asyncio: {@code task.exception()}
     * @throws InvalidStateError if the task is not done ("Exception is not set.")
     * @throws CancelledError if the task was cancelled
     */
    Throwable exception();

    /**
     * Whether the task is done (result, exception or cancelled).
     *
     * @apiNote asyncio: {@code task.done()}
     */
    boolean done();

    /**
     * Requests cancellation: the task's next await (or the one it is parked in) throws
     * {@link CancelledError}; a task that has not started yet never runs its body. The request is
     * one-shot: a task that catches the error can go on awaiting while it cleans up.
     *
     * @apiNote asyncio: {@code task.cancel()}
     * @return false if the task is already done, true otherwise
     */
    boolean cancel();

    /**
     * {@link #cancel()} with a message, which the {@link CancelledError} carries to whoever awaits.
     *
     * @apiNote asyncio: {@code task.cancel(msg)}
     */
    boolean cancel(String message);

    /**
     * Whether the task ended cancelled.
     *
     * @apiNote asyncio: {@code task.cancelled()}
     */
    boolean cancelled();

    /**
     * The number of cancellation requests not yet taken back with {@link #uncancel()}.
     *
     * @apiNote asyncio: {@code task.cancelling()}
     */
    int cancelling();

    /**
     * Takes back one cancellation request; when none is left, a request not yet delivered is dropped
     * too (asyncio 3.13). Returns the number of requests left.
     *
     * @apiNote asyncio: {@code task.uncancel()}
     */
    int uncancel();

    /**
     * Runs {@code callback} with this task once it is done, on a later turn of the loop (at once
     * scheduled if it is already done). Callbacks run in the order they were added.
     *
     * @apiNote asyncio: {@code task.add_done_callback(callback)}
     */
    void addDoneCallback(Consumer<? super Task<T>> callback);

    /**
     * Removes every registration of {@code callback}; returns how many there were.
     *
     * @apiNote asyncio: {@code task.remove_done_callback(callback)}
     */
    int removeDoneCallback(Consumer<? super Task<T>> callback);

    /**
     * The task's name: the one it was created with, or {@code Task-N}.
     *
     * @apiNote asyncio: {@code task.get_name()}
     */
    String name();

    /**
     * @apiNote asyncio: {@code task.set_name(name)}
     */
    void setName(String name);

    /**
     * The loop the task runs on.
     *
     * @apiNote asyncio: {@code task.get_loop()}
     */
    EventLoop loop();

    /**
     * A {@link CompletableFuture} completed with this task's outcome (completed exceptionally with the
     * task's exception, or cancelled). Cancelling the future cancels the task; completing it otherwise
     * has no effect on the task. Always the same future.
     *
     * @apiNote asyncio: {@code asyncio.wrap_future} in the other direction
     */
    CompletableFuture<T> toCompletableFuture();
}
