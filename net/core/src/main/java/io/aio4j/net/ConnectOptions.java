package io.aio4j.net;

import java.net.InetSocketAddress;
import java.time.Duration;
import io.aio4j.net.spi.TransportProvider;
import io.aio4j.net.spi.Transports;
import javax.net.ssl.SSLContext;

/**
 * How {@link Net#openConnection} connects: an immutable value changed with {@code with...} methods.
 *
 * @apiNote asyncio: the keyword arguments of {@code asyncio.open_connection}
 */
public final class ConnectOptions {
    private static final ConnectOptions DEFAULTS = new ConnectOptions(1 << 16, null, null, false, true, null, null, null);

    private final int limit;
    private final InetSocketAddress localAddress;
    private final Duration happyEyeballsDelay;
    private final boolean keepAlive;
    private final boolean noDelay;
    private final SSLContext ssl;
    private final String serverHostname;
    /** The provider, or null for the loop's default ({@link Transports#install}). */
    private final TransportProvider provider;

    private ConnectOptions(int limit, InetSocketAddress localAddress, Duration happyEyeballsDelay, boolean keepAlive,
            boolean noDelay, SSLContext ssl, String serverHostname, TransportProvider provider) {
        this.limit = limit;
        this.localAddress = localAddress;
        this.happyEyeballsDelay = happyEyeballsDelay;
        this.keepAlive = keepAlive;
        this.noDelay = noDelay;
        this.ssl = ssl;
        this.serverHostname = serverHostname;
        this.provider = provider;
    }

    /**
     * asyncio's defaults: limit 64 KiB, no local address, addresses tried one after the other, TCP_NODELAY on.
     *
     * @apiNote asyncio: {@code open_connection}'s defaults
     */
    public static ConnectOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The buffer limit of the reader.
     *
     * @apiNote asyncio: {@code limit=}
     * @throws IllegalArgumentException if {@code limit <= 0}
     */
    public ConnectOptions withLimit(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0 bytes: " + limit);
        }
        return new ConnectOptions(limit, localAddress, happyEyeballsDelay, keepAlive, noDelay, ssl, serverHostname, provider);
    }

    /**
     * Binds the socket to this address before connecting.
     *
     * @apiNote asyncio: {@code local_addr=}
     */
    public ConnectOptions withLocalAddress(InetSocketAddress local) {
        return new ConnectOptions(limit, local, happyEyeballsDelay, keepAlive, noDelay, ssl, serverHostname, provider);
    }

    /**
     * For a host with several addresses: start the next attempt after {@code delay} if the previous
     * one has not connected yet (RFC 8305); the first to connect wins and the others are closed.
     * {@code null} tries them one after the other.
     *
     * @apiNote asyncio: {@code happy_eyeballs_delay=}
     */
    public ConnectOptions withHappyEyeballsDelay(Duration delay) {
        return new ConnectOptions(limit, localAddress, delay, keepAlive, noDelay, ssl, serverHostname, provider);
    }

    /**
     * SO_KEEPALIVE.
     *
     * @apiNote asyncio: set on the socket by hand
     */
    public ConnectOptions withKeepAlive(boolean on) {
        return new ConnectOptions(limit, localAddress, happyEyeballsDelay, on, noDelay, ssl, serverHostname, provider);
    }

    /**
     * TCP_NODELAY (asyncio sets it).
     *
     * @apiNote asyncio: always on for TCP
     */
    public ConnectOptions withNoDelay(boolean on) {
        return new ConnectOptions(limit, localAddress, happyEyeballsDelay, keepAlive, on, ssl, serverHostname, provider);
    }

    /**
     * Speaks TLS over the connection with {@code context} (TLS 1.2 and 1.3 as the JDK allows): the
     * server's certificate is verified against the context's trust managers and, by default, its name
     * against the host connected to (see {@link #withServerHostname}).
     *
     * @apiNote asyncio: {@code ssl=context}
     */
    public ConnectOptions withSsl(SSLContext context) {
        return new ConnectOptions(limit, localAddress, happyEyeballsDelay, keepAlive, noDelay,
                java.util.Objects.requireNonNull(context, "context"), serverHostname, provider);
    }

    /**
     * TLS with the JDK's default context: the system's trusted certificates, hostname checked. Never
     * trust-all.
     *
     * @apiNote asyncio: {@code ssl=True} ({@code ssl.create_default_context()})
     */
    public ConnectOptions withTls() {
        try {
            return withSsl(SSLContext.getDefault());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    /**
     * The name checked against the server's certificate and sent as SNI (default: the host connected
     * to).
     *
     * @apiNote asyncio: {@code server_hostname=}
     */
    public ConnectOptions withServerHostname(String name) {
        return new ConnectOptions(limit, localAddress, happyEyeballsDelay, keepAlive, noDelay, ssl, name, provider);
    }

    /**
     * Where the connection comes from: {@link Net#selectorProvider()} (the loop's own selector), a
     * Ktor provider ({@code aio4j-ktor}), the test kit's memory network. By default (null), the one
     * installed on the loop ({@link Transports#install}), which is the selector's unless a test
     * installed another.
     *
     * @apiNote asyncio: none
     */
    public ConnectOptions withProvider(TransportProvider p) {
        return new ConnectOptions(limit, localAddress, happyEyeballsDelay, keepAlive, noDelay, ssl, serverHostname, p);
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
     * @apiNote asyncio: {@code ssl}
     */
    public SSLContext ssl() {
        return ssl;
    }

    /**
     * @apiNote asyncio: {@code server_hostname}
     */
    public String serverHostname() {
        return serverHostname;
    }

    /**
     * @apiNote asyncio: {@code limit}
     */
    public int limit() {
        return limit;
    }

    /**
     * @apiNote asyncio: {@code local_addr}
     */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * @apiNote asyncio: {@code happy_eyeballs_delay}
     */
    public Duration happyEyeballsDelay() {
        return happyEyeballsDelay;
    }

    /**
     * @apiNote asyncio: SO_KEEPALIVE
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
