package io.aio4j.net;

import java.io.EOFException;

/**
 * The stream ended before the bytes asked for arrived: what {@link StreamReader#readexactly} and
 * {@link StreamReader#readuntil} throw at EOF. The bytes that did arrive are in {@link #partial()};
 * they are no longer in the reader.
 *
 * @apiNote asyncio: {@code asyncio.IncompleteReadError}
 */
public final class IncompleteReadError extends EOFException {
    private static final long serialVersionUID = 1L;

    private final byte[] partial; // serialized with the error: partial() survives a round trip
    private final long expected;

    /**
     * @param partial the bytes read before EOF
     * @param expected how many were expected, or -1 when reading up to a separator
     */
    public IncompleteReadError(byte[] partial, long expected) {
        super(partial.length + " bytes read on a total of " + (expected < 0 ? "undefined" : String.valueOf(expected))
                + " expected bytes");
        this.partial = partial.clone();
        this.expected = expected;
    }

    /**
     * The bytes read before EOF.
     *
     * @apiNote asyncio: {@code e.partial}
     */
    public byte[] partial() {
        return partial.clone();
    }

    /**
     * The number of bytes expected, or -1 for "up to a separator".
     *
     * @apiNote asyncio: {@code e.expected}
     */
    public long expected() {
        return expected;
    }
}
