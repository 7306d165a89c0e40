package io.aio4j.net;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aio4j.Aio;
import io.aio4j.bridge.Suspend;
import io.aio4j.net.internal.KtorTransport;
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
            Socket ktor = Suspend.call(k -> BuildersKt.aSocket(KtorTransport.selector()).tcp()
                    .connect("127.0.0.1", ss.getLocalPort(), opts -> Unit.INSTANCE, k));
            try (Connection c = Net.wrap(ktor)) {
                c.writer().write("ktor\n".getBytes(UTF_8));
                c.writer().drain();
                assertEquals("KTOR\n", new String(c.reader().readline(), UTF_8));
                assertInstanceOf(Socket.class, c.writer().extraInfo("socket"));
                assertEquals(ss.getLocalPort(), ((java.net.InetSocketAddress) c.writer().extraInfo("peername")).getPort());
                assertThrows(UnsupportedOperationException.class, () -> c.writer().startTls(TestCerts.client(), "localhost"));
            }
        });
    }

    @Test
    void tlsNeedsTheSelectorTransport() {
        Aio.run(() -> {
            var e = assertThrows(IllegalArgumentException.class, () -> Net.openConnection("127.0.0.1", 1,
                    ConnectOptions.defaults().withTransport(Transport.KTOR).withSsl(TestCerts.client())));
            assertEquals("TLS needs Transport.SELECTOR: the Ktor transport connects plain TCP", e.getMessage());
        });
    }
}
