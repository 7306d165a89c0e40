package io.aio4j;

import io.aio4j.internal.GeneratorImpl;

/**
 * Values produced asynchronously and consumed with a Java for-each inside a task: asyncio's async
 * generator and {@code async for}. Made by {@link Aio#generator} (a Java producer) and
 * {@link Aio#iterate} (a Kotlin {@code Flow}).
 *
 * {@snippet :
 * try (AsyncIterable<Integer> numbers = Aio.generator(out -> {
 *     for (int i = 0; i < 3; i++) {
 *         out.yield(i);           // waits until the consumer asks for the next value
 *         Aio.sleep(0.1);
 *     }
 * })) {
 *     for (int n : numbers) {     // each step may wait for the producer
 *         System.out.println(n);
 *     }
 * }
 * }
 *
 * <p>The producer runs as its own task, lazily, as a Python async generator does: it starts at the
 * first step of the iteration, and after each {@code yield} it waits until the consumer asks for the
 * next value. The producer's exception is thrown by the iteration, unwrapped. Iterate once.
 *
 * <p><b>Leaving early.</b> Java's for-each cannot tell this object that the loop was left by
 * {@code break} or an exception, so use try-with-resources: {@link #close()} cancels the producer at
 * its {@code yield} (its {@code finally} blocks run) and waits for it. Without it, a producer left
 * early is cancelled when the task that iterated it finishes (asyncio closes an abandoned async
 * generator when it is collected).
 *
 * <p><b>Cancellation:</b> cancelling the consuming task while it waits for a value cancels the
 * producer too, as when an async generator runs in the consumer's task.
 *
 * @param <T> the value type
 * @apiNote asyncio: an async generator object; {@code async for x in agen}; {@code agen.aclose()}
 */
public sealed interface AsyncIterable<T> extends Iterable<T>, AutoCloseable permits GeneratorImpl {

    /**
     * Cancels the producer if it has not finished and, inside a task, waits for it to end. Idempotent.
     *
     * @apiNote asyncio: {@code await agen.aclose()}
     */
    @Override
    void close();

    /** Where a producer puts its values. */
    sealed interface Output<T> permits GeneratorImpl {
        /**
         * Hands {@code value} to the consumer and waits until it asks for the next one.
         *
         * <p><b>Cancellation:</b> closing the iterable, or cancelling the producer, makes this throw
         * {@link CancelledError}.
         *
         * @apiNote asyncio: {@code yield value} in an async generator
         */
        void yield(T value);
    }

    /** The body of a producer. */
    @FunctionalInterface
    interface Producer<T> {
        /**
         * Produces the values with {@code out.yield(value)}; returning ends the iteration.
         *
         * @apiNote asyncio: the body of an async generator function
         */
        void run(Output<T> out) throws Exception;
    }
}
