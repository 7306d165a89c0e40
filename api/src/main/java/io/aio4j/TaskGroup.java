package io.aio4j;

import io.aio4j.internal.TaskGroupImpl;

/**
 * A group of tasks that live no longer than the block that created them: what
 * {@link Aio#taskGroup(TaskGroup.Body)} gives its body.
 *
 * {@snippet :
 * Aio.taskGroup(tg -> {
 *     Task<String> a = tg.createTask(() -> fetch(urlA));
 *     Task<String> b = tg.createTask(() -> fetch(urlB));
 * });   // both are done here, or the group threw
 * }
 *
 * <p>The block returns once every task of the group is done. The first task that fails cancels the
 * other tasks and the body (the body's current await throws {@link CancelledError}); the group then
 * throws one {@link ExceptionGroup} with every failure, the body's included. If the task running the
 * group is cancelled from outside, the group cancels its tasks and the {@link CancelledError}
 * propagates (unless tasks failed: those failures win, and the cancellation stays pending).
 *
 * @apiNote asyncio: {@code asyncio.TaskGroup}, from {@code async with asyncio.TaskGroup() as tg:}
 */
public sealed interface TaskGroup permits TaskGroupImpl {

    /**
     * Starts {@code body} as a task of this group.
     *
     * <p><b>Cancellation:</b> the task is cancelled when another task of the group fails, when the body
     * fails, or when the task running the group is cancelled.
     *
     * @apiNote asyncio: {@code tg.create_task(coro)}
     * @throws IllegalStateException if the group is finished ("TaskGroup ... is finished") or
     *     shutting down after a failure ("TaskGroup ... is shutting down")
     */
    <T> Task<T> createTask(AsyncCallable<T> body);

    /**
     * {@link #createTask(AsyncCallable)} with a name.
     *
     * @apiNote asyncio: {@code tg.create_task(coro, name=name)}
     */
    <T> Task<T> createTask(String name, AsyncCallable<T> body);

    /**
     * {@link #createTask(AsyncCallable)} for a body without a result.
     *
     * @apiNote asyncio: {@code tg.create_task(coro)}
     */
    Task<Void> createTask(AsyncRunnable body);

    /**
     * {@link #createTask(String, AsyncCallable)} for a body without a result.
     *
     * @apiNote asyncio: {@code tg.create_task(coro, name=name)}
     */
    Task<Void> createTask(String name, AsyncRunnable body);

    /** The block of a task group. */
    @FunctionalInterface
    interface Body {
        /**
         * Runs in the calling task; starts the group's tasks with {@code tg.createTask}.
         *
         * @apiNote asyncio: the block of {@code async with asyncio.TaskGroup() as tg:}
         */
        void run(TaskGroup tg) throws Exception;
    }
}
