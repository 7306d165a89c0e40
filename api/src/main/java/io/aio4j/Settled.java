package io.aio4j;

/**
 * How one awaited task ended, as {@link Aio#gatherSettled} reports it: a value, or what was thrown
 * (a {@link CancelledError} for a cancelled task).
 *
 * {@snippet :
 * for (Settled<String> s : Aio.gatherSettled(a, b)) {
 *     switch (s) {
 *         case Settled.Value<String> v -> System.out.println("ok " + v.value());
 *         case Settled.Failed<String> f -> System.out.println("failed " + f.exception());
 *     }
 * }
 * }
 *
 * @param <T> the value type
 * @apiNote asyncio: one element of {@code gather(..., return_exceptions=True)}'s result list
 */
public sealed interface Settled<T> {
    /** The task returned {@code value}. */
    record Value<T>(T value) implements Settled<T> {
    }

    /** The task threw {@code exception} (a {@link CancelledError} if it was cancelled). */
    record Failed<T>(Throwable exception) implements Settled<T> {
    }

    /**
     * The value, or the exception rethrown as is.
     *
     * @apiNote asyncio: none; Python code checks {@code isinstance(r, BaseException)}
     */
    default T getOrThrow() {
        return switch (this) {
            case Value<T> v -> v.value();
            case Failed<T> f -> throw io.aio4j.bridge.lowlevel.Unchecked.rethrow(f.exception());
        };
    }
}
