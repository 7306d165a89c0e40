package io.aio4j.ws;

import java.io.IOException;

/**
 * The opening handshake failed: the server's answer is not a valid WebSocket upgrade (wrong
 * {@code Upgrade}, {@code Connection} or {@code Sec-WebSocket-Accept}, an extension or subprotocol
 * that was not offered), or it is not HTTP at all.
 *
 * @apiNote asyncio: websockets' {@code InvalidHandshake} ({@code InvalidHeader}, {@code NegotiationError}, ...)
 */
public class InvalidHandshake extends IOException {
    private static final long serialVersionUID = 1L;

    public InvalidHandshake(String message) {
        super(message);
    }
}
