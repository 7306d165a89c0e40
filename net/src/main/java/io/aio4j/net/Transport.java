package io.aio4j.net;

/**
 * What carries a TCP connection's bytes.
 *
 * @apiNote asyncio: none; asyncio's selector transport is {@link #SELECTOR}
 */
public enum Transport {
    /**
     * The event loop's own {@code java.nio} selector: non-blocking sockets read and written by the loop
     * (asyncio's selector transport). The default, and the fast one; supports TLS and Unix sockets.
     */
    SELECTOR,
    /**
     * Ktor raw sockets ({@code io.ktor.network}), for interop with Kotlin code that hands out or expects
     * Ktor sockets: Ktor's own selector threads move the bytes, aio4j tasks pump them into the streams.
     * TCP without TLS.
     */
    KTOR
}
