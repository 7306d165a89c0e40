package io.aio4j.net;

import java.net.SocketAddress;

/**
 * One received datagram and where it came from.
 *
 * @param data the payload
 * @param address the sender
 * @apiNote asyncio: the {@code (data, addr)} of {@code datagram_received}
 */
public record Datagram(byte[] data, SocketAddress address) {
}
