package io.aio4j.http.web;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.CancelledError;
import io.aio4j.http.ClientSession;
import io.aio4j.http.Http;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.testkit.AioTest;
import io.aio4j.testkit.AioTestContext;
import io.aio4j.ws.ConnectionClosed;
import io.aio4j.ws.Message;
import io.aio4j.ws.WebSocket;
import io.aio4j.ws.WebSockets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Graceful shutdown, static files and WebSocket endpoints. */
class ShutdownAndEndpointsTest {

    @AioTest
    void aGracefulShutdownFinishesRequestsInFlightAndClosesIdleConnections(AioTestContext ctx) throws Exception {
        List<String> events = new ArrayList<>();
        Application app = new Application()
                .get("/slow", r -> {
                    Aio.sleep(5);
                    return Response.text("finished");
                })
                .get("/", r -> Response.text("ok"))
                .onShutdown(() -> events.add("shutdown"))
                .onCleanup(() -> events.add("cleanup"));
        WebServer server = Web.serve(app, "127.0.0.1", 0);
        int port = server.port();
        try (ClientSession http = Http.session(); Connection idle = Net.openConnection("127.0.0.1", server.port())) {
            idle.writer().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(ISO_8859_1));
            assertTrue(new String(idle.reader().readuntil("ok".getBytes(ISO_8859_1)), ISO_8859_1).startsWith("HTTP/1.1 200"));
            var slow = Aio.createTask(() -> {
                try (var r = http.get(server.url() + "/slow")) {
                    return r.status() + " " + r.text() + " " + r.header("Connection");
                }
            });
            Aio.sleep(1);
            double t0 = ctx.time();
            server.shutdown(Duration.ofSeconds(30));
            assertEquals(4, ctx.time() - t0, 0.5, "waited for the request in flight, not for the timeout");
            assertEquals("200 finished close", slow.await());
            assertEquals(0, idle.reader().read(10).length, "the idle kept-alive connection was closed");
            assertEquals(List.of("shutdown", "cleanup"), events);
            assertTrue(!server.isServing() && server.connectionCount() == 0);
            assertThrows(java.io.IOException.class, () -> Net.openConnection("127.0.0.1", port).close());
        }
    }

    @AioTest
    void requestsStillRunningAtTheShutdownTimeoutAreCancelled(AioTestContext ctx) throws Exception {
        List<String> seen = new ArrayList<>();
        Application app = new Application().get("/forever", r -> {
            try {
                Aio.sleep(3600);
                return Response.text("never");
            } catch (CancelledError e) {
                seen.add("cancelled");
                throw e;
            }
        });
        WebServer server = Web.serve(app, "127.0.0.1", 0);
        try (ClientSession http = Http.session()) {
            var stuck = Aio.createTask(() -> http.get(server.url() + "/forever").status());
            Aio.sleep(1);
            double t0 = ctx.time();
            server.shutdown(Duration.ofSeconds(2));
            assertEquals(2, ctx.time() - t0, 0.5);
            assertEquals(List.of("cancelled"), seen);
            assertThrows(java.io.IOException.class, stuck::await); // the connection closed without an answer
        }
    }

    @AioTest
    void staticFilesAreServedAndPathsThatLeaveTheDirectoryRefused(AioTestContext ctx, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hello file");
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/data.bin"), new byte[600_000]);
        Path outside = Files.writeString(dir.getParent().resolve(dir.getFileName() + "-secret.txt"), "secret");
        Files.createSymbolicLink(dir.resolve("link.txt"), outside);
        Application app = new Application().addStatic("/static", dir)
                .get("/file", r -> new FileResponse(dir.resolve("hello.txt")))
                .get("/missing", r -> new FileResponse(dir.resolve("nope.txt")));
        try (WebServer server = Web.serve(app, "127.0.0.1", 0); ClientSession http = Http.session()) {
            String u = server.url();
            String lastModified;
            try (var r = http.get(u + "/static/hello.txt")) {
                assertEquals(200, r.status());
                assertEquals("hello file", r.text());
                assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
                lastModified = r.header("Last-Modified");
            }
            try (var r = http.get(u + "/static/sub/data.bin")) {
                assertEquals(600_000, r.bytes().length);
            }
            try (var r = http.get(u + "/file", io.aio4j.http.RequestOptions.none().withHeader("If-Modified-Since", lastModified))) {
                assertEquals(304, r.status());
            }
            try (var r = http.get(u + "/missing")) {
                assertEquals(404, r.status());
            }
            try (var r = http.get(u + "/static/nope.txt")) {
                assertEquals(404, r.status());
            }
            try (var r = http.get(u + "/static/sub")) {
                assertEquals(403, r.status());
            }
            try (var r = http.get(u + "/static/link.txt")) {
                assertEquals(403, r.status(), "a symbolic link out of the directory");
            }
            // ".." sent as is (the client would normalize it away): raw
            String raw = HostileClientsTest.exchange(server, "GET /static/../" + outside.getFileName() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertEquals("HTTP/1.1 403 Forbidden", HostileClientsTest.status(raw));
            String encoded = HostileClientsTest.exchange(server, "GET /static/%2e%2e/" + outside.getFileName() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertEquals("HTTP/1.1 403 Forbidden", HostileClientsTest.status(encoded));
        }
    }

    @AioTest
    void webSocketEndpointsShareTheServer(AioTestContext ctx) throws Exception {
        Application app = new Application()
                .get("/", r -> Response.text("plain"))
                .get("/ws", r -> {
                    WebSocketResponse ws = new WebSocketResponse();
                    ws.prepare(r);
                    for (Message m : ws) {
                        if (m.text().equals("bye")) {
                            ws.close(1000, "bye to you");
                            break;
                        }
                        ws.send("echo: " + m.text());
                    }
                    return ws;
                });
        try (WebServer server = Web.serve(app, "127.0.0.1", 0); ClientSession http = Http.session()) {
            String wsUrl = "ws://127.0.0.1:" + server.port() + "/ws";
            try (WebSocket ws = WebSockets.connect(wsUrl)) {
                ws.send("one");
                assertEquals("echo: one", ws.recv().text());
                ws.send("bye");
                ConnectionClosed closed = assertThrows(ConnectionClosed.class, ws::recv);
                assertEquals(1000, closed.code());
                assertEquals("bye to you", closed.reason());
            }
            try (var r = http.get(server.url() + "/ws")) {
                assertEquals(400, r.status(), "not an upgrade");
                assertTrue(r.text().contains("Upgrade"), r::toString);
            }
            try (var r = http.get(server.url() + "/")) {
                assertEquals("plain", r.text());
            }
            // a shutdown closes open WebSockets with 1001
            WebSocket open = WebSockets.connect(wsUrl);
            open.send("x");
            assertEquals("echo: x", open.recv().text());
            server.shutdown(Duration.ofSeconds(5));
            ConnectionClosed gone = assertThrows(ConnectionClosed.class, open::recv);
            assertEquals(1001, gone.code());
            open.close();
        }
    }
}
