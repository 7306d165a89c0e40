package io.aio4j.ws;

import io.aio4j.ws.internal.WebSocketImpl;
import java.io.IOException;

/**
 * One WebSocket connection (client or server side), on Ktor's WebSocket session.
 *
 * {@snippet :
 * try (WebSocket ws = WebSockets.connect("ws://127.0.0.1:8765/")) {
 *     ws.send("hello");
 *     System.out.println(ws.recv().text());
 * }
 * }
 *
 * <p>Pings from the peer are answered automatically. Iterating the connection yields messages until
 * the peer closes normally; an abnormal close is thrown as {@link ConnectionClosed} (wrapped in
 * {@link java.io.UncheckedIOException}).
 *
 * <p><b>Cancellation:</b> a cancelled {@code recv} takes no message.
 *
 * @apiNote asyncio: websockets' {@code ClientConnection} / {@code ServerConnection}
 */
public sealed interface WebSocket extends AutoCloseable, Iterable<Message> permits WebSocketImpl {

    /** Sends a text message. @apiNote asyncio: {@code await ws.send(str)} */
    void send(String text) throws IOException;

    /** Sends a binary message. @apiNote asyncio: {@code await ws.send(bytes)} */
    void send(byte[] data) throws IOException;

    /**
     * Waits for the next message.
     *
     * @apiNote asyncio: {@code await ws.recv()}
     * @throws ConnectionClosed once the connection is closed, with the close code
     */
    Message recv() throws IOException;

    /** Sends a ping (the peer answers with a pong). @apiNote asyncio: {@code await ws.ping(data)} */
    void ping(byte[] data) throws IOException;

    /**
     * Closes with {@code code} and {@code reason}, doing the close handshake.
     *
     * @apiNote asyncio: {@code await ws.close(code, reason)}
     */
    void close(int code, String reason) throws IOException;

    /** Closes normally (1000). @apiNote asyncio: {@code await ws.close()} */
    @Override
    void close();

    /** The close code once closed, else -1. @apiNote asyncio: {@code ws.close_code} */
    int closeCode();

    /**
     * The HTTP request that opened the connection (on a server's connection, what the client asked
     * for; on a client's, what it sent).
     *
     * @apiNote asyncio: the websockets library's {@code websocket.request}
     */
    HandshakeRequest request();

    /** The close reason once closed, else null. @apiNote asyncio: {@code ws.close_reason} */
    String closeReason();
}
