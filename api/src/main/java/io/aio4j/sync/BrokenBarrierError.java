package io.aio4j.sync;

/**
 * A task waited on a {@link Barrier} that was aborted or reset.
 *
 * @apiNote asyncio: {@code asyncio.BrokenBarrierError}
 */
public final class BrokenBarrierError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrokenBarrierError(String message) {
        super(message);
    }
}
