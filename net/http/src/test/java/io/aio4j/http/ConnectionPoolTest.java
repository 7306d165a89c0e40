package io.aio4j.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import org.junit.jupiter.api.Test;

/** The session's kept-alive connections: reuse, a server that closed one, the loop's end. */
class ConnectionPoolTest {

    private static byte[] ok() {
        return "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok".getBytes(US_ASCII);
    }

    @Test
    void aKeptAliveConnectionTheServerClosedIsReplacedWithoutAnError() throws Exception {
        // the server answers as if it kept the connection (no Connection: close), then closes it
        try (RawHttpServer srv = new RawHttpServer((req, out) -> {
            out.write(ok());
            return false;
        }); ClientSession session = Http.session()) {
            Aio.run(() -> {
                for (int i = 0; i < 5; i++) {
                    try (Response r = session.get(srv.url("/" + i))) {
                        assertEquals("ok", r.text());
                    }
                    Aio.sleep(0.02); // the server's FIN arrives while the connection is idle, or not yet
                }
            });
            assertEquals(5, srv.connections.get());
        }
    }

    @Test
    void aBodyNotReadBeforeCloseClosesItsConnectionAndConnectionCloseIsHonoured() throws Exception {
        try (RawHttpServer srv = new RawHttpServer((req, out) -> {
            boolean close = req.contains("/close");
            out.write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n" + (close ? "Connection: close\r\n" : "") + "\r\nok")
                    .getBytes(US_ASCII));
            return !close;
        }); ClientSession session = Http.session()) {
            Aio.run(() -> {
                session.get(srv.url("/unread")).close(); // not read: the connection cannot be trusted
                try (Response r = session.get(srv.url("/close"))) {
                    assertEquals("ok", r.text());
                }
                try (Response r = session.get(srv.url("/after"))) {
                    assertEquals("ok", r.text());
                }
            });
            assertEquals(3, srv.connections.get());
        }
    }

    @Test
    void idleConnectionsCloseWhenTheLoopEnds() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.aio4j.testkit.OpenSockets.countable(),
                "counts open sockets through /proc (Linux)");
        try (RawHttpServer srv = new RawHttpServer((req, out) -> {
            out.write(ok());
            return true;
        })) {
            int before = io.aio4j.testkit.OpenSockets.settle(0);
            ClientSession session = Http.session(); // never closed: its loop's end closes the idle ones
            Aio.run(() -> {
                java.util.List<io.aio4j.Task<String>> gets = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    gets.add(Aio.createTask(() -> {
                        try (Response r = session.get(srv.url("/"))) {
                            return r.text();
                        }
                    }));
                }
                Aio.gather(gets);
            });
            int after = io.aio4j.testkit.OpenSockets.settle(before);
            assertTrue(after <= before, (after - before) + " client sockets left open after Aio.run returned");
            session.close();
        }
    }
}
