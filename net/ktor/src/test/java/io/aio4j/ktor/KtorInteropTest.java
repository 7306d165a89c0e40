package io.aio4j.ktor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aio4j.Aio;
import io.aio4j.bridge.Suspend;
import io.aio4j.net.ConnectOptions;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.net.ServerOptions;
import io.aio4j.net.StreamReader;
import io.aio4j.net.StreamWriter;
import io.aio4j.testkit.AioTest;
import io.aio4j.testkit.StreamConformance;
import io.aio4j.testkit.TestCertificates;
import java.util.ArrayList;
import java.util.List;
import io.ktor.network.sockets.BuildersKt;
import io.ktor.network.sockets.Socket;
import java.net.ServerSocket;
import kotlin.Unit;
import org.junit.jupiter.api.Test;

/** Kotlin interop: a Ktor raw socket opened by Ktor code becomes an aio4j connection. */
class KtorInteropTest {
    static void echo(StreamReader reader, StreamWriter writer) throws Exception {
        for (byte[] line : reader) {
            writer.write(line);
            writer.drain();
        }
    }

    @AioTest
    void theKtorProviderConformsPlainAndOverTls() throws Exception {
        ServerOptions so = ServerOptions.defaults().withProvider(KtorNet.provider());
        ConnectOptions co = ConnectOptions.defaults().withProvider(KtorNet.provider());
        StreamConformance.checkServer(so, co);
        StreamConformance.checkServer(so.withSsl(TestCertificates.server()),
                co.withSsl(TestCertificates.client()).withServerHostname("localhost"));
        // and across providers: a Ktor client to a selector server
        StreamConformance.checkServer(ServerOptions.defaults(), co);
    }

    @AioTest
    void aKtorServerServesManyClientsAtOnceAndLeavesNoConnectionBehind() throws Exception {
        Server server = Net.startServer(KtorInteropTest::echo, "127.0.0.1", 0,
                ServerOptions.defaults().withProvider(KtorNet.provider()));
        List<io.aio4j.Task<String>> clients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String line = "client " + i + "\n";
            clients.add(Aio.createTask(() -> {
                try (Connection c = Net.openConnection("127.0.0.1", server.port(),
                        ConnectOptions.defaults().withProvider(KtorNet.provider()))) {
                    c.writer().write(line.getBytes(UTF_8));
                    return new String(c.reader().readline(), UTF_8);
                }
            }));
        }
        for (int i = 0; i < 50; i++) {
            assertEquals("client " + i + "\n", clients.get(i).await());
        }
        server.close();
        server.waitClosed();
        assertEquals(0, server.activeConnections());
    }


    @Test
    void aKtorSocketIsWrappedAsAConnection() throws Exception {
        ServerSocket ss = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> { // a plain Java peer that upper-cases what it reads
            try (ss; java.net.Socket s = ss.accept()) {
                for (int b; (b = s.getInputStream().read()) != -1; ) {
                    s.getOutputStream().write(Character.toUpperCase(b));
                    s.getOutputStream().flush();
                }
            } catch (java.io.IOException e) {
                // the test sees the effect
            }
        });
        Aio.run(() -> {
            // what Kotlin code would have done: aSocket(selector).tcp().connect(host, port)
            Socket ktor = Suspend.call(k -> BuildersKt.aSocket(KtorNet.selector()).tcp()
                    .connect("127.0.0.1", ss.getLocalPort(), opts -> Unit.INSTANCE, k));
            try (Connection c = KtorNet.wrap(ktor)) {
                c.writer().write("ktor\n".getBytes(UTF_8));
                c.writer().drain();
                assertEquals("KTOR\n", new String(c.reader().readline(), UTF_8));
                assertInstanceOf(Socket.class, c.writer().extraInfo("socket"));
                assertEquals(ss.getLocalPort(), ((java.net.InetSocketAddress) c.writer().extraInfo("peername")).getPort());
            }
        });
    }

    @Test
    void tlsRunsOverTheKtorTransportToo() throws Exception {
        // TLS is a layer of the one stream transport: a Ktor client talks TLS to a selector server and back
        Aio.run(() -> {
            Server server = Net.startServer(KtorInteropTest::echo, "127.0.0.1", 0,
                    ServerOptions.defaults().withSsl(TestCertificates.server()).withProvider(KtorNet.provider()));
            try (Connection c = Net.openConnection("127.0.0.1", server.port(), ConnectOptions.defaults()
                    .withProvider(KtorNet.provider()).withSsl(TestCertificates.client()).withServerHostname("localhost"))) {
                c.writer().write("over ktor\n".getBytes(UTF_8));
                c.writer().drain();
                assertEquals("over ktor\n", new String(c.reader().readline(), UTF_8));
                assertNotNull(c.writer().extraInfo("cipher"));
                assertFalse(c.writer().canWriteEof(), "TLS has no half-close");
                var e = assertThrows(UnsupportedOperationException.class, () -> c.writer().writeEof());
                assertTrue(e.getMessage().startsWith("TLS does not support half-closes"), e.getMessage());
            }
            server.close();
            server.waitClosed();
        });
    }
}
