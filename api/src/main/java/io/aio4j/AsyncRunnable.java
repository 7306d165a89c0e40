package io.aio4j;

/**
 * A task body with no result: asyncio's {@code async def f(): ...} returning {@code None}.
 *
 * @see AsyncCallable
 */
@FunctionalInterface
public interface AsyncRunnable {
    /**
     * Runs the body on a fiber of the loop; awaits inside it suspend only this task.
     *
     * @apiNote asyncio: the body of an {@code async def} that returns None
     */
    void run() throws Exception;
}
