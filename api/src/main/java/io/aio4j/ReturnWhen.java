package io.aio4j;

/**
 * When {@link Aio#wait(java.util.Collection, ReturnWhen, java.time.Duration)} returns.
 *
 * @apiNote asyncio: {@code asyncio.FIRST_COMPLETED}, {@code FIRST_EXCEPTION}, {@code ALL_COMPLETED}
 */
public enum ReturnWhen {
    /** As soon as any task is done (or cancelled). */
    FIRST_COMPLETED,
    /** As soon as any task ends with an exception; when all are done if none does. */
    FIRST_EXCEPTION,
    /** When every task is done. */
    ALL_COMPLETED
}
