package io.aio4j.ws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** WebSocket echo, close handshakes and a dropped connection, against servers the tests start. */
class WebSocketTest {

    static void echo(WebSocket ws) throws Exception {
        for (Message m : ws) {
            switch (m) {
                case Message.Text t -> ws.send("echo: " + t.text());
                case Message.Binary b -> ws.send(b.data());
            }
        }
    }

    @Test
    void echoTextAndBytesThenACloseHandshake() throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(WebSocketTest::echo, "127.0.0.1", 0);
            WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + server.port() + "/");
            ws.send("hello");
            assertEquals("echo: hello", ws.recv().text());
            byte[] data = {1, 2, 3, 0, (byte) 255};
            ws.send(data);
            assertArrayEquals(data, ((Message.Binary) ws.recv()).data());
            ws.ping(new byte[] {9});
            ws.send("after ping");
            assertEquals("echo: after ping", ws.recv().text());
            ws.close(1000, "done");
            assertEquals(1000, ws.closeCode());
            ConnectionClosed e = assertThrows(ConnectionClosed.class, ws::recv);
            assertTrue(e.ok());
            server.close();
            server.waitClosed();
        });
    }

    @Test
    void theSideThatDidNotCloseGetsTheCodeAsAnException() throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(ws -> {
                ws.recv();
                ws.close(4000, "bye");
            }, "127.0.0.1", 0);
            WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + server.port() + "/");
            ws.send("anything");
            ConnectionClosed e = assertThrows(ConnectionClosed.class, ws::recv);
            assertEquals(4000, e.code());
            assertEquals("bye", e.reason());
            assertTrue(!e.ok());
            server.close();
        });
    }

    @Test
    void aServerThatDropsTheConnectionMidMessageIsAnAbnormalClose() throws Exception {
        ServerSocket raw = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> {
            try (raw; Socket s = raw.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), UTF_8));
                String key = null;
                for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                    if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                        key = line.substring(18).trim();
                    }
                }
                String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(UTF_8)));
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(UTF_8));
                out.write(new byte[] {(byte) 0x81, 10, 'p', 'a', 'r', 't'}); // a text frame of 10 bytes: 4 sent
                out.flush();
                Thread.sleep(50);
            } catch (Exception e) {
                // the test sees the effect
            }
        });
        Aio.run(() -> {
            WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + raw.getLocalPort() + "/");
            ConnectionClosed e = assertThrows(ConnectionClosed.class, ws::recv);
            assertEquals(1006, e.code());
        });
    }

    @Test
    void theServerTalksToTheJdkWebSocketClient() throws Exception {
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(WebSocketTest::echo, "127.0.0.1", 0);
            CompletableFuture<Void> done = new CompletableFuture<>();
            Aio.toThread(() -> {
                java.net.http.WebSocket jdk = HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), new java.net.http.WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
                                got.add(data.toString());
                                w.request(1);
                                if (got.size() == 2) {
                                    w.sendClose(1000, "bye");
                                }
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(java.net.http.WebSocket w, int code, String reason) {
                                done.complete(null);
                                return null;
                            }
                        }).join();
                jdk.sendText("one", true).join();
                jdk.sendText("two", true).join();
                return null;
            });
            // no wall-clock bound here (it failed at 10 s on a loaded machine): a hang is the JUnit
            // timeout's, which prints the loop's tasks and a thread dump (DumpOnTimeout)
            Aio.awaitFuture(done);
            server.close();
            server.waitClosed();
        });
        assertEquals(List.of("echo: one", "echo: two"), got);
    }

    @Test
    void aHandlerFailureClosesWith1011() throws Exception {
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        Aio.run(io.aio4j.Config.defaults().withExceptionHandler((m, e) -> reported.add(m)), () -> {
            WebSocketServer server = WebSockets.serve(ws -> {
                throw new IllegalStateException("handler failed");
            }, "127.0.0.1", 0);
            WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + server.port() + "/");
            ConnectionClosed e = assertThrows(ConnectionClosed.class, ws::recv);
            assertEquals(1011, e.code());
            server.close();
        });
        assertEquals(List.of("Unhandled exception in the WebSocket handler"), reported);
    }

    @Test
    void aConnectCancelledAtAnyMomentLeavesNoConnectionOpen() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.aio4j.testkit.OpenSockets.countable(),
                "counts open sockets through /proc (Linux)");
        java.util.Random random = new java.util.Random(17);
        int[] counts = new int[2];
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(WebSocketTest::echo, "127.0.0.1", 0);
            String uri = "ws://127.0.0.1:" + server.port() + "/";
            WebSockets.connect(uri).close(1000, "warm-up");
            counts[0] = io.aio4j.testkit.OpenSockets.settle(0); // what is open with the server idle
            int connected = 0;
            for (int i = 0; i < 200; i++) {
                io.aio4j.Task<WebSocket> t = Aio.createTask(() -> WebSockets.connect(uri));
                Aio.sleep(random.nextInt(0, 3000) * 1e-6);
                t.cancel();
                try {
                    t.await().close(1000, "connected before the cancel");
                    connected++;
                } catch (io.aio4j.CancelledError expected) {
                    // most of them
                }
            }
            // the server still runs: a connection the client dropped without closing would stay open
            counts[1] = Aio.toThread(() -> io.aio4j.testkit.OpenSockets.settle(counts[0]));
            assertTrue(counts[1] <= counts[0], (counts[1] - counts[0]) + " sockets left open by cancelled connects");
            server.close();
            // a connection a cancelled connect left open would keep waitClosed() waiting: fail, do not hang
            Aio.waitFor(java.time.Duration.ofSeconds(20), () -> {
                server.waitClosed();
                return null;
            });
        });
    }

    @Test
    void sendAfterThePeerClosedIsConnectionClosedNotACancellation() throws Exception {
        // websockets: send() on a closed connection raises ConnectionClosed (an exception, not a cancel)
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(ws -> ws.close(1001, "going away"), "127.0.0.1", 0);
            WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + server.port() + "/");
            ConnectionClosed first = assertThrows(ConnectionClosed.class, ws::recv);
            assertEquals(1001, first.code());
            Exception e = assertThrows(Exception.class, () -> {
                for (int i = 0; i < 100; i++) { // the session may take a moment to see its end
                    ws.send("late");
                    Aio.sleep(0.001);
                }
            });
            assertInstanceOf(ConnectionClosed.class, e);
            assertEquals(0, Aio.currentTask().cancelling(), "the task itself is not being cancelled");
            ws.close();
            server.close();
        });
    }

    @Test
    void aMessageOverMaxSizeClosesWith1009AndTheHandlerSeesConnectionClosed() throws Exception {
        List<String> reported = java.util.Collections.synchronizedList(new ArrayList<>());
        io.aio4j.Config config = io.aio4j.Config.defaults().withExceptionHandler((m, e) -> reported.add(m));
        Aio.run(config, () -> {
            WebSocketServer server = WebSockets.serve(WebSocketTest::echo, "127.0.0.1", 0,
                    ServeOptions.defaults().withMaxSize(1000));
            for (int i = 0; i < 50; i++) { // the close frame must win over the TCP teardown every time
                WebSocket ws = WebSockets.connect("ws://127.0.0.1:" + server.port() + "/");
                ws.send("small");
                assertEquals("echo: small", ws.recv().text());
                ws.send("x".repeat(2000));
                ConnectionClosed e = assertThrows(ConnectionClosed.class, ws::recv);
                assertEquals(1009, e.code(), "round " + i); // websockets: 1009 (message too big)
                ws.close();
            }
            server.close();
        });
        assertEquals(List.of(), reported, "a message over max_size is not an unhandled error");
    }

    @Test
    void thePlainHttpRequestGets426AndTheHandlerSeesThePathAndHeaders() throws Exception {
        Aio.run(() -> {
            WebSocketServer server = WebSockets.serve(ws -> {
                ws.send(ws.request().path() + " " + ws.request().header("X-Room"));
                ws.close();
            }, "127.0.0.1", 0);
            String status = Aio.toThread(() -> {
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
                    s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    return new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream())).readLine();
                }
            });
            assertEquals("HTTP/1.1 426 Upgrade Required", status); // websockets: 426 for a plain GET
            String got = Aio.toThread(() -> {
                java.util.concurrent.CompletableFuture<String> f = new java.util.concurrent.CompletableFuture<>();
                java.net.http.HttpClient.newHttpClient().newWebSocketBuilder().header("X-Room", "42")
                        .buildAsync(java.net.URI.create("ws://127.0.0.1:" + server.port() + "/chat?room=1"),
                                new java.net.http.WebSocket.Listener() {
                                    @Override
                                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w,
                                            CharSequence data, boolean last) {
                                        f.complete(data.toString());
                                        return null;
                                    }
                                }).join();
                return f.get(10, java.util.concurrent.TimeUnit.SECONDS);
            });
            assertEquals("/chat?room=1 42", got);
            server.close();
        });
    }
}
