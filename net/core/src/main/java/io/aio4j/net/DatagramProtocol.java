package io.aio4j.net;

import java.net.SocketAddress;

/**
 * Callbacks of a datagram endpoint, run on the event loop (they cannot await: start a task for that).
 * Every method has an empty default.
 *
 * {@snippet :
 * Net.createDatagramEndpoint(new DatagramProtocol() {
 *     DatagramEndpoint transport;
 *     public void connectionMade(DatagramEndpoint t) { transport = t; }
 *     public void datagramReceived(byte[] data, SocketAddress addr) { transport.sendto(data, addr); }
 * }, DatagramOptions.defaults().withLocalAddress(new InetSocketAddress("127.0.0.1", 9999)));
 * }
 *
 * @apiNote asyncio: {@code asyncio.DatagramProtocol}
 */
public interface DatagramProtocol {
    /**
     * The endpoint is ready.
     *
     * @apiNote asyncio: {@code connection_made(transport)}
     */
    default void connectionMade(DatagramEndpoint endpoint) {
    }

    /**
     * A datagram arrived.
     *
     * @apiNote asyncio: {@code datagram_received(data, addr)}
     */
    default void datagramReceived(byte[] data, SocketAddress address) {
    }

    /**
     * A send or receive failed (e.g. ICMP port unreachable on a connected endpoint); the endpoint stays
     * open.
     *
     * @apiNote asyncio: {@code error_received(exc)}
     */
    default void errorReceived(Exception error) {
    }

    /**
     * The endpoint was closed; {@code error} is null for a normal close.
     *
     * @apiNote asyncio: {@code connection_lost(exc)}
     */
    default void connectionLost(Exception error) {
    }
}
