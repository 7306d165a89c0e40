package io.aio4j.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Task;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UDP endpoints against a plain java.net.DatagramSocket peer over loopback. */
class DatagramTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void anEchoEndpointWithProtocolCallbacksAnswersAPlainJavaClient() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Aio.run(() -> {
            DatagramEndpoint server = Net.createDatagramEndpoint(new DatagramProtocol() {
                DatagramEndpoint transport;

                @Override
                public void connectionMade(DatagramEndpoint endpoint) {
                    transport = endpoint;
                    events.add("made");
                }

                @Override
                public void datagramReceived(byte[] data, SocketAddress address) {
                    events.add("got " + new String(data, UTF_8));
                    transport.sendto(data, address);
                }

                @Override
                public void connectionLost(Exception error) {
                    events.add("lost " + error);
                }
            }, DatagramOptions.defaults().withLocalAddress(new InetSocketAddress(LOOPBACK, 0)));
            int port = ((InetSocketAddress) server.localAddress()).getPort();
            String reply = Aio.toThread(() -> {
                try (DatagramSocket s = new DatagramSocket()) {
                    s.setSoTimeout(5000);
                    byte[] msg = "ping".getBytes(UTF_8);
                    s.send(new DatagramPacket(msg, msg.length, LOOPBACK, port));
                    DatagramPacket p = new DatagramPacket(new byte[100], 100);
                    s.receive(p);
                    return new String(p.getData(), 0, p.getLength(), UTF_8);
                }
            });
            assertEquals("ping", reply);
            server.close();
            Aio.sleep(0);
        });
        assertEquals(List.of("made", "got ping", "lost null"), events);
    }

    @Test
    void aPullStyleConnectedEndpointSendsAndReceives() throws Exception {
        try (DatagramSocket peer = new DatagramSocket(0, LOOPBACK)) {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    for (int i = 0; i < 3; i++) {
                        DatagramPacket p = new DatagramPacket(new byte[100], 100);
                        peer.receive(p);
                        String up = new String(p.getData(), 0, p.getLength(), UTF_8).toUpperCase();
                        peer.send(new DatagramPacket(up.getBytes(UTF_8), up.length(), p.getSocketAddress()));
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            Aio.run(() -> {
                InetSocketAddress remote = new InetSocketAddress(LOOPBACK, peer.getLocalPort());
                try (DatagramEndpoint ep = Net.createDatagramEndpoint(DatagramOptions.defaults().withRemoteAddress(remote))) {
                    assertEquals(remote, ep.extraInfo("peername"));
                    for (String word : List.of("a", "bb", "ccc")) {
                        ep.sendto(word.getBytes(UTF_8));
                        Datagram d = ep.receive();
                        assertEquals(word.toUpperCase(), new String(d.data(), UTF_8));
                        assertEquals(remote, d.address());
                    }
                    var e = assertThrows(IllegalArgumentException.class,
                            () -> ep.sendto(new byte[1], new InetSocketAddress(LOOPBACK, 1)));
                    assertTrue(e.getMessage().startsWith("Invalid address"), e.getMessage());
                }
            });
        }
    }

    @Test
    void aConnectedEndpointToAClosedPortReportsTheError() throws Exception {
        int closedPort;
        try (DatagramSocket s = new DatagramSocket(0, LOOPBACK)) {
            closedPort = s.getLocalPort();
        }
        Aio.run(() -> {
            DatagramEndpoint ep = Net.createDatagramEndpoint(
                    DatagramOptions.defaults().withRemoteAddress(new InetSocketAddress(LOOPBACK, closedPort)));
            ep.sendto("anyone?".getBytes(UTF_8));
            IOException e = assertThrows(IOException.class, () -> Aio.waitFor(5, ep::receive));
            assertInstanceOf(java.net.PortUnreachableException.class, e);
            ep.close();
        });
    }

    @Test
    void aCancelledReceiveTakesNoDatagramAndOptionsApply() throws Exception {
        Aio.run(() -> {
            DatagramEndpoint ep = Net.createDatagramEndpoint(DatagramOptions.defaults()
                    .withLocalAddress(new InetSocketAddress(LOOPBACK, 0)).withAllowBroadcast(true));
            DatagramChannel ch = (DatagramChannel) ep.extraInfo("socket");
            assertTrue(ch.getOption(StandardSocketOptions.SO_BROADCAST));
            assertNull(ep.extraInfo("peername"));
            Task<Datagram> r = Aio.createTask(ep::receive);
            Aio.sleep(0.01);
            r.cancel();
            Aio.gatherSettled(r);
            int port = ((InetSocketAddress) ep.localAddress()).getPort();
            Aio.toThread(() -> {
                try (DatagramSocket s = new DatagramSocket()) {
                    s.send(new DatagramPacket(new byte[] {7}, 1, LOOPBACK, port));
                }
                return null;
            });
            assertEquals(7, ep.receive().data()[0]); // the cancelled receive did not take it
            ep.close();
            assertThrows(IllegalStateException.class, ep::receive);
            assertThrows(IllegalArgumentException.class, () -> Net.createDatagramEndpoint(DatagramOptions.defaults()));
        });
    }
}
