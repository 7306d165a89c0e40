package io.aio4j.net;

import java.io.IOException;

/**
 * A separator was not found within the reader's limit: what {@link StreamReader#readuntil} throws.
 * The data stays in the reader; {@link #consumed()} says how many bytes can be consumed (e.g. with
 * {@code read(n)}) to go on.
 *
 * @apiNote asyncio: {@code asyncio.LimitOverrunError}
 */
public final class LimitOverrunError extends IOException {
    private static final long serialVersionUID = 1L;

    private final int consumed;

    public LimitOverrunError(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /**
     * How many bytes are to be consumed.
     *
     * @apiNote asyncio: {@code e.consumed}
     */
    public int consumed() {
        return consumed;
    }
}
