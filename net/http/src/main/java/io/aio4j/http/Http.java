package io.aio4j.http;

import io.aio4j.http.internal.ClientSessionImpl;

/**
 * The HTTP front door: client sessions (aiohttp's {@code ClientSession}) on Ktor's CIO client.
 *
 * @apiNote asyncio: {@code aiohttp}
 */
public final class Http {
    private Http() {
    }

    /**
     * A session with {@link SessionOptions#defaults()}.
     *
     * @apiNote asyncio: {@code aiohttp.ClientSession()}
     */
    public static ClientSession session() {
        return session(SessionOptions.defaults());
    }

    /**
     * A session set up by {@code options}.
     *
     * @apiNote asyncio: {@code aiohttp.ClientSession(...)}
     */
    public static ClientSession session(SessionOptions options) {
        return new ClientSessionImpl(options);
    }
}
