package io.aio4j.http.web;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aio4j.Aio;
import io.aio4j.http.ClientSession;
import io.aio4j.http.Http;
import io.aio4j.net.Connection;
import io.aio4j.net.Net;
import io.aio4j.testkit.AioTest;
import io.aio4j.testkit.AioTestContext;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * Bad input at the server, over raw loopback connections: every malformed request gets a clear
 * status (or a close), memory stays bounded, and the server goes on serving others.
 */
class HostileClientsTest {

    static Application app() {
        return new Application()
                .get("/", r -> Response.text("ok"))
                .post("/read", r -> Response.text(r.bytes().length + ""))
                .get("/big", r -> Response.bytes(new byte[8 << 20], "application/octet-stream"))
                .get("/stream-big", r -> {
                    StreamResponse s = new StreamResponse();
                    s.prepare(r);
                    for (int i = 0; i < 1000; i++) {
                        s.write(new byte[64 * 1024]);
                    }
                    s.writeEof();
                    return s;
                })
                .get("/short", r -> {
                    StreamResponse s = new StreamResponse();
                    s.setContentLength(10);
                    s.prepare(r);
                    s.write("12345".getBytes(ISO_8859_1));
                    return s; // five bytes short: the connection must not pass it off as whole
                });
    }

    /** Sends {@code raw} on a fresh connection and returns everything the server sends until it closes. */
    static String exchange(WebServer server, String raw) throws Exception {
        return exchange(server, raw, false);
    }

