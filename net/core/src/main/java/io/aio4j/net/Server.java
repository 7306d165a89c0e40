package io.aio4j.net;

import io.aio4j.net.internal.ServerImpl;
import java.net.SocketAddress;
import java.util.List;

/**
 * A listening server: what {@link Net#startServer} returns. Each accepted connection is served by the
 * handler in a task of its own.
 *
 * {@snippet :
 * try (Server server = Net.startServer(Echo::handle, "127.0.0.1", 8888)) {
 *     server.serveForever();     // until the task is cancelled
 * }
 * }
 *
 * @apiNote asyncio: {@code asyncio.Server}
 */
public sealed interface Server extends AutoCloseable permits ServerImpl {

    /**
     * Stops listening; connections already accepted go on (see {@link #closeClients()}). Idempotent.
     *
     * @apiNote asyncio: {@code server.close()}
     */
    @Override
    void close();

    /**
     * Closes every connection of this server once its buffered data is sent.
     *
     * @apiNote asyncio: {@code server.close_clients()} (3.13)
     */
    void closeClients();

    /**
     * Closes every connection of this server at once, dropping buffered data.
     *
     * @apiNote asyncio: {@code server.abort_clients()} (3.13)
     */
    void abortClients();

    /**
     * Waits until the server is closed and all its connections have ended.
     *
     * <p><b>Cancellation:</b> the wait ends with {@code CancelledError}; nothing is closed.
     *
     * @apiNote asyncio: {@code await server.wait_closed()} (3.12 semantics)
     */
    void waitClosed();

    /**
     * Serves until the calling task is cancelled; then closes the server, waits for it to close, and
     * throws {@code CancelledError}.
     *
     * @apiNote asyncio: {@code await server.serve_forever()}
     */
    void serveForever();

    /**
     * Whether the server accepts connections.
     *
     * @apiNote asyncio: {@code server.is_serving()}
     */
    boolean isServing();

    /**
     * The addresses the server listens on (empty once closed).
     *
     * @apiNote asyncio: {@code server.sockets} (their {@code getsockname()})
     */
    List<SocketAddress> sockets();

    /**
     * The TCP port of the first listening socket (the one the system chose for port 0).
     *
     * @throws IllegalStateException for a Unix server or a closed one
     */
    int port();

    /** How many connections of this server are open. */
    int activeConnections();
}
