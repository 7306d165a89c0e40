package io.aio4j;

/**
 * A deadline passed: what {@code Aio.waitFor} and an expired {@code Aio.timeout} scope throw.
 *
 * <p>Distinct from {@link CancelledError}: a timeout scope cancels its body and, if it was the
 * scope's own deadline that did it, turns that cancellation into this exception (the cancellation is
 * the {@linkplain #getCause() cause}).
 *
 * @apiNote asyncio: {@code TimeoutError} (the builtin, which {@code asyncio.TimeoutError} aliases)
 */
public final class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TimeoutError() {
        super();
    }

    public TimeoutError(String message) {
        super(message);
    }

    public TimeoutError(String message, Throwable cause) {
        super(message, cause);
    }
}
