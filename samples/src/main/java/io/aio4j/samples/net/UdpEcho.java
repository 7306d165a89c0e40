package io.aio4j.samples.net;

import io.aio4j.Aio;
import io.aio4j.net.DatagramEndpoint;
import io.aio4j.net.DatagramOptions;
import io.aio4j.net.DatagramProtocol;
import io.aio4j.net.Net;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Seed 000, "asyncio UDP": a UDP echo server. The seed's program cannot run: it calls
 * {@code asyncio.create_server} (which does not exist; {@code loop.create_server} makes TCP servers)
 * with a {@code Protocol} that has {@code datagram_received}. What it means is a datagram endpoint
 * with a {@code DatagramProtocol}; this port does that, and adds a client so that it has something to
 * echo.
 *
 * <pre>{@code
 * async def udp_server():
 *     transport, protocol = await asyncio.create_server(
 *         lambda: UDPProtocol(),
 *         'localhost', 8081
 *     )
 *     async with transport:
 *         await transport.serve_forever()
 *
 * class UDPProtocol(asyncio.Protocol):
 *     def datagram_received(self, data, addr):
 *         print(f"收到: {data.decode()}")
 *         self.transport.sendto(data, addr)
 * }</pre>
 */
public final class UdpEcho {
    private UdpEcho() {
    }

    /** The seed's protocol: print what arrives and send it back. */
    static final class UdpProtocol implements DatagramProtocol {
        private DatagramEndpoint transport;

        @Override
        public void connectionMade(DatagramEndpoint endpoint) {
            transport = endpoint;
        }

        @Override
        public void datagramReceived(byte[] data, SocketAddress addr) {
            System.out.println("收到: " + new String(data, StandardCharsets.UTF_8));
            transport.sendto(data, addr);
        }
    }

    static void asyncMain() throws Exception {
        try (DatagramEndpoint server = Net.createDatagramEndpoint(new UdpProtocol(),
                DatagramOptions.defaults().withLocalAddress(new InetSocketAddress("127.0.0.1", 0)));
                DatagramEndpoint client = Net.createDatagramEndpoint(DatagramOptions.defaults()
                        .withRemoteAddress((InetSocketAddress) server.localAddress()))) {
            for (String text : new String[] {"Hello", "UDP"}) {
                client.sendto(text.getBytes(StandardCharsets.UTF_8));
                System.out.println("回显: " + new String(client.receive().data(), StandardCharsets.UTF_8));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Aio.run(UdpEcho::asyncMain);
    }
}
