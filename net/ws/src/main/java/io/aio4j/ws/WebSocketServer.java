package io.aio4j.ws;

import io.aio4j.ws.internal.WebSocketServerImpl;

/**
 * A listening WebSocket server: what {@link WebSockets#serve} returns.
 *
 * @apiNote asyncio: websockets' {@code Server}
 */
public sealed interface WebSocketServer extends AutoCloseable permits WebSocketServerImpl {
    /**
     * The port it listens on (the chosen one for port 0).
     *
     * @apiNote asyncio: {@code server.sockets[0].getsockname()[1]}
     */
    int port();

    /**
     * Stops listening and closes every connection (1001, going away).
     *
     * @apiNote asyncio: {@code server.close()}
     */
    @Override
    void close();

    /**
     * Waits until the server is closed and its connections have ended.
     *
     * <p><b>Cancellation:</b> the wait ends with {@code CancelledError}.
     *
     * @apiNote asyncio: {@code await server.wait_closed()}
     */
    void waitClosed();
}
