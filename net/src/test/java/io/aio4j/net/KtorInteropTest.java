package io.aio4j.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aio4j.Aio;
import io.aio4j.bridge.Suspend;
import io.aio4j.net.internal.KtorWire;
import io.ktor.network.sockets.BuildersKt;
import io.ktor.network.sockets.Socket;
import java.net.ServerSocket;
import kotlin.Unit;
import org.junit.jupiter.api.Test;

/** Kotlin interop: a Ktor raw socket opened by Ktor code becomes an aio4j connection. */
class KtorInteropTest {

    @Test
    void aKtorSocketIsWrappedAsAConnection() throws Exception {
        ServerSocket ss = StreamsTest.peer((in, out) -> {
            int b;
            while ((b = in.read()) != -1) {
                out.write(Character.toUpperCase(b));
                out.flush();
            }
        });
        Aio.run(() -> {
            // what Kotlin code would have done: aSocket(selector).tcp().connect(host, port)
            Socket ktor = Suspend.call(k -> BuildersKt.aSocket(KtorWire.selector()).tcp()
                    .connect("127.0.0.1", ss.getLocalPort(), opts -> Unit.INSTANCE, k));
            try (Connection c = Net.wrap(ktor)) {
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
            Server server = Net.startServer(ServerTest::echo, "127.0.0.1", 0,
                    ServerOptions.defaults().withSsl(TestCerts.server()).withProvider(Net.ktorProvider()));
            try (Connection c = Net.openConnection("127.0.0.1", server.port(), ConnectOptions.defaults()
                    .withProvider(Net.ktorProvider()).withSsl(TestCerts.client()).withServerHostname("localhost"))) {
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
