package io.aio4j;

/**
 * Thrown by an await when its task is cancelled: asyncio's {@code CancelledError}.
 *
 * <p>It is an {@link Error}, not an {@link Exception}, for the reason asyncio made
 * {@code CancelledError} a {@code BaseException}: a {@code catch (Exception e)} must not swallow a
 * cancellation. Code may catch it to clean up, and then must rethrow it (or call
 * {@link Task#uncancel()} if it really means to carry on).
 *
 * {@snippet :
 * try {
 *     Aio.sleep(Duration.ofHours(1));
 * } catch (CancelledError e) {
 *     releaseResources();  // awaits are allowed here: cancellation is one-shot
 *     throw e;
 * }
 * }
 *
 * @apiNote asyncio: {@code asyncio.CancelledError}
 */
public final class CancelledError extends Error {
    private static final long serialVersionUID = 1L;

    public CancelledError() {
        super();
    }

    /** @param message the message given to {@code cancel(msg)}, or null */
    public CancelledError(String message) {
        super(message);
    }

    public CancelledError(String message, Throwable cause) {
        super(message, cause);
    }
}
