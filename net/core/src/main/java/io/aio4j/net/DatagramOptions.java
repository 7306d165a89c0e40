package io.aio4j.net;

import java.net.InetSocketAddress;

/**
 * How {@link Net#createDatagramEndpoint} sets up its socket.
 *
 * @apiNote asyncio: the keyword arguments of {@code loop.create_datagram_endpoint}
 */
public final class DatagramOptions {
    private static final DatagramOptions DEFAULTS = new DatagramOptions(null, null, false, false, false);

    private final InetSocketAddress localAddress;
    private final InetSocketAddress remoteAddress;
    private final boolean reuseAddress;
    private final boolean reusePort;
    private final boolean allowBroadcast;

    private DatagramOptions(InetSocketAddress local, InetSocketAddress remote, boolean reuseAddress, boolean reusePort,
            boolean allowBroadcast) {
        this.localAddress = local;
        this.remoteAddress = remote;
        this.reuseAddress = reuseAddress;
        this.reusePort = reusePort;
        this.allowBroadcast = allowBroadcast;
    }

    /**
     * No local address (an ephemeral port), not connected.
     *
     * @apiNote asyncio: the defaults
     */
    public static DatagramOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Binds to {@code local} (port 0: a free port).
     *
     * @apiNote asyncio: {@code local_addr=}
     */
    public DatagramOptions withLocalAddress(InetSocketAddress local) {
        return new DatagramOptions(local, remoteAddress, reuseAddress, reusePort, allowBroadcast);
    }

    /**
     * Connects to {@code remote}: only its datagrams are received.
     *
     * @apiNote asyncio: {@code remote_addr=}
     */
    public DatagramOptions withRemoteAddress(InetSocketAddress remote) {
        return new DatagramOptions(localAddress, remote, reuseAddress, reusePort, allowBroadcast);
    }

    /**
     * SO_REUSEADDR.
     *
     * @apiNote asyncio: {@code reuse_address=} (removed in 3.11 for safety; here off by default)
     */
    public DatagramOptions withReuseAddress(boolean on) {
        return new DatagramOptions(localAddress, remoteAddress, on, reusePort, allowBroadcast);
    }

    /**
     * SO_REUSEPORT.
     *
     * @apiNote asyncio: {@code reuse_port=}
     */
    public DatagramOptions withReusePort(boolean on) {
        return new DatagramOptions(localAddress, remoteAddress, reuseAddress, on, allowBroadcast);
    }

    /**
     * SO_BROADCAST.
     *
     * @apiNote asyncio: {@code allow_broadcast=}
     */
    public DatagramOptions withAllowBroadcast(boolean on) {
        return new DatagramOptions(localAddress, remoteAddress, reuseAddress, reusePort, on);
    }

    /**
     * @apiNote asyncio: {@code local_addr}
     */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * @apiNote asyncio: {@code remote_addr}
     */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
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
     * @apiNote asyncio: {@code allow_broadcast}
     */
    public boolean allowBroadcast() {
        return allowBroadcast;
    }
}
