package io.aio4j.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;

import io.aio4j.queue.Queue;

/** Every aio4j transport passes the stream conformance suite; a broken pair fails it by name. */
class StreamConformanceTest {

    private static ServerOptions tls(ServerOptions o) throws Exception {
        return o.withSsl(TestCertificates.server());
    }

    private static ConnectOptions tls(ConnectOptions o) throws Exception {
        return o.withSsl(TestCertificates.client()).withServerHostname("localhost");
    }

    @AioTest
    void theSelectorTransportConformsPlainAndOverTls() throws Exception {
        StreamConformance.checkServer(ServerOptions.defaults(), ConnectOptions.defaults());
        StreamConformance.checkServer(tls(ServerOptions.defaults()), tls(ConnectOptions.defaults()));
    }

    @AioTest
    void theMemoryNetworkConformsPlainOverTlsAndWithOneByteChunks() throws Exception {
        MemoryNetwork net = MemoryNetwork.install();
        StreamConformance.checkServer(ServerOptions.defaults(), ConnectOptions.defaults());
        StreamConformance.checkServer(tls(ServerOptions.defaults()), tls(ConnectOptions.defaults()));
        net.splitWritesInto(1);
        StreamConformance.checkServer(ServerOptions.defaults(), ConnectOptions.defaults());
        StreamConformance.checkServer(tls(ServerOptions.defaults()), tls(ConnectOptions.defaults()));
    }

    @AioTest
    void aBrokenPairFailsWithTheRuleItBroke() throws Exception {
        MemoryNetwork.install();
        Queue<Connection> accepted = new Queue<>();
        Server server = Net.startServer((r, w) -> {
            accepted.put(new Connection(r, w));
            w.waitClosed();
        }, "127.0.0.1", 0);
        // "connected" ends that are not each other's peers: what a writes, b never reads
        AssertionError e = assertThrows(AssertionError.class, () -> StreamConformance.check(() -> {
            Connection a = Net.openConnection("127.0.0.1", server.port());
            Connection other = Net.openConnection("127.0.0.1", server.port());
            accepted.get();
            Connection b = accepted.get();
            a.writer().write(new byte[0]);
            other.writer().abort();
            return new Connection[] {a, b};
        }));
        assertTrue(e.getMessage().startsWith("stream conformance: bytes arrive in order, in both directions"), e.getMessage());
        server.closeClients();
        server.close();
        server.waitClosed();
    }
}
