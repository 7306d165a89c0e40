package io.aio4j;

/**
 * A task body with no result: asyncio's {@code async def f(): ...} returning {@code None}.
 *
 * @see AsyncCallable
 */
@FunctionalInterface
public interface AsyncRunnable {
    void run() throws Exception;
}
