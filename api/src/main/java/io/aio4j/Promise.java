package io.aio4j;

import io.aio4j.internal.PromiseImpl;

/**
 * A future that code sets, not a body: asyncio's {@code Future}, made by
 * {@link EventLoop#createFuture()}. It is a {@link Task}, so everything that takes tasks —
 * {@code await()}, {@code gather}, {@code wait}, {@code asCompleted}, {@code shield},
 * {@code waitFor}, done callbacks — takes it as it is.
 *
 * {@snippet :
 * Promise<String> reply = loop.createFuture();
 * loop.callLater(0.1, () -> reply.setResult("pong"));   // or a protocol callback, another task
 * System.out.println(reply.await());
 * }
 *
 * <p>{@code setResult}, {@code setException} and {@code cancel} take effect at once ({@code done()} is
 * true right after); the tasks waiting for it, and its done callbacks, run on the loop's next turn, as
 * asyncio schedules them. As with a task, a task cancelled while it awaits a promise cancels the
 * promise. It shows among {@code Aio.allTasks()} while pending, and a pending one is cancelled when
 * {@code Aio.run} ends, like a task.
 *
 * @apiNote asyncio: {@code asyncio.Future} ({@code loop.create_future()})
 */
public sealed interface Promise<T> extends Task<T> permits PromiseImpl {
    /**
     * Completes it with {@code value}.
     *
     * @apiNote asyncio: {@code fut.set_result(value)}
     * @throws InvalidStateError if it is already done
     */
    void setResult(T value);

    /**
     * Completes it with {@code error}, which {@code await()} and {@code result()} then throw.
     *
     * @apiNote asyncio: {@code fut.set_exception(exc)}
     * @throws InvalidStateError if it is already done
     * @throws IllegalArgumentException for a {@code CancelledError} (cancel it instead)
     */
    void setException(Throwable error);
}
