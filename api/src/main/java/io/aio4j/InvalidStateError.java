package io.aio4j;

/**
 * An operation that the object's state does not allow, such as asking for the result of a task that
 * has not finished.
 *
 * @apiNote asyncio: {@code asyncio.InvalidStateError}
 */
public final class InvalidStateError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public InvalidStateError(String message) {
        super(message);
    }
}
