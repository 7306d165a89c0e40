package io.aio4j;

/**
 * A body with a result that may throw the checked exception {@code X}: what the methods that run a
 * body in the caller's task (or rethrow its exception to the caller) take, so that the body's own
 * checked exception type reaches the caller's {@code catch} — {@code catch (IOException e)} around
 * {@code Aio.run(() -> readConfig())} compiles, and a body that throws none needs no {@code catch}.
 * An {@link AsyncCallable} is one (with {@code X = Exception}).
 *
 * @param <T> the result
 * @param <X> the checked exception the body may throw ({@code RuntimeException} when none)
 * @apiNote asyncio: none (Python has no checked exceptions)
 */
@FunctionalInterface
public interface CheckedCallable<T, X extends Exception> {
    /** Runs the body. */
    T call() throws X;
}