    /** {@link #exchange(WebServer, String)}, half-closing after {@code raw} when {@code thenEof}. */
    static String exchange(WebServer server, String raw, boolean thenEof) throws Exception {
        try (Connection c = Net.openConnection("127.0.0.1", server.port())) {
            c.writer().write(raw.getBytes(ISO_8859_1));
            if (thenEof) {
                c.writer().writeEof();
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (byte[] b; (b = Aio.waitFor(30, () -> c.reader().read(65536))).length > 0;) {
                all.write(b, 0, b.length);
            }
            return all.toString(ISO_8859_1);
        }
    }

    static String status(String response) {
        return response.isEmpty() ? "(closed)" : response.substring(0, response.indexOf("\r\n"));
    }

    @AioTest
    void malformedRequestsAreA400ThatNamesTheFaultAndTheConnectionCloses(AioTestContext ctx) throws Exception {
        try (WebServer server = Web.serve(app(), "127.0.0.1", 0)) {
            String[][] cases = {
                    {"GARBAGE\r\n\r\n", "HTTP/1.1 400 Bad Request", "invalid request line"},
                    {"GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request", "invalid request line"},
                    {"GET / HTTP/2.0\r\nHost: x\r\n\r\n", "HTTP/1.1 505 HTTP Version Not Supported", "unsupported HTTP version"},
                    {"G(T / HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request", "invalid method"},
                    {"GET nope HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request", "invalid request target"},
                    {"GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request", "needs a Host header"},
                    {"GET / HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n", "HTTP/1.1 400 Bad Request", "invalid header field name"},
                    {"GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", "HTTP/1.1 400 Bad Request", "invalid header field"},
                    {"GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\n folded\r\n\r\n", "HTTP/1.1 400 Bad Request", "obsolete line folding"},
                    {"GET / HTTP/1.1\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request", "bare CR or LF"},
                    {"POST /read HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", "HTTP/1.1 400 Bad Request", "both Transfer-Encoding and Content-Length"},
                    {"POST /read HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", "HTTP/1.1 400 Bad Request", "invalid Content-Length"},
                    {"POST /read HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "HTTP/1.1 400 Bad Request", "contradictory Content-Length"},
                    {"POST /read HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", "HTTP/1.1 501 Not Implemented", "Transfer-Encoding not supported"},
                    {"POST /read HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "HTTP/1.1 400 Bad Request", "invalid chunk size"},
                    {"POST /read HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc", "HTTP/1.1 400 Bad Request", "cut short"},
                    {"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 400 Bad Request", "invalid percent-escape"},
                    {"GET / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n", "HTTP/1.1 417 Expectation Failed", "unsupported Expect"},
            };
            for (String[] c : cases) {
                String response;
                try {
                    response = exchange(server, c[0], c[2].equals("cut short"));
                } catch (io.aio4j.TimeoutError e) {
                    throw new AssertionError("no answer and no close for " + c[0], e);
                }
                assertEquals(c[1], status(response), c[0]);
                assertTrue(response.contains(c[2]), () -> c[0] + " -> " + response);
                assertTrue(response.contains("Connection: close") || c[0].contains("cut") || c[0].contains("zz\r\n")
                        || c[0].contains("%zz"), response);
            }
            // the cut body arrived at the handler as a 400, which it did not catch: the 400 is its answer
            assertEquals("HTTP/1.1 200 OK", status(exchange(server, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")));
        }
    }

    @AioTest
    void anOversizedHeadIs431AndAnOversizedBodyIs413(AioTestContext ctx) throws Exception {
        try (WebServer server = Web.serve(app(), "127.0.0.1", 0,
                WebOptions.defaults().withMaxHeadSize(1024).withClientMaxSize(100))) {
            String big = exchange(server, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(2000) + "\r\n\r\n");
            assertEquals("HTTP/1.1 431 Request Header Fields Too Large", status(big));
            String many = exchange(server, "GET / HTTP/1.1\r\nHost: x\r\n" + "A: 1\r\n".repeat(101) + "\r\n");
            assertEquals("HTTP/1.1 431 Request Header Fields Too Large", status(many));
            String body = exchange(server, "POST /read HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n" + "b".repeat(101));
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status(body));
            assertTrue(body.contains("Maximum request body size 100 exceeded, actual body size 101"), body);
            String chunked = exchange(server, "POST /read HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "40\r\n" + "c".repeat(64) + "\r\n40\r\n" + "c".repeat(64) + "\r\n0\r\n\r\n");
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status(chunked));
            String fits = exchange(server, "POST /read HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nConnection: close\r\n\r\n"
                    + "b".repeat(100));
            assertTrue(fits.endsWith("\r\n\r\n100"), fits);
        }
    }

    @AioTest
    void keepAliveAndPipelinedRequestsAreAnsweredInOrderOnOneConnection(AioTestContext ctx) throws Exception {
        try (WebServer server = Web.serve(app(), "127.0.0.1", 0)) {
            String r = exchange(server, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /read HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                    + "POST /read HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                    + "GET / HTTP/1.0\r\n\r\n");
            String[] parts = r.split("HTTP/1\\.[01] ");
            assertEquals(5, parts.length, r);
            assertTrue(parts[1].startsWith("200 OK") && parts[1].endsWith("ok"), parts[1]);
            assertTrue(parts[2].endsWith("\r\n\r\n5"), parts[2]);
            assertTrue(parts[3].endsWith("\r\n\r\n3"), parts[3]);
            assertTrue(parts[4].contains("Connection: close") && r.contains("HTTP/1.0 200 OK"), parts[4]);
        }
    }

    @AioTest
    void aSlowlorisClientIsClosedAtTheHeadTimeoutAndOthersAreServed(AioTestContext ctx) throws Exception {
        try (WebServer server = Web.serve(app(), "127.0.0.1", 0,
                WebOptions.defaults().withRequestHeadTimeout(Duration.ofSeconds(5)));
             ClientSession http = Http.session()) {
            double t0 = ctx.time();
            try (Connection slow = Net.openConnection("127.0.0.1", server.port())) {
                slow.writer().write("GET / HTTP/1.1\r\n".getBytes(ISO_8859_1));
                var drip = Aio.createTask(() -> {
                    for (int i = 0; i < 100; i++) {
                        Aio.sleep(1);
                        slow.writer().write(("X-" + i + ": y\r\n").getBytes(ISO_8859_1));
                    }
                    return null;
                });
                try (var r = http.get(server.url() + "/")) {
                    assertEquals("ok", r.text()); // the server serves others meanwhile
                }
                assertEquals(0, slow.reader().read(100).length, "closed without an answer");
                assertEquals(5, ctx.time() - t0, 1.0);
                drip.cancel();
            }
        }
    }

    @AioTest
    void aClientThatStopsReadingIsAbortedAtTheSendTimeoutWithBoundedBuffers(AioTestContext ctx) throws Exception {
        try (WebServer server = Web.serve(app(), "127.0.0.1", 0,
                WebOptions.defaults().withSendTimeout(Duration.ofSeconds(10)));
             ClientSession http = Http.session()) {
            double t0 = ctx.time();
            try (Connection stalled = Net.openConnection("127.0.0.1", server.port())) {
                stalled.writer().write("GET /stream-big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(ISO_8859_1));
                Aio.sleep(1);
                try (var r = http.get(server.url() + "/")) {
                    assertEquals("ok", r.text());
                }
                while (server.connectionCount() > 1) {
                    Aio.sleep(0.5);
                }
                // the server gave up on it: well under the 64 MB it would have buffered, after 10 s
                assertTrue(ctx.time() - t0 >= 10, "at the send timeout: " + (ctx.time() - t0));
                long got = 0;
                try {
                    for (byte[] b; (b = stalled.reader().read(1 << 20)).length > 0;) {
                        got += b.length;
                    }
                } catch (java.io.IOException reset) {
                    // aborted: the reset may arrive before the buffered bytes
                }
                assertTrue(got < 64L * 1024 * 1000, "the body was cut: " + got);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aBodyShorterThanItsContentLengthClosesTheConnectionAndIsReported() throws Exception {
        java.util.List<String> reported = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Aio.run(io.aio4j.Config.defaults().withExceptionHandler((m, e) -> reported.add(m + ": " + e.getMessage())), () -> {
            try (WebServer server = Web.serve(app(), "127.0.0.1", 0); ClientSession http = Http.session()) {
                try (var r = http.get(server.url() + "/short")) {
                    org.junit.jupiter.api.Assertions.assertThrows(io.aio4j.http.ClientPayloadError.class, r::bytes);
                }
            }
        });
        assertEquals(java.util.List.of("Error finishing the response to GET /short: the body ended before its "
                + "Content-Length: 5 of 10 bytes; the connection is closed"), reported);
    }
}
