package io.aio4j.net.spi;

import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import java.io.IOException;

/**
 * Where TCP connections and servers come from: the loop's own selector (the default,
 * {@link io.aio4j.net.Net#selectorProvider()}), Ktor sockets ({@code aio4j-ktor}), the test kit's
 * memory network. A provider makes {@link Wire}s and hands them to {@link Transports}, which puts aio4j's
 * one stream transport (buffering, flow control, TLS, the close state machine) on top, so every
 * provider's connections behave alike.
 *
 * <p>Chosen per call with {@code ConnectOptions.withProvider} / {@code ServerOptions.withProvider},
 * or for every call on a loop with {@link Transports#install}.
 *
 * @apiNote asyncio: none (an event loop's {@code create_connection} / {@code create_server})
 */
public interface TransportProvider {
    /** asyncio's {@code open_connection(host, port)}, with {@code options}; TLS when they ask for it. */
    Connection openConnection(String host, int port, ConnectOptions options) throws IOException;

    /** asyncio's {@code start_server(handler, host, port)}, with {@code options}. */
    Server startServer(ConnectionHandler handler, String host, int port, ServerOptions options) throws IOException;
}
