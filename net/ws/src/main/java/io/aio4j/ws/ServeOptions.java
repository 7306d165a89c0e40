package io.aio4j.ws;

/**
 * How {@link WebSockets#serve} serves: an immutable value changed with {@code with...} methods.
 *
 * @apiNote asyncio: the keyword arguments of the websockets library's {@code serve}
 */
public final class ServeOptions {
    private static final ServeOptions DEFAULTS = new ServeOptions(1 << 20);

    private final int maxSize;

    private ServeOptions(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The websockets library's defaults: messages up to 1 MiB. @apiNote asyncio: {@code serve(...)} */
    public static ServeOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The largest message (frame) accepted; a bigger one closes the connection with 1009 (message too
     * big), which the handler sees as {@link ConnectionClosed}.
     *
     * @apiNote asyncio: {@code max_size=}
     * @throws IllegalArgumentException if {@code bytes < 1}
     */
    public ServeOptions withMaxSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxSize must be at least 1 byte: " + bytes);
        }
        return new ServeOptions(bytes);
    }

    /** @apiNote asyncio: {@code max_size} */
    public int maxSize() {
        return maxSize;
    }
}
