package io.aio4j.ktor;

import io.aio4j.ktor.internal.KtorProvider;
import io.aio4j.ktor.internal.KtorWire;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.spi.TransportProvider;
import java.io.IOException;
import java.util.Objects;

/**
 * Ktor raw sockets ({@code io.ktor.network}) with aio4j: for Kotlin code that hands out or expects Ktor
 * sockets. Ktor's own selector threads move the bytes; aio4j tasks pump them into aio4j's one stream
 * transport, so a Ktor connection behaves as every other (flow control, TLS, close and half-close).
 *
 * {@snippet :
 * // a socket from Kotlin code: aSocket(selector).tcp().connect(host, port)
 * try (Connection c = KtorNet.wrap(ktorSocket)) {
 *     c.writer().write("hello\n".getBytes());
 * }
 * Server server = Net.startServer(handler, "127.0.0.1", 0,
 *         ServerOptions.defaults().withProvider(KtorNet.provider()));
 * }
 *
 * @apiNote asyncio: none; {@link #wrap} is the counterpart of handing an existing socket to
 *     {@code open_connection(sock=...)}
 */
public final class KtorNet {
    private KtorNet() {
    }

    /**
     * Servers and connections on Ktor sockets, for {@code ServerOptions/ConnectOptions.withProvider}
     * (TLS included: aio4j's TLS layer over the Ktor socket).
     */
    public static TransportProvider provider() {
        return KtorProvider.INSTANCE;
    }

    /**
     * Turns a connected Ktor raw socket into a {@link Connection} of the current loop; the socket is
     * closed when the connection is.
     *
     * @throws IllegalStateException outside a task
     */
    public static Connection wrap(io.ktor.network.sockets.Socket ktorSocket) throws IOException {
        return wrap(ktorSocket, ConnectOptions.defaults());
    }

    /** {@link #wrap(io.ktor.network.sockets.Socket)} with options (the limit applies; TLS if they ask). */
    public static Connection wrap(io.ktor.network.sockets.Socket ktorSocket, ConnectOptions options) throws IOException {
        return KtorWire.wrap(Objects.requireNonNull(ktorSocket, "ktorSocket"), Objects.requireNonNull(options, "options"));
    }

    /** Ktor's selector for the sockets aio4j opens with this provider (its own threads). */
    public static io.ktor.network.selector.SelectorManager selector() {
        return KtorWire.selector();
    }
}
