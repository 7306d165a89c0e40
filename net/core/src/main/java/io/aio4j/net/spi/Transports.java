package io.aio4j.net.spi;

import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.ConnectionHandler;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.internal.Providers;
import io.aio4j.net.internal.ServerImpl;
import java.io.IOException;
import java.util.Objects;

/** What a {@link TransportProvider} builds its connections and servers with, on the current loop. */
public final class Transports {
    private Transports() {
    }

    /**
     * A client's connection over {@code wire}: aio4j's stream transport on top of it, and the TLS
     * handshake first if {@code options} ask for TLS (checking {@code host}, or
     * {@code options.serverHostname()}).
     *
     * @throws IllegalStateException outside a task
     * @throws IOException if the TLS handshake fails (the wire is then closed)
     */
    public static Connection connect(Wire wire, ConnectOptions options, String host, String what) throws IOException {
        return Providers.connect(Objects.requireNonNull(wire, "wire"), Objects.requireNonNull(options, "options"),
                host, Objects.requireNonNull(what, "what"));
    }

    /**
     * A server: {@code listen} is given the {@link Acceptor} for what it accepts and returns the
     * {@link Listener}; each accepted connection runs {@code handler} in a task of its own (after the
     * TLS handshake, if {@code options} serve TLS).
     *
     * @throws IllegalStateException outside a task
     * @throws IOException what {@code listen} threw (e.g. the address is in use)
     */
    public static Server serve(ConnectionHandler handler, ServerOptions options, Listener.Opener listen)
            throws IOException {
        return ServerImpl.serve(Objects.requireNonNull(handler, "handler"), Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(listen, "listen"));
    }

    /** Connects to one resolved address (see {@link #connectEach}). */
    @FunctionalInterface
    public interface AddressConnector<W> {
        W connect(java.net.InetSocketAddress address) throws IOException;
    }

    /**
     * asyncio's {@code create_connection} order for a provider's own connect: {@code host} resolved off
     * the loop (a literal is not looked up; null or empty is the loopback address), then each address in
     * turn until one connects. If all fail, the first error is thrown with the others suppressed; a
     * name that does not resolve throws {@link java.net.UnknownHostException}.
     *
     * @throws IllegalStateException outside a task
     */
    public static <W> W connectEach(String host, int port, AddressConnector<W> connect) throws IOException {
        return Providers.connectEach(host, port, Objects.requireNonNull(connect, "connect"));
    }

    /**
     * Makes {@code provider} the one that {@code Net.openConnection} and {@code Net.startServer} use on
     * the current loop when their options name none (the test kit's memory network does this); null
     * restores the loop's selector.
     *
     * @throws IllegalStateException outside a task
     */
    public static void install(TransportProvider provider) {
        Providers.install(provider);
    }

    /** The provider the current loop uses by default: the installed one, or the selector's. */
    public static TransportProvider installed() {
        return Providers.current();
    }

}
