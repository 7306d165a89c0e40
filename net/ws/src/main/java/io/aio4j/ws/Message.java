package io.aio4j.ws;

/**
 * A WebSocket message: text or binary.
 *
 * @apiNote asyncio: what websockets' {@code recv()} returns ({@code str} or {@code bytes})
 */
public sealed interface Message {
    /** A text message. */
    record Text(String text) implements Message {
    }

    /** A binary message. */
    record Binary(byte[] data) implements Message {
    }

    /** The text of a text message. @throws IllegalStateException for a binary message */
    default String text() {
        if (this instanceof Text t) {
            return t.text();
        }
        throw new IllegalStateException("a binary message has no text: use data()");
    }
}
