package io.aio4j.net;

import io.aio4j.net.spi.TransportProvider;
import io.aio4j.net.spi.Transports;
import javax.net.ssl.SSLContext;

/**
 * How {@link Net#startServer} listens: an immutable value changed with {@code with...} methods.
 *
 * @apiNote asyncio: the keyword arguments of {@code asyncio.start_server}
 */
public final class ServerOptions {
    private static final ServerOptions DEFAULTS = new ServerOptions(1 << 16, 100, true, false, false, true, null, null, ClientAuth.NONE);

    private final int limit;
    private final int backlog;
    private final boolean reuseAddress;
    private final boolean reusePort;
    private final boolean keepAlive;
    private final boolean noDelay;
    private final SSLContext ssl;
    /** The provider, or null for the loop's default ({@link Transports#install}). */
    private final TransportProvider provider;
    private final ClientAuth clientAuth;

    private ServerOptions(int limit, int backlog, boolean reuseAddress, boolean reusePort, boolean keepAlive,
            boolean noDelay, SSLContext ssl, TransportProvider provider, ClientAuth clientAuth) {
        this.clientAuth = clientAuth;
        this.limit = limit;
        this.backlog = backlog;
        this.reuseAddress = reuseAddress;
        this.reusePort = reusePort;
        this.keepAlive = keepAlive;
        this.noDelay = noDelay;
        this.ssl = ssl;
        this.provider = provider;
    }

    /**
     * asyncio's defaults: limit 64 KiB, backlog 100, reuse_address on, reuse_port off, keep_alive off,
     * TCP_NODELAY on.
     *
     * @apiNote asyncio: {@code start_server}'s defaults
     */
    public static ServerOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The buffer limit of each connection's reader.
     *
     * @apiNote asyncio: {@code limit=}
     * @throws IllegalArgumentException if {@code limit <= 0}
     */
    public ServerOptions withLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0 bytes: " + limit);
        }
        return new ServerOptions(limit, backlog, reuseAddress, reusePort, keepAlive, noDelay, ssl, provider, clientAuth);
    }

    /**
     * @apiNote asyncio: {@code backlog=}
     */
    public ServerOptions withBacklog(int backlog) {
        return new ServerOptions(limit, backlog, reuseAddress, reusePort, keepAlive, noDelay, ssl, provider, clientAuth);
    }

    /**
     * @apiNote asyncio: {@code reuse_address=}
     */
    public ServerOptions withReuseAddress(boolean on) {
        return new ServerOptions(limit, backlog, on, reusePort, keepAlive, noDelay, ssl, provider, clientAuth);
    }

    /**
     * @apiNote asyncio: {@code reuse_port=}
     */
    public ServerOptions withReusePort(boolean on) {
        return new ServerOptions(limit, backlog, reuseAddress, on, keepAlive, noDelay, ssl, provider, clientAuth);
    }

    /**
     * SO_KEEPALIVE on accepted connections.
     *
     * @apiNote asyncio: {@code keep_alive=} (3.13)
     */
    public ServerOptions withKeepAlive(boolean on) {
        return new ServerOptions(limit, backlog, reuseAddress, reusePort, on, noDelay, ssl, provider, clientAuth);
    }

    /**
     * TCP_NODELAY on accepted connections (asyncio sets it).
     *
     * @apiNote asyncio: always on for TCP
     */
    public ServerOptions withNoDelay(boolean on) {
        return new ServerOptions(limit, backlog, reuseAddress, reusePort, keepAlive, on, ssl, provider, clientAuth);
    }

    /**
     * Serves TLS with {@code context} (its key managers hold the server's certificate); the handler
     * runs once the handshake succeeded.
     *
     * @apiNote asyncio: {@code ssl=context}
     */
    public ServerOptions withSsl(SSLContext context) {
        return new ServerOptions(limit, backlog, reuseAddress, reusePort, keepAlive, noDelay,
                java.util.Objects.requireNonNull(context, "context"), provider, clientAuth);
    }

    /**
     * Where the connection comes from: {@link Net#selectorProvider()} (the loop's own selector), a
     * Ktor provider ({@code aio4j-ktor}), the test kit's memory network. By default (null), the one
     * installed on the loop ({@link Transports#install}), which is the selector's unless a test
     * installed another.
     *
     * @apiNote asyncio: none
     */
    public ServerOptions withProvider(TransportProvider p) {
        return new ServerOptions(limit, backlog, reuseAddress, reusePort, keepAlive, noDelay, ssl, p, clientAuth);
    }

    /**
     * The provider, or null for the loop's default.
     *
     * @apiNote asyncio: none
     */
    public TransportProvider provider() {
        return provider;
    }

    /**
     * Whether a TLS server asks its clients for a certificate ({@link ClientAuth#NONE} by default); the
     * certificate a client presented is {@code writer.extraInfo("peercert")} in the handler.
     *
     * @apiNote asyncio: the server context's {@code verify_mode} ({@code CERT_OPTIONAL},
     *     {@code CERT_REQUIRED})
     */
    public ServerOptions withClientAuth(ClientAuth auth) {
        return new ServerOptions(limit, backlog, reuseAddress, reusePort, keepAlive, noDelay, ssl, provider,
                java.util.Objects.requireNonNull(auth, "auth"));
    }

    /**
     * @apiNote asyncio: the server context's {@code verify_mode}
     */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /**
     * @apiNote asyncio: {@code ssl}
     */
    public SSLContext ssl() {
        return ssl;
    }

    /**
     * @apiNote asyncio: {@code limit}
     */
    public int limit() {
        return limit;
    }

    /**
     * @apiNote asyncio: {@code backlog}
     */
    public int backlog() {
        return backlog;
    }

    /**
     * @apiNote asyncio: {@code reuse_address}
     */
    public boolean reuseAddress() {
        return reuseAddress;
    }

    /**
     * @apiNote asyncio: {@code reuse_port}
     */
    public boolean reusePort() {
        return reusePort;
    }

    /**
     * @apiNote asyncio: {@code keep_alive}
     */
    public boolean keepAlive() {
        return keepAlive;
    }

    /**
     * @apiNote asyncio: TCP_NODELAY
     */
    public boolean noDelay() {
        return noDelay;
    }
}
