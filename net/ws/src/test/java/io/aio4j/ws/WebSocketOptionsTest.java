package io.aio4j.ws;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.Task;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.net.Server;
import io.aio4j.testkit.TestCertificates;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The websockets library's connect and serve options, each against a server or client the test starts. */
class WebSocketOptionsTest {

    @Test
    void theServerPicksItsFirstSubprotocolThatTheClientOffers() throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(ws -> ws.send(String.valueOf(ws.subprotocol())), "127.0.0.1", 0,
                    ServeOptions.defaults().withSubprotocols(List.of("chat.v1", "chat.v2")));
            String uri = "ws://127.0.0.1:" + server.port() + "/";
            try (WebSocket ws = WebSockets.connect(uri, ClientOptions.defaults().withSubprotocols(List.of("chat.v2", "chat.v1")))) {
                assertEquals("chat.v1", ws.subprotocol());
                assertEquals("chat.v1", ws.recv().text());
            }
            try (WebSocket ws = WebSockets.connect(uri)) {
                assertNull(ws.subprotocol(), "none offered, none chosen");
                assertEquals("null", ws.recv().text());
            }
            server.close();
        });
        assertThrows(IllegalArgumentException.class, () -> ClientOptions.defaults().withSubprotocols(List.of("a b")));
    }

    @Test
    void aSubprotocolTheClientDidNotOfferFailsTheHandshake() throws Exception {
        Aio.run(() -> {
            Server raw = Net.startServer((in, out) -> {
                in.readuntil("\r\n\r\n".getBytes(ISO_8859_1));
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: nonsense\r\n\r\n").getBytes(ISO_8859_1));
            }, "127.0.0.1", 0);
            InvalidHandshake e = assertThrows(InvalidHandshake.class,
                    () -> WebSockets.connect("ws://127.0.0.1:" + raw.port() + "/"));
            assertTrue(e.getMessage().contains("Sec-WebSocket-Accept"), e.getMessage());
            raw.close();
        });
    }

    @Test
    void headersAndOriginReachTheHandlerAndARefusedOriginIs403() throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(ws -> ws.send(ws.request().header("X-Token") + " "
                    + ws.request().header("origin") + " " + ws.request().path()), "127.0.0.1", 0,
                    ServeOptions.defaults().withOrigins(List.of("https://good.example")));
            String uri = "ws://127.0.0.1:" + server.port() + "/room?id=7";
            try (WebSocket ws = WebSockets.connect(uri, ClientOptions.defaults().withHeader("X-Token", "s3cret")
                    .withOrigin("https://good.example"))) {
                assertEquals("s3cret https://good.example /room?id=7", ws.recv().text());
                assertEquals("s3cret", ws.request().header("x-token"), "the client's request is what it sent");
            }
            InvalidStatus e = assertThrows(InvalidStatus.class, () -> WebSockets.connect(uri,
                    ClientOptions.defaults().withOrigin("https://evil.example")));
            assertEquals(403, e.status());
            server.close();
        });
    }

    @Test
    void aNon101AnswerIsInvalidStatusAndABadUriIsNamed() throws Exception {
        Aio.run(() -> {
            Server raw = Net.startServer((in, out) -> {
                in.readuntil("\r\n\r\n".getBytes(ISO_8859_1));
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(ISO_8859_1));
                out.close();
            }, "127.0.0.1", 0);
            InvalidStatus e = assertThrows(InvalidStatus.class, () -> WebSockets.connect("ws://127.0.0.1:" + raw.port() + "/"));
            assertEquals(404, e.status());
            raw.close();
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                    () -> WebSockets.connect("http://127.0.0.1/"));
            assertTrue(bad.getMessage().contains("http://127.0.0.1/"), bad.getMessage());
        });
    }

    @Test
    void compressedMessagesRoundTripBothWays() throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(WebSocketTest::echo, "127.0.0.1", 0);
            String big = "abcdefgh".repeat(20_000); // 160 kB, compresses well
            try (WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + server.port() + "/")) {
                for (int i = 0; i < 3; i++) { // context takeover: later messages use the earlier window
                    ws.send(big + i);
                    assertEquals("echo: " + big + i, ws.recv().text());
                }
                ws.send(new byte[] {1, 2, 3});
                assertEquals(3, ((Message.Binary) ws.recv()).data().length);
            }
            try (WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + server.port() + "/",
                    ClientOptions.defaults().withCompression(false))) {
                ws.send("plain");
                assertEquals("echo: plain", ws.recv().text());
            }
            server.close();
        });
    }

    @Test
    void pingReturnsAWaiterForItsPongAndAClosedConnectionFailsIt() throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(WebSocketTest::echo, "127.0.0.1", 0);
            WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + server.port() + "/");
            PongWaiter pong = ws.ping(new byte[] {1, 2});
            double latency = pong.await();
            assertTrue(latency >= 0 && pong.isDone(), "latency " + latency);
            assertThrows(IllegalArgumentException.class, () -> ws.ping(new byte[126]));
            ws.close();
            assertThrows(ConnectionClosed.class, () -> ws.ping(null));
            server.close();

            // a peer that never answers pings: closing the connection fails the wait
            Server silent = Net.startServer((in, out) -> {
                RawPeer.serverHandshake(in, out);
                RawPeer.Frame f;
                while ((f = RawPeer.read(in)) != null && f.opcode() != 0x8) {
                    // pings go unanswered
                }
                out.write(RawPeer.frame(0x88, RawPeer.closePayload(1000, ""), false));
                out.close();
            }, "127.0.0.1", 0);
            WebSocket quiet = WebSockets.connect("ws://127.0.0.1:" + silent.port() + "/");
            PongWaiter never = quiet.ping(null);
            Task<Double> waiting = Aio.createTask(never::await);
            Aio.sleep(0.01);
            assertTrue(!never.isDone());
            quiet.close();
            assertThrows(ConnectionClosed.class, waiting::await);
            silent.close();
        });
    }

    @Test
    void aPeerThatIgnoresPingsIsClosedWith1011ByTheKeepalive() throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(ws -> {
                ConnectionClosed e = assertThrows(ConnectionClosed.class, ws::recv);
                assertEquals(1011, e.sentCode());
                assertEquals("keepalive ping timeout", e.sentReason());
            }, "127.0.0.1", 0, ServeOptions.defaults().withPing(Duration.ofMillis(50), Duration.ofMillis(50))
                    .withCloseTimeout(Duration.ofMillis(200)));
            Connection c = RawPeer.client(server.port()); // reads, never pongs
            RawPeer.Frame f;
            int pings = 0;
            while ((f = RawPeer.read(c.reader())) != null && f.opcode() != 0x8) {
                pings += f.opcode() == 0x9 ? 1 : 0;
            }
            assertEquals(1, pings);
            assertEquals(1011, f.closeCode());
            c.close();
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aPeerThatNeverAnswersTheCloseIsDroppedAfterTheCloseTimeout() throws Exception {
        Aio.run(() -> {
            int[] code = new int[1];
            WebSocketServer server = WebSockets.serve(ws -> {
                ws.close(1000, "bye"); // the raw client never echoes: close() returns at the timeout
                code[0] = ws.closeCode();
            }, "127.0.0.1", 0, ServeOptions.defaults().withCloseTimeout(Duration.ofMillis(100)));
            Connection c = RawPeer.client(server.port());
            assertEquals(1000, RawPeer.read(c.reader()).closeCode());
            assertEquals(null, RawPeer.read(c.reader()), "the connection is dropped at the close timeout");
            server.close();
            server.waitClosed();
            assertEquals(1006, code[0], "no close frame came back");
            c.close();
        });
    }

    @Test
    void wssWithTheServersCertificate() throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(WebSocketTest::echo, "127.0.0.1", 0,
                    ServeOptions.defaults().withSsl(TestCertificates.server()));
            try (WebSocket ws = WebSockets.connect("wss://localhost:" + server.port() + "/",
                    ClientOptions.defaults().withSsl(TestCertificates.client()))) {
                ws.send("over tls");
                assertEquals("echo: over tls", ws.recv().text());
            }
            // a client that does not trust the certificate cannot open
            assertThrows(java.io.IOException.class, () -> WebSockets.connect("wss://localhost:" + server.port() + "/"));
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void aSmallQueueLosesNothingAndACancelledRecvTakesNoMessage() throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(ws -> {
                for (int i = 0; i < 100; i++) {
                    ws.send("m" + i);
                }
                ws.recv(); // until the client closes
            }, "127.0.0.1", 0);
            WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + server.port() + "/",
                    ClientOptions.defaults().withMaxQueue(4));
            Task<Message> cancelled = Aio.createTask(ws::recv);
            Aio.sleep(0); // it starts waiting, or takes m0
            cancelled.cancel();
            int first = 0;
            try {
                cancelled.await();
                first = 1; // it had m0 before the cancel
            } catch (io.aio4j.CancelledError expected) {
                // took nothing
            }
            for (int i = first; i < 100; i++) {
                assertEquals("m" + i, ws.recv().text());
            }
            ws.close();
            server.close();
        });
    }
}
