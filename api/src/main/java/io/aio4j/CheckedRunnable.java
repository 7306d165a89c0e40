package io.aio4j;

/**
 * A body without a result that may throw the checked exception {@code X}: {@link CheckedCallable}'s
 * twin. An {@link AsyncRunnable} is one (with {@code X = Exception}).
 *
 * @param <X> the checked exception the body may throw ({@code RuntimeException} when none)
 * @apiNote asyncio: none (Python has no checked exceptions)
 */
@FunctionalInterface
public interface CheckedRunnable<X extends Exception> {
    /** Runs the body. */
    void run() throws X;
}
