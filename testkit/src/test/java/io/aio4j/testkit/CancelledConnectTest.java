package io.aio4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.CancelledError;
import io.aio4j.Task;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A cancelled connect opens nothing, and a failed lookup reads the same, on every transport. */
class CancelledConnectTest {
    static java.util.stream.Stream<io.aio4j.net.spi.TransportProvider> providers() {
        return java.util.stream.Stream.of(Net.selectorProvider());
    }


    @ParameterizedTest
    @MethodSource("providers")
    void aConnectCancelledAtAnyMomentLeavesNoSocketOpen(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        Assumptions.assumeTrue(OpenSockets.countable(), "counts open sockets through /proc (Linux)");
        ServerSocket peer = new ServerSocket(0, 500, java.net.InetAddress.getLoopbackAddress());
        List<Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
            try {
                for (;;) {
                    accepted.add(peer.accept());
                }
            } catch (java.io.IOException closed) {
                // the test closed the peer
            }
        });
        java.util.Random random = new java.util.Random(6);
        Aio.run(() -> {
            Net.openConnection("127.0.0.1", peer.getLocalPort(), ConnectOptions.defaults().withProvider(transport)).close(); // warm up
        });
        int baseline = OpenSockets.count();
        int[] opened = {0};
        Aio.run(() -> {
            for (int i = 0; i < 300; i++) {
                Task<Connection> t = Aio.createTask(() -> Net.openConnection("127.0.0.1", peer.getLocalPort(),
                        ConnectOptions.defaults().withProvider(transport)));
                Aio.sleep(random.nextInt(0, 3000) * 1e-6);
                t.cancel();
                try {
                    t.await().close(); // connected before the cancel: ours to close
                    opened[0]++;
                } catch (CancelledError expected) {
                    // most of them
                }
            }
        });
        // the peer closes what it accepted; a client socket nobody holds would stay open (CLOSE_WAIT)
        synchronized (accepted) {
            for (Socket s : accepted) {
                s.close();
            }
        }
        int left = OpenSockets.settle(baseline);
        peer.close();
        acceptor.join();
        assertTrue(left <= baseline, transport + ": " + (left - baseline) + " sockets left open by cancelled connects ("
                + opened[0] + " of 300 connected first)");
    }

    @ParameterizedTest
    @MethodSource("providers")
    void anUnknownHostIsAnUnknownHostExceptionNamingTheHost(io.aio4j.net.spi.TransportProvider transport) throws Exception {
        Aio.run(() -> {
            var e = assertThrows(UnknownHostException.class,
                    () -> Net.openConnection("no-such-host.invalid", 80, ConnectOptions.defaults().withProvider(transport)));
            assertTrue(e.getMessage().startsWith("no-such-host.invalid: "), e.getMessage());
            var selector = assertThrows(UnknownHostException.class,
                    () -> Net.openConnection("no-such-host.invalid", 80, ConnectOptions.defaults().withProvider(Net.selectorProvider())));
            assertEquals(selector.getMessage(), e.getMessage(), "the same message on every transport");
            assertInstanceOf(java.io.IOException.class, e);
        });
    }
}
