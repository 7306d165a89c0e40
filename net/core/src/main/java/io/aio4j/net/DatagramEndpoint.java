package io.aio4j.net;

import io.aio4j.net.internal.DatagramTransport;
import java.io.IOException;
import java.net.SocketAddress;

/**
 * A UDP socket on the event loop: asyncio's {@code DatagramTransport}, plus a pull style for code
 * that prefers {@code receive()} to callbacks.
 *
 * {@snippet :
 * try (DatagramEndpoint ep = Net.createDatagramEndpoint(DatagramOptions.defaults()
 *         .withRemoteAddress(new InetSocketAddress("127.0.0.1", 9999)))) {
 *     ep.sendto("ping".getBytes());
 *     Datagram reply = ep.receive();
 * }
 * }
 *
 * @apiNote asyncio: {@code asyncio.DatagramTransport}
 */
public sealed interface DatagramEndpoint extends AutoCloseable permits DatagramTransport {

    /**
     * Sends {@code data} to {@code address} (null: the remote address of a connected endpoint). Never
     * waits: a datagram the socket cannot take now is queued.
     *
     * @apiNote asyncio: {@code transport.sendto(data, addr)}
     * @throws IllegalArgumentException if the endpoint is connected and {@code address} is another one,
     *     or it is not connected and {@code address} is null
     */
    void sendto(byte[] data, SocketAddress address);

    /**
     * {@link #sendto(byte[], SocketAddress)} to the connected remote address.
     *
     * @apiNote asyncio: {@code transport.sendto(data)}
     */
    void sendto(byte[] data);

    /**
     * Waits for the next datagram (pull style: endpoints made without a {@link DatagramProtocol}).
     * At most 1,024 datagrams wait here; beyond that the socket is not read and the system drops them,
     * as UDP does.
     *
     * <p><b>Cancellation:</b> a cancelled receive takes no datagram.
     *
     * @apiNote asyncio: none (asyncio only has callbacks)
     * @throws IOException an error the socket reported (e.g. port unreachable), once
     * @throws IllegalStateException if the endpoint has a protocol, or after {@link #close()}
     */
    Datagram receive() throws IOException;

    /**
     * Closes the endpoint; queued datagrams are sent first.
     *
     * @apiNote asyncio: {@code transport.close()}
     */
    @Override
    void close();

    /**
     * Closes at once, dropping queued datagrams.
     *
     * @apiNote asyncio: {@code transport.abort()}
     */
    void abort();

    /**
     * @apiNote asyncio: {@code transport.is_closing()}
     */
    boolean isClosing();

    /**
     * {@code "sockname"}, {@code "peername"} (connected endpoints), {@code "socket"}; null otherwise.
     *
     * @apiNote asyncio: {@code transport.get_extra_info(name)}
     */
    Object extraInfo(String name);

    /**
     * The bound local address.
     *
     * @apiNote asyncio: {@code get_extra_info("sockname")}
     */
    SocketAddress localAddress();

    /**
     * Bytes queued for sending.
     *
     * @apiNote asyncio: {@code transport.get_write_buffer_size()}
     */
    long writeBufferSize();
}
