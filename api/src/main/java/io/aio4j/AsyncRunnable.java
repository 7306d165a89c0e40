package io.aio4j;

/**
 * A task body with no result: asyncio's {@code async def f(): ...} returning {@code None}.
 *
 * @see AsyncCallable
 */
@FunctionalInterface
public interface AsyncRunnable extends CheckedRunnable<Exception> {
    /**
     * Runs the body on a fiber of the loop; awaits inside it suspend only this task.
     *
     * @apiNote asyncio: the body of an {@code async def} that returns None
     */
    @Override
    void run() throws Exception;
}
