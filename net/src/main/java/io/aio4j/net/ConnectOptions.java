package io.aio4j.net;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * How {@link Net#openConnection} connects: an immutable value changed with {@code with...} methods.
 *
 * @apiNote asyncio: the keyword arguments of {@code asyncio.open_connection}
 */
public final class ConnectOptions {
    private static final ConnectOptions DEFAULTS = new ConnectOptions(1 << 16, null, null, false, true);

    private final int limit;
    private final InetSocketAddress localAddress;
    private final Duration happyEyeballsDelay;
    private final boolean keepAlive;
    private final boolean noDelay;

    private ConnectOptions(int limit, InetSocketAddress localAddress, Duration happyEyeballsDelay, boolean keepAlive,
            boolean noDelay) {
        this.limit = limit;
        this.localAddress = localAddress;
        this.happyEyeballsDelay = happyEyeballsDelay;
        this.keepAlive = keepAlive;
        this.noDelay = noDelay;
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
        return new ConnectOptions(limit, localAddress, happyEyeballsDelay, keepAlive, noDelay);
    }

    /** Binds the socket to this address before connecting. @apiNote asyncio: {@code local_addr=} */
    public ConnectOptions withLocalAddress(InetSocketAddress local) {
        return new ConnectOptions(limit, local, happyEyeballsDelay, keepAlive, noDelay);
    }

    /**
     * For a host with several addresses: start the next attempt after {@code delay} if the previous
     * one has not connected yet (RFC 8305); the first to connect wins and the others are closed.
     * {@code null} tries them one after the other.
     *
     * @apiNote asyncio: {@code happy_eyeballs_delay=}
     */
    public ConnectOptions withHappyEyeballsDelay(Duration delay) {
        return new ConnectOptions(limit, localAddress, delay, keepAlive, noDelay);
    }

    /** SO_KEEPALIVE. @apiNote asyncio: set on the socket by hand */
    public ConnectOptions withKeepAlive(boolean on) {
        return new ConnectOptions(limit, localAddress, happyEyeballsDelay, on, noDelay);
    }

    /** TCP_NODELAY (asyncio sets it). @apiNote asyncio: always on for TCP */
    public ConnectOptions withNoDelay(boolean on) {
        return new ConnectOptions(limit, localAddress, happyEyeballsDelay, keepAlive, on);
    }

    /** @apiNote asyncio: {@code limit} */
    public int limit() {
        return limit;
    }

    /** @apiNote asyncio: {@code local_addr} */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** @apiNote asyncio: {@code happy_eyeballs_delay} */
    public Duration happyEyeballsDelay() {
        return happyEyeballsDelay;
    }

    /** @apiNote asyncio: SO_KEEPALIVE */
    public boolean keepAlive() {
        return keepAlive;
    }

    /** @apiNote asyncio: TCP_NODELAY */
    public boolean noDelay() {
        return noDelay;
    }
}
