package io.aio4j;

/**
 * A task body that returns a value: asyncio's {@code async def f(): ... return x}.
 *
 * <p>It runs on a fiber of the event loop; inside it, awaits ({@code Aio.sleep}, {@code task.await()},
 * ...) look like plain blocking calls. Whatever it throws reaches whoever awaits the task, unwrapped.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface AsyncCallable<T> extends CheckedCallable<T, Exception> {
    /**
     * Runs the body on a fiber of the loop; awaits inside it suspend only this task.
     *
     * @apiNote asyncio: the body of an {@code async def}
     */
    @Override
    T call() throws Exception;
}
