package io.aio4j.ws;

import io.aio4j.ws.internal.WebSocketImpl;
import java.io.IOException;

/**
 * One WebSocket connection (client or server side): RFC 6455 over an aio4j stream, as the websockets
 * library runs it.
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
 * <p>Messages are read by the connection itself (up to {@code maxQueue} ahead of {@code recv}, then
 * it stops reading); a text frame that is not UTF-8 closes the connection with 1007, a message over
 * {@code maxSize} with 1009, any other RFC 6455 violation with 1002. The closing handshake is the
 * websockets library's: the server ends TCP first, each side within {@code closeTimeout}.
 *
 * <p>Loop-confined: use a connection from tasks of the loop that opened it; one {@code recv} at a time.
 *
 * <p><b>Cancellation:</b> a cancelled {@code recv} takes no message; a cancelled {@code close} leaves the
 * closing handshake running (it ends within {@code closeTimeout}).
 *
 * @apiNote asyncio: websockets' {@code ClientConnection} / {@code ServerConnection}
 */
public sealed interface WebSocket extends AutoCloseable, Iterable<Message> permits WebSocketImpl {

    /**
     * Sends a text message.
     *
     * @apiNote asyncio: {@code await ws.send(str)}
     */
    void send(String text) throws IOException;

    /**
     * Sends a binary message.
     *
     * @apiNote asyncio: {@code await ws.send(bytes)}
     */
    void send(byte[] data) throws IOException;

    /**
     * Waits for the next message. Messages received before the close are returned first.
     *
     * @apiNote asyncio: {@code await ws.recv()}
     * @throws ConnectionClosed once the connection is closed, with the close codes
     * @throws IllegalStateException if another task is already waiting in {@code recv}
     */
    Message recv() throws IOException;

    /**
     * Sends a ping with {@code data} (at most 125 bytes; null: four random bytes) and returns the wait
     * for its pong.
     *
     * @apiNote asyncio: {@code pong_waiter = await ws.ping(data)}
     * @throws ConnectionClosed if the connection is closing or closed
     * @throws IllegalStateException if a ping with the same data still waits for its pong
     */
    PongWaiter ping(byte[] data) throws IOException;

    /**
     * Closes with {@code code} and {@code reason}, doing the close handshake, and waits until the
     * connection is closed. Closing a closed connection does nothing.
     *
     * @apiNote asyncio: {@code await ws.close(code, reason)}
     * @throws IllegalArgumentException for a code one may not send (1000-1003, 1007-1014, 3000-4999 are
     *     allowed) or a reason over 123 UTF-8 bytes
     */
    void close(int code, String reason) throws IOException;

    /**
     * Closes normally (1000).
     *
     * @apiNote asyncio: {@code await ws.close()}
     */
    @Override
    void close();

    /**
     * The subprotocol agreed in the opening handshake, or null.
     *
     * @apiNote asyncio: {@code ws.subprotocol}
     */
    String subprotocol();
    /**
     * The peer's close code once closed (1006 if none came), else -1.
     *
     * @apiNote asyncio: {@code ws.close_code}
     */
    int closeCode();

    /**
     * The HTTP request that opened the connection (on a server's connection, what the client asked
     * for; on a client's, what it sent).
     *
     * @apiNote asyncio: the websockets library's {@code websocket.request}
     */
    HandshakeRequest request();

    /**
     * The close reason once closed, else null.
     *
     * @apiNote asyncio: {@code ws.close_reason}
     */
    String closeReason();
}
